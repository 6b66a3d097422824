import { Body, Controller, Get, Header, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, StreamableFile } from '@nestjs/common';
import {
  ApiProperty,
  ApiPropertyOptional,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsArray, IsBoolean, IsOptional, IsUUID } from 'class-validator';
import { Authorize } from '../../common/auth/authorize.decorator';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { ErrorBodyDto } from '../../common/http/error-body.dto';
import { EmptyBodyDto } from '../../common/validation/empty-body.dto';
import { ConferenceAgendaService } from './conference-agenda.service';
import { ConferenceMinutesService } from './conference-minutes.service';
import { ConferenceSchedulingService } from './conference-scheduling.service';
import { CreateConferenceDto } from './dto/create-conference.dto';
import { ItemMinutesDto } from './dto/item-minutes.dto';
import { ListConferencesQuery } from './dto/list-conferences.query';
import { ApiContract } from '../../common/openapi/api-contract.decorator';

export class InvitableQuery {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  protocolId: string;

  @ApiPropertyOptional({ description: 'comma-separated case ids of the agenda' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value))
  @IsArray()
  @IsUUID('all', { each: true })
  caseIds?: string[];
}

export class StartConferenceDto {
  @ApiPropertyOptional({
    description: 'the chair confirms holding the conference on another day than planned (otherwise the answer warns CONFERENCE_NOT_TODAY)',
  })
  @IsOptional()
  @IsBoolean()
  confirmDate?: boolean;
}

@ApiTags('conferences')
@Controller('conferences')
@ApiNotFoundResponse({
  description: 'the conference does not exist or you are neither its chair nor invited (nor, for the minutes, of a case agency)',
  type: ErrorBodyDto,
})
export class ConferencesController {
  constructor(
    private readonly scheduling: ConferenceSchedulingService,
    private readonly agenda: ConferenceAgendaService,
    private readonly minutes: ConferenceMinutesService,
  ) {}

  @Authorize('create', 'Conference')
  @Post()
  @ApiContract('ScheduledConference', 'the scheduled conference with its agenda and invitees', 201)
  @ApiNotFoundResponse({ description: 'the protocol or an agenda case is outside your scope', type: ErrorBodyDto })
  @ApiUnprocessableEntityResponse({
    description: 'CASE_NOT_UNDER_PROTOCOL, INVITEE_NOT_ALLOWED, NO_APPROVED_PROTOCOL, PROTOCOL_NOT_IN_FORCE, CASE_CLOSED',
    type: ErrorBodyDto,
  })
  create(@CurrentUser() u: AuthenticatedUser, @Body() dto: CreateConferenceDto) {
    return this.scheduling.create(u, dto);
  }

  @Authorize('read', 'Conference')
  @Get()
  @ApiContract('ConferencePage', 'conferences you chair or are invited to, latest first')
  list(@CurrentUser() u: AuthenticatedUser, @Query() q: ListConferencesQuery) {
    return this.scheduling.list(u, q);
  }

  @Authorize('create', 'Conference')
  @Get('invitable')
  @ApiContract('InvitableList', 'people who may be invited for this protocol and these cases')
  invitable(@CurrentUser() u: AuthenticatedUser, @Query() q: InvitableQuery) {
    return this.scheduling.invitable(u, q.protocolId, q.caseIds ?? []);
  }

  @Authorize('read', 'Conference')
  @Get(':id')
  @ApiContract('ConferenceDetail', 'the conference; its agenda shows case references and stages only until you acknowledged confidentiality')
  detail(@CurrentUser() u: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.agenda.detail(u, id);
  }

  @Authorize('acknowledge', 'Conference')
  @Post(':id/acknowledge')
  @HttpCode(200)
  @ApiContract('ConferenceAcknowledgement', 'the statement confirmed; repeating it keeps the first time')
  @ApiConflictResponse({ description: 'CONFERENCE_STATE (closed)', type: ErrorBodyDto })
  acknowledge(@CurrentUser() u: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string, @Body() _body: EmptyBodyDto) {
    return this.agenda.acknowledge(u, id);
  }

  @Authorize('chair', 'Conference')
  @Post(':id/start')
  @HttpCode(200)
  @ApiConflictResponse({ description: 'CONFERENCE_STATE', type: ErrorBodyDto })
  @ApiContract(
    'StartedConference',
    'the conference in progress, with `warnings: [{ code: CONFERENCE_NOT_TODAY, plannedFor }]` when held on another day than planned and not confirmed',
  )
  start(@CurrentUser() u: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string, @Body() body: StartConferenceDto) {
    return this.scheduling.start(u, id, body.confirmDate === true);
  }

  @Authorize('chair', 'Conference')
  @Post(':id/close')
  @HttpCode(200)
  @ApiContract('Conference', 'the closed conference with its `seal` (minutes hash, Ed25519 signature, public key)')
  @ApiConflictResponse({ description: 'CONFERENCE_STATE', type: ErrorBodyDto })
  close(@CurrentUser() u: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string, @Body() _body: EmptyBodyDto) {
    return this.minutes.close(u, id);
  }

  @Authorize('chair', 'Conference')
  @Put(':id/items/:caseId/minutes')
  @ApiContract('SavedItemMinutes', "the item's minutes as saved")
  @ApiConflictResponse({ description: 'MINUTES_LOCKED (closed), CONFERENCE_STATE (not started), STALE_VERSION', type: ErrorBodyDto })
  @ApiUnprocessableEntityResponse({ description: 'ATTENDEE_NOT_INVITED, CONFIDENTIALITY_NOT_ACKNOWLEDGED', type: ErrorBodyDto })
  putMinutes(
    @CurrentUser() u: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Body() dto: ItemMinutesDto,
  ) {
    return this.minutes.putMinutes(u, id, caseId, dto);
  }

  @Authorize('read', 'Conference')
  @Get(':id/minutes.pdf')
  @ApiProduces('application/pdf')
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ description: 'the signed minutes (an extract of the items you may see)' })
  @ApiConflictResponse({ description: 'CONFERENCE_STATE (not closed yet)', type: ErrorBodyDto })
  async minutesPdf(@CurrentUser() u: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string) {
    const { file, filename } = await this.minutes.minutesPdf(u, id);
    return new StreamableFile(file, { type: 'application/pdf', disposition: `attachment; filename="${filename}"`, length: file.length });
  }

  @Authorize('read', 'Conference')
  @Get(':id/invite.ics')
  @ApiProduces('text/calendar')
  @Header('Cache-Control', 'no-store')
  async inviteIcs(@CurrentUser() u: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string) {
    const ics = await this.scheduling.inviteIcs(u, id);
    return new StreamableFile(Buffer.from(ics, 'utf8'), { type: 'text/calendar; charset=utf-8', disposition: 'attachment; filename="casusoverleg.ics"' });
  }
}
