import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Authorize } from '../../common/auth/authorize.decorator';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { ConsequencesService } from './consequences.service';

class ProtocolConsequencesDto {
  @ApiProperty({ description: 'cases under the protocol that are not closed: they cannot share while it is suspended' }) openCases: number;
  @ApiProperty({ description: 'conferences under the protocol not closed yet' }) openConferences: number;
  @ApiProperty() signatories: number;
}
class AgencyConsequencesDto {
  @ApiProperty({ description: 'active accounts of the agency: deactivating it stops their sign-in' }) activeUsers: number;
  @ApiProperty({ description: 'open cases the agency takes part in' }) openCases: number;
  @ApiProperty() approvedProtocols: number;
}
class UserConsequencesDto {
  @ApiProperty({ description: 'open cases the user directs: they need a new case director' }) directedOpenCases: number;
  @ApiProperty({ description: 'conferences the user chairs that are not closed' }) chairedOpenConferences: number;
  @ApiProperty({ description: 'sessions that deactivation ends' }) activeSessions: number;
}
class CaseConsequencesDto {
  @ApiProperty({ description: 'actions of the case still open: closing leaves them undone' }) openActions: number;
  @ApiProperty({ description: 'of those, past their due date' }) overdueActions: number;
  @ApiProperty({ description: 'invited agencies that have not contributed and were not waived' }) pendingContributions: number;
  @ApiProperty({ description: 'data requests about persons of the case not answered yet' }) openDataRequests: number;
  @ApiProperty({ description: 'conferences not closed that have this case on their agenda' }) upcomingConferences: number;
  @ApiProperty({ description: 'consents in force: sharing under them stops with the case' }) activeConsents: number;
  @ApiProperty({ description: 'agencies taking part in the case (the director\'s included)' }) agencies: number;
}

@ApiTags('consequences')
@ApiNotFoundResponse({ description: 'no such record (or outside your scope)' })
@Controller()
export class ConsequencesController {
  constructor(private readonly consequences: ConsequencesService) {}

  @Authorize('read', 'Protocol')
  @Get('protocols/:id/consequences')
  @ApiOperation({ summary: 'What suspending, lifting, rejecting or approving this protocol touches (counts)' })
  @ApiOkResponse({ type: ProtocolConsequencesDto })
  protocol(@CurrentUser() u: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.consequences.ofProtocol(u, id);
  }

  @Authorize('transition', 'Case')
  @Get('cases/:id/consequences')
  @ApiOperation({ summary: 'What closing this case leaves behind (counts)' })
  @ApiOkResponse({ type: CaseConsequencesDto })
  ofCase(@CurrentUser() u: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.consequences.ofCase(u, id);
  }

  @Authorize('update', 'Agency')
  @Get('agencies/:id/consequences')
  @ApiOperation({ summary: 'What deactivating this agency touches (counts)' })
  @ApiOkResponse({ type: AgencyConsequencesDto })
  agency(@Param('id', ParseUUIDPipe) id: string) {
    return this.consequences.ofAgency(id);
  }

  @Authorize('update', 'User')
  @Get('users/:id/consequences')
  @ApiOperation({ summary: 'What deactivating this account touches (counts)' })
  @ApiOkResponse({ type: UserConsequencesDto })
  user(@Param('id', ParseUUIDPipe) id: string) {
    return this.consequences.ofUser(id);
  }
}
