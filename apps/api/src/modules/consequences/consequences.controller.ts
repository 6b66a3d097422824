import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authorize } from '../../common/auth/authorize.decorator';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { ConsequencesService } from './consequences.service';
import { ApiContract } from '../../common/openapi/api-contract.decorator';

@ApiTags('consequences')
@ApiNotFoundResponse({ description: 'no such record (or outside your scope)' })
@Controller()
export class ConsequencesController {
  constructor(private readonly consequences: ConsequencesService) {}

  @Authorize('read', 'Protocol')
  @Get('protocols/:id/consequences')
  @ApiOperation({ summary: 'What suspending, lifting, rejecting or approving this protocol touches (counts)' })
  @ApiContract('ProtocolConsequences', 'open cases and conferences under the protocol, and its signatories')
  protocol(@CurrentUser() u: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.consequences.ofProtocol(u, id);
  }

  @Authorize('transition', 'Case')
  @Get('cases/:id/consequences')
  @ApiOperation({ summary: 'What closing this case leaves behind (counts)' })
  @ApiContract('CaseConsequences', 'what closing the case leaves open')
  ofCase(@CurrentUser() u: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.consequences.ofCase(u, id);
  }

  @Authorize('update', 'Agency')
  @Get('agencies/:id/consequences')
  @ApiOperation({ summary: 'What deactivating this agency touches (counts)' })
  @ApiContract('AgencyConsequences', 'active accounts, open cases and approved protocols of the agency')
  agency(@Param('id', ParseUUIDPipe) id: string) {
    return this.consequences.ofAgency(id);
  }

  @Authorize('update', 'User')
  @Get('users/:id/consequences')
  @ApiOperation({ summary: 'What deactivating this account touches (counts)' })
  @ApiContract('UserConsequences', 'cases the user directs, conferences they chair, their sessions')
  user(@Param('id', ParseUUIDPipe) id: string) {
    return this.consequences.ofUser(id);
  }
}
