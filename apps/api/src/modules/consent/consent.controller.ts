import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import { Authorize } from '../../common/auth/authorize.decorator';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { ConsentService } from './consent.service';
import { CreateConsentDto, CreateNoticeDto, WithdrawConsentDto } from './dto/consent.dto';
import { ApiContract } from '../../common/openapi/api-contract.decorator';

@ApiTags('consent')
@Controller('cases/:id')
@ApiNotFoundResponse({ description: 'the case does not exist or is outside your scope' })
export class ConsentController {
  constructor(private readonly consent: ConsentService) {}

  @Authorize('read', 'Consent')
  @Get('consents')
  @ApiContract('ConsentsAndNotices', 'the consents and notices of the case')
  list(@CurrentUser() u: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.consent.list(u, id);
  }

  @Authorize('create', 'Consent')
  @Post('consents')
  @ApiContract('Consent', 'the consent', 201)
  create(@CurrentUser() u: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CreateConsentDto) {
    return this.consent.create(u, id, dto);
  }

  @Authorize('withdraw', 'Consent')
  @Post('consents/:cid/withdraw')
  @HttpCode(200)
  @ApiConflictResponse({ description: 'CONSENT_ALREADY_WITHDRAWN' })
  @ApiContract('Consent', 'the withdrawn consent')
  withdraw(
    @CurrentUser() u: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('cid', ParseUUIDPipe) cid: string,
    @Body() dto: WithdrawConsentDto,
  ) {
    return this.consent.withdraw(u, id, cid, dto.reason);
  }

  @Authorize('create', 'Consent')
  @Post('notices')
  @ApiContract('Notice', 'the notice', 201)
  notice(@CurrentUser() u: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CreateNoticeDto) {
    return this.consent.notice(u, id, dto);
  }
}
