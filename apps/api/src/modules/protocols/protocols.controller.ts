import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Authorize } from '../../common/auth/authorize.decorator';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { EmptyBodyDto } from '../../common/validation/empty-body.dto';
import { CreateProtocolDto } from './dto/create-protocol.dto';
import { ListProtocolsQuery } from './dto/list-protocols.query';
import { ApproveProtocolDto, ProtocolReasonDto } from './dto/protocol-decision.dto';
import { UpdateProtocolDto } from './dto/update-protocol.dto';
import { ProtocolsService } from './protocols.service';
import { ApiContract } from '../../common/openapi/api-contract.decorator';

@ApiTags('protocols')
@Controller('protocols')
@ApiNotFoundResponse({ description: 'the protocol does not exist or is outside your scope' })
export class ProtocolsController {
  constructor(private readonly protocols: ProtocolsService) {}

  @Authorize('read', 'Protocol')
  @Get()
  @ApiContract('ProtocolPage', 'protocols in your scope, newest first')
  list(@CurrentUser() u: AuthenticatedUser, @Query() q: ListProtocolsQuery) {
    return this.protocols.list(u, q);
  }

  @Authorize('read', 'Protocol')
  @Get(':id')
  @ApiContract('ProtocolDetail', 'the protocol with its approvals, pending approvers and history')
  get(@CurrentUser() u: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.protocols.get(u, id);
  }

  @Authorize('create', 'Protocol')
  @Post()
  @ApiContract('Protocol', 'the new draft', 201)
  create(@CurrentUser() u: AuthenticatedUser, @Body() dto: CreateProtocolDto) {
    return this.protocols.create(u, dto);
  }

  @Authorize('update', 'Protocol')
  @Patch(':id')
  @ApiConflictResponse({ description: 'STALE_VERSION or PROTOCOL_NOT_DRAFT' })
  @ApiContract('Protocol', 'the updated draft')
  update(@CurrentUser() u: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateProtocolDto) {
    return this.protocols.update(u, id, dto);
  }

  @Authorize('submit', 'Protocol')
  @Post(':id/submit')
  @HttpCode(200)
  @ApiConflictResponse({ description: 'PROTOCOL_TRANSITION_NOT_ALLOWED' })
  @ApiContract('ProtocolDetail', 'the submitted protocol')
  submit(@CurrentUser() u: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string, @Body() _b: EmptyBodyDto) {
    return this.protocols.decide(u, id, 'submit', {});
  }

  @Authorize('approve', 'Protocol')
  @Post(':id/approve')
  @HttpCode(200)
  @ApiConflictResponse({ description: 'PROTOCOL_TRANSITION_NOT_ALLOWED, ALREADY_APPROVED' })
  @ApiUnprocessableEntityResponse({ description: 'MOTIVATION_REQUIRED' })
  @ApiContract('ProtocolDetail', 'the protocol with the approval; in force once every approver approved')
  approve(@CurrentUser() u: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ApproveProtocolDto) {
    return this.protocols.decide(u, id, 'approve', { reference: dto.reference, motivation: dto.motivation });
  }

  @Authorize('reject', 'Protocol')
  @Post(':id/reject')
  @HttpCode(200)
  @ApiContract('ProtocolDetail', 'the rejected protocol')
  reject(@CurrentUser() u: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ProtocolReasonDto) {
    return this.protocols.decide(u, id, 'reject', { reason: dto.reason });
  }

  @Authorize('suspend', 'Protocol')
  @Post(':id/suspend')
  @HttpCode(200)
  @ApiContract('ProtocolDetail', 'the suspended protocol')
  suspend(@CurrentUser() u: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ProtocolReasonDto) {
    return this.protocols.decide(u, id, 'suspend', { reason: dto.reason });
  }

  @Authorize('lift', 'Protocol')
  @Post(':id/suspension/lift')
  @HttpCode(200)
  @ApiConflictResponse({ description: 'PROTOCOL_TRANSITION_NOT_ALLOWED (the protocol is not suspended)' })
  @ApiContract('ProtocolDetail', 'the protocol in force again')
  liftSuspension(@CurrentUser() u: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ProtocolReasonDto) {
    return this.protocols.decide(u, id, 'lift', { reason: dto.reason });
  }

  @Authorize('create', 'Protocol')
  @Post(':id/amend')
  @ApiConflictResponse({ description: 'PROTOCOL_NOT_APPROVED' })
  @ApiContract('Protocol', 'the amendment: a new draft revision', 201)
  amend(@CurrentUser() u: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string, @Body() _b: EmptyBodyDto) {
    return this.protocols.amend(u, id);
  }
}
