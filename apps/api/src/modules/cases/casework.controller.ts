import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Authorize } from '../../common/auth/authorize.decorator';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { ErrorBodyDto } from '../../common/http/error-body.dto';
import { CaseTeamService } from './case-team.service';
import { AddIncidentDto, AddTeamMemberDto, HandoverDto, ReopenDto } from './dto/casework.dto';
import { FollowUpService } from './follow-up.service';
import { ApiContract } from '../../common/openapi/api-contract.decorator';

@ApiTags('cases')
@Controller('cases/:id')
@ApiNotFoundResponse({ description: 'the case does not exist or is outside your scope', type: ErrorBodyDto })
export class CaseworkController {
  constructor(
    private readonly team: CaseTeamService,
    private readonly followUp: FollowUpService,
  ) {}

  @Authorize('read', 'Case')
  @Get('team')
  @ApiContract('CaseTeam', 'the case director and the deputies')
  getTeam(@CurrentUser() u: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.team.team(u, id);
  }

  @Authorize('handover', 'Case')
  @Get('team/candidates')
  @ApiContract('TeamCandidateList', 'active case directors of the case agencies')
  candidates(@CurrentUser() u: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.team.candidates(u, id);
  }

  @Authorize('handover', 'Case')
  @Post('team')
  @ApiContract('CaseTeam', 'the team after adding the deputy', 201)
  @ApiConflictResponse({ description: 'ALREADY_IN_TEAM, CASE_NOT_ACCEPTED', type: ErrorBodyDto })
  @ApiUnprocessableEntityResponse({ description: 'TEAM_MEMBER_NOT_ALLOWED (not an active case director of a case agency), CASE_CLOSED', type: ErrorBodyDto })
  addDeputy(@CurrentUser() u: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: AddTeamMemberDto) {
    return this.team.addDeputy(u, id, dto);
  }

  @Authorize('handover', 'Case')
  @Delete('team/:userId')
  @ApiContract('CaseTeam', 'the team after removing the deputy')
  removeDeputy(@CurrentUser() u: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string, @Param('userId', ParseUUIDPipe) userId: string) {
    return this.team.removeDeputy(u, id, userId);
  }

  @Authorize('handover', 'Case')
  @Post('handover')
  @HttpCode(200)
  @ApiContract('Handover', 'the new director and the team; the timeline records HANDOVER with the reason')
  @ApiForbiddenResponse({
    description: 'HANDOVER_NOT_ALLOWED: not in the case team (a take-over needs an inactive director of your agency)',
    type: ErrorBodyDto,
  })
  @ApiConflictResponse({ description: 'ALREADY_DIRECTOR, CASE_NOT_ACCEPTED', type: ErrorBodyDto })
  @ApiUnprocessableEntityResponse({ description: 'TEAM_MEMBER_NOT_ALLOWED, CASE_CLOSED', type: ErrorBodyDto })
  handover(@CurrentUser() u: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: HandoverDto) {
    return this.team.handover(u, id, dto);
  }

  @Authorize('report', 'Case')
  @Post('incidents')
  @ApiContract('CaseIncident', 'the incident', 201)
  @ApiUnprocessableEntityResponse({ description: 'CASE_CLOSED', type: ErrorBodyDto })
  addIncident(@CurrentUser() u: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: AddIncidentDto) {
    return this.followUp.addIncident(u, id, dto);
  }

  @Authorize('reopen', 'Case')
  @Post('reopen')
  @HttpCode(200)
  @ApiContract('CaseSummary', 'the reopened case: stage CASUSREGIE (closed COMPLETED), WEGING (NOT_INCLUDED) or AANMELDING (DECLINED)')
  @ApiConflictResponse({ description: 'CASE_NOT_CLOSED', type: ErrorBodyDto })
  @ApiUnprocessableEntityResponse({
    description: 'REOPEN_WINDOW_PASSED (closed more than 12 months ago, or beyond the protocol retention)',
    type: ErrorBodyDto,
  })
  reopen(@CurrentUser() u: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReopenDto) {
    return this.followUp.reopen(u, id, dto.reason);
  }
}
