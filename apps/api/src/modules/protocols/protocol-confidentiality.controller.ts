import { Controller, Get, Param, ParseUUIDPipe, Post, Body } from '@nestjs/common';
import { ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import { Authorize } from '../../common/auth/authorize.decorator';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { EmptyBodyDto } from '../../common/validation/empty-body.dto';
import { ProtocolConfidentialityService } from './protocol-confidentiality.service';
import { ApiContract } from '../../common/openapi/api-contract.decorator';

@ApiTags('protocols')
@Controller('protocols/:id')
@ApiNotFoundResponse({ description: 'the protocol does not exist or is outside your scope' })
export class ProtocolConfidentialityController {
  constructor(private readonly confidentiality: ProtocolConfidentialityService) {}

  @Authorize('read', 'Protocol')
  @Get('confidentiality')
  @ApiContract('ConfidentialityStatement', 'the statement in force, and when you acknowledged it')
  statement(@CurrentUser() u: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.confidentiality.statementFor(u, id);
  }

  @Authorize('acknowledge', 'Protocol')
  @Post('acknowledgements')
  @ApiContract('ConfidentialityAcknowledgement', 'your acknowledgement; acknowledging again keeps the first time', 201)
  acknowledge(@CurrentUser() u: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string, @Body() _b: EmptyBodyDto) {
    return this.confidentiality.acknowledge(u, id);
  }

  @Authorize('read', 'ProtocolAccessList')
  @Get('access-list')
  @ApiContract('AccessList', 'who under the protocol acknowledged which statement version')
  accessList(@CurrentUser() u: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.confidentiality.accessList(u, id);
  }
}
