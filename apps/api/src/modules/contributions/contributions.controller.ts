import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import { Authorize } from '../../common/auth/authorize.decorator';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { ContributionsService } from './contributions.service';
import { CreateContributionDto } from './dto/create-contribution.dto';
import { ApiContract } from '../../common/openapi/api-contract.decorator';

@ApiTags('contributions')
@Controller('cases/:id/contributions')
@ApiNotFoundResponse({ description: 'the case does not exist or is outside your scope' })
export class ContributionsController {
  constructor(private readonly contributions: ContributionsService) {}

  @Authorize('create', 'Contribution')
  @Post()
  @ApiContract('RecordedContribution', 'the contribution; visible to your agency only until shared', 201)
  create(@CurrentUser() u: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CreateContributionDto) {
    return this.contributions.create(u, id, dto);
  }

  @Authorize('read', 'Contribution')
  @Get()
  @ApiContract('ContributionList', 'contributions of your agency and those shared with it, oldest first')
  list(@CurrentUser() u: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.contributions.list(u, id);
  }
}
