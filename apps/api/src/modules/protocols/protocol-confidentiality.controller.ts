import { Controller, Get, Param, ParseUUIDPipe, Post, Body } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authorize } from '../../common/auth/authorize.decorator';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { EmptyBodyDto } from '../../common/validation/empty-body.dto';
import { ProtocolConfidentialityService } from './protocol-confidentiality.service';

@ApiTags('protocols')
@Controller('protocols/:id')
@ApiNotFoundResponse({ description: 'the protocol does not exist or is outside your scope' })
export class ProtocolConfidentialityController {
  constructor(private readonly confidentiality: ProtocolConfidentialityService) {}

  @Authorize('read', 'Protocol')
  @Get('confidentiality')
  @ApiOkResponse({ description: '`{ protocolId, statementVersion, statement: { nl, fr, en }, acknowledgedAt }` for the caller' })
  statement(@CurrentUser() u: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.confidentiality.statementFor(u, id);
  }

  @Authorize('acknowledge', 'Protocol')
  @Post('acknowledgements')
  @ApiCreatedResponse({ description: '`{ protocolId, userId, statementVersion, statement, acknowledgedAt }`; acknowledging again keeps the first time' })
  acknowledge(@CurrentUser() u: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string, @Body() _b: EmptyBodyDto) {
    return this.confidentiality.acknowledge(u, id);
  }

  @Authorize('read', 'ProtocolAccessList')
  @Get('access-list')
  @ApiOkResponse({ description: '`{ protocolId, statementVersion, items: [{ userId, displayName, agencyId, agencyName, roles, acknowledgedAt, statementVersion, current }] }`' })
  accessList(@CurrentUser() u: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.confidentiality.accessList(u, id);
  }
}
