import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiProperty, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { IsInt, IsOptional, Min } from 'class-validator';
import { Authorize } from '../../common/auth/authorize.decorator';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { CasesService } from './cases.service';
import { DecisionDto, InviteAgencyDto, LegalHoldDto, TransitionDto, WaiveContributionDto } from './dto/case-commands.dto';
import { ListCasesQuery } from './dto/list-cases.query';
import { ApiContract } from '../../common/openapi/api-contract.decorator';

export class TransitionWithVersionDto extends TransitionDto {
  @ApiProperty({ required: false, description: 'the case version read; a stale one gets 409 STALE_VERSION' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

@ApiTags('cases')
@Controller('cases')
@ApiNotFoundResponse({ description: 'the case does not exist or is outside your scope' })
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Authorize('read', 'Case')
  @Get()
  @ApiContract('CaseListPage', 'cases in your scope, newest first; `limited: true` items show reference and stage only')
  list(@CurrentUser() u: AuthenticatedUser, @Query() q: ListCasesQuery) {
    return this.cases.list(u, q);
  }

  @Authorize('read', 'Case')
  @Get(':id')
  @ApiContract('CaseView', 'the case: full, erased, awaiting your confidentiality acknowledgement, or limited to reference and stage')
  detail(@CurrentUser() u: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.cases.detail(u, id);
  }

  @Authorize('read', 'Case')
  @Get(':id/timeline')
  @ApiContract('Timeline', 'the chain events of the case, oldest first')
  timeline(@CurrentUser() u: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.cases.timelineOf(u, id);
  }

  @Authorize('transition', 'Case')
  @Post(':id/transitions')
  @HttpCode(200)
  @ApiConflictResponse({ description: 'TRANSITION_NOT_ALLOWED with `unmetGuards[]`, or STALE_VERSION' })
  @ApiContract('CaseSummary', 'the case at its new stage')
  transition(@CurrentUser() u: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: TransitionWithVersionDto) {
    return this.cases.transition(u, id, dto);
  }

  @Authorize('invite', 'Case')
  @Post(':id/agencies')
  @ApiUnprocessableEntityResponse({ description: 'AGENCY_NOT_SIGNATORY, CASE_CLOSED' })
  @ApiConflictResponse({ description: 'AGENCY_ALREADY_IN_CASE' })
  @ApiContract('AgencyInvitation', 'the agency is part of the case; its members are notified', 201)
  invite(@CurrentUser() u: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: InviteAgencyDto) {
    return this.cases.inviteAgency(u, id, dto.agencyId);
  }

  @Authorize('transition', 'Case')
  @Post(':id/agencies/:agencyId/waiver')
  @HttpCode(200)
  @ApiContract('ContributionWaiver', "weighing may start without this agency's contribution")
  waive(
    @CurrentUser() u: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('agencyId', ParseUUIDPipe) agencyId: string,
    @Body() dto: WaiveContributionDto,
  ) {
    return this.cases.waiveContribution(u, id, agencyId, dto.reason);
  }

  @Authorize('read', 'Case')
  @Get(':id/decisions')
  @ApiContract('DecisionList', 'the inclusion decisions, oldest first')
  decisions(@CurrentUser() u: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.cases.decisions(u, id);
  }

  @Authorize('decide', 'Case')
  @Post(':id/decisions')
  @ApiConflictResponse({ description: 'WRONG_STAGE' })
  @ApiContract('Decision', 'the decision', 201)
  decide(@CurrentUser() u: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: DecisionDto) {
    return this.cases.decide(u, id, dto);
  }

  @Authorize('hold', 'Case')
  @Post(':id/legal-hold')
  @HttpCode(200)
  @ApiContract('LegalHold', "the case's reference and its hold (no content: the DPO sees none)")
  legalHold(@CurrentUser() u: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: LegalHoldDto) {
    return this.cases.legalHold(u, id, dto.hold, dto.reason);
  }
}
