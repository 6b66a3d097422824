import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { rulesToSql } from '@schakel/authz';
import { checkConferenceCommand, isPlannedDay, isProtocolInForce, mayAttendConference, todayInBrussels } from '@schakel/domain';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { assertRowAccess } from '../../common/auth/row-access';
import { conflict, unprocessable } from '../../common/http/domain-error';
import { pageRequest, toPage } from '../../common/pagination/cursor';
import { CaseAccessService } from '../cases/case-access.service';
import { TimelineService } from '../cases/timeline.service';
import { agenciesByIds, agencyIdsInDistrict, type AgencyRef } from '../agencies/agency-directory';
import { activeStaffOf, staffByIds, type StaffMember } from '../identity/user-directory';
import { NotificationsService } from '../notifications/notifications.service';
import { ProtocolsService } from '../protocols/protocols.service';
import { ConferenceLoader, inviteeView } from './conference-loader.service';
import { CONFERENCE_SCOPE_FIELDS } from './conference-scope';
import { conferenceView } from './conference.view';
import type { CreateConferenceDto } from './dto/create-conference.dto';
import type { ListConferencesQuery } from './dto/list-conferences.query';
import { ConferenceInvitee } from './entities/conference-invitee.entity';
import { ConferenceItem } from './entities/conference-item.entity';
import { Conference } from './entities/conference.entity';
import { conferenceInviteIcs } from './invite-ics';

/** Scheduling: who may be invited, creating a conference, the caller's list, starting it, the calendar file. */
@Injectable()
export class ConferenceSchedulingService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly cases: CaseAccessService,
    private readonly timeline: TimelineService,
    private readonly protocols: ProtocolsService,
    private readonly notifications: NotificationsService,
    private readonly loader: ConferenceLoader,
  ) {}

  /**
   * Who may be invited to a conference on these cases (libs/domain mayAttendConference): partners of
   * the protocol's signatories and of the cases' agencies — every case-team member among them — and
   * the district's prosecutor liaisons. Names and agencies only.
   */
  async invitable(user: AuthenticatedUser, protocolId: string, caseIds: string[]) {
    const found = await this.protocols.findWithAgencies(protocolId);
    if (!found) throw new NotFoundException('No such protocol');
    const { protocol, agencyIds: signatories } = found;
    assertRowAccess(user, 'read', 'Protocol', { id: protocol.id, district: protocol.district, agencyIds: signatories, status: protocol.status }, 'protocol');
    const allowed = new Set(signatories);
    for (const ctx of await this.cases.loadMany(user, caseIds)) for (const a of ctx.agencyIds) allowed.add(a);
    const m = this.ds.manager;
    const users = await activeStaffOf(m, [...allowed], { role: 'prosecutor_liaison', agencyIds: await agencyIdsInDistrict(m, protocol.district) });
    const agencies = await agenciesOf(m, users);
    return {
      items: users
        .filter((u) => u.id !== user.id && mayAttendConference(candidate(u, agencies), { agencyIds: allowed, district: protocol.district }))
        .map((u) => ({ id: u.id, displayName: u.displayName, agencyId: u.agencyId, agencyName: agencies.get(u.agencyId)?.name ?? null })),
    };
  }

  /**
   * Schedules a conference chaired by the caller. The agenda cases are loaded in one batch through
   * CaseAccessService (404 outside the caller's scope) and must live under the conference's
   * protocol; invitees must be able to take part lawfully. Invitees are notified.
   */
  async create(user: AuthenticatedUser, dto: CreateConferenceDto) {
    return this.ds.transaction(async (m) => {
      const found = await this.protocols.findWithAgencies(dto.protocolId, m);
      if (!found) throw new NotFoundException('No such protocol');
      const { protocol, agencyIds: signatories } = found;
      assertRowAccess(user, 'read', 'Protocol', { id: protocol.id, district: protocol.district, agencyIds: signatories, status: protocol.status }, 'protocol');
      if (protocol.status !== 'APPROVED')
        throw unprocessable('NO_APPROVED_PROTOCOL', 'This protocol is not approved by the prosecutor: no conference can be held under it');
      if (!isProtocolInForce(protocol, todayInBrussels()))
        throw unprocessable('PROTOCOL_NOT_IN_FORCE', 'This protocol is suspended or outside its validity period');

      const contexts = await this.cases.loadMany(user, dto.caseIds, 'read', m);
      const foreign = contexts.filter((c) => c.record.protocolId !== protocol.id).map((c) => c.record.id);
      if (foreign.length)
        throw unprocessable('CASE_NOT_UNDER_PROTOCOL', "Every case on the agenda must be under the conference's protocol", { caseIds: foreign });
      for (const ctx of contexts) this.cases.assertOpen(ctx);

      const inviteeIds = dto.inviteeUserIds.filter((id) => id !== user.id);
      const allowedAgencies = new Set([...signatories, ...contexts.flatMap((c) => c.agencyIds)]);
      const users = await staffByIds(m, inviteeIds);
      const agencies = await agenciesOf(m, users);
      const refused = inviteeIds.filter((id) => {
        const u = users.find((x) => x.id === id);
        return !u || !mayAttendConference(candidate(u, agencies), { agencyIds: allowedAgencies, district: protocol.district });
      });
      if (refused.length) {
        throw unprocessable(
          'INVITEE_NOT_ALLOWED',
          'Invitees must be active partners of an agency that is part of an agenda case or signed the protocol, or a prosecutor liaison of the district',
          { userIds: refused },
        );
      }

      const repo = m.getRepository(Conference);
      const c = await repo.save(
        repo.create({
          protocolId: protocol.id,
          chairId: user.id,
          chairAgencyId: user.agencyId,
          scheduledAt: new Date(dto.scheduledAt),
          location: dto.location.trim(),
          status: 'SCHEDULED',
          startedAt: null,
          closedAt: null,
          minutesHash: null,
          minutesSignature: null,
          signingPublicKey: null,
        }),
      );
      await m.getRepository(ConferenceItem).insert(
        contexts.map((ctx, i) => ({
          conferenceId: c.id,
          caseId: ctx.record.id,
          position: i + 1,
          minutes: null,
          attendance: [],
          decisions: [],
          minutesBy: null,
          minutesAt: null,
        })),
      );
      if (users.length) {
        await m
          .getRepository(ConferenceInvitee)
          .insert(users.map((u) => ({ conferenceId: c.id, userId: u.id, agencyId: u.agencyId, acknowledgedAt: null, acknowledgement: null })));
      }
      await this.timeline.recordMany(
        m,
        contexts.map((ctx) => ctx.record.id),
        user,
        'CONFERENCE_SCHEDULED',
        { conferenceId: c.id, scheduledAt: c.scheduledAt.toISOString() },
      );
      await this.notifications.notify(
        m,
        users.map((u) => u.id),
        { type: 'CONFERENCE_SCHEDULED', subjectId: c.id },
      );
      const people = await this.loader.people(m, [user.id, ...users.map((u) => u.id)]);
      return {
        ...conferenceView(c),
        agenda: contexts.map((ctx, i) => ({ position: i + 1, caseId: ctx.record.id, reference: ctx.record.reference, stage: ctx.record.stage })),
        invitees: users.map((u) => inviteeView({ userId: u.id, acknowledgedAt: null }, people)),
      };
    });
  }

  /** The caller's conferences: those they chair and those they are invited to (filtered in SQL with the CASL rules). */
  async list(user: AuthenticatedUser, q: ListConferencesQuery) {
    const { limit, cursor } = pageRequest(q);
    const scope = rulesToSql(user.ability, 'read', 'Conference', CONFERENCE_SCOPE_FIELDS);
    const qb = this.ds
      .getRepository(Conference)
      .createQueryBuilder('f')
      .where(scope.sql, scope.params)
      .orderBy('f.scheduled_at', 'DESC')
      .addOrderBy('f.id', 'DESC')
      .take(limit + 1);
    if (q.status) qb.andWhere('f.status = :status', { status: q.status });
    if (cursor) qb.andWhere('(f.scheduled_at, f.id) < (:k::timestamptz, :cid::uuid)', { k: cursor.k, cid: cursor.id });
    const rows = await qb.getMany();
    const ids = rows.map((r) => r.id);
    const mine = ids.length ? await this.ds.getRepository(ConferenceInvitee).findBy({ conferenceId: In(ids), userId: user.id }) : [];
    const counts: { conference_id: string; n: number }[] = ids.length
      ? await this.ds.query('SELECT conference_id, count(*)::int AS n FROM conference_items WHERE conference_id = ANY($1) GROUP BY conference_id', [ids])
      : [];
    return toPage(
      rows,
      limit,
      (c) => ({ k: c.scheduledAt.toISOString(), id: c.id }),
      (c) => ({
        ...conferenceView(c),
        myRole: c.chairId === user.id ? ('CHAIR' as const) : ('INVITEE' as const),
        acknowledgedAt: mine.find((i) => i.conferenceId === c.id)?.acknowledgedAt?.toISOString() ?? null,
        agendaItems: counts.find((r) => r.conference_id === c.id)?.n ?? 0,
      }),
    );
  }

  /**
   * Starts the conference. Held on another day than planned, the answer carries the warning
   * CONFERENCE_NOT_TODAY (the SPA asks the chair to confirm before it calls); `confirmDate: true`
   * records that the chair confirmed. Existing clients that send `{}` keep working.
   */
  async start(user: AuthenticatedUser, id: string, confirmDate = false) {
    return this.ds.transaction(async (m) => {
      const { conference: c } = await this.loader.load(user, id, 'chair', m, true);
      const refusal = checkConferenceCommand(c.status, 'start');
      if (refusal) throw conflict(refusal.code, refusal.message, { status: c.status });
      c.status = 'IN_PROGRESS';
      c.startedAt = new Date();
      const saved = await m.getRepository(Conference).save(c);
      const onPlannedDay = isPlannedDay(c.scheduledAt, c.startedAt);
      return {
        ...conferenceView(saved),
        dateConfirmed: !onPlannedDay && confirmDate,
        warnings:
          onPlannedDay || confirmDate
            ? []
            : [
                {
                  code: 'CONFERENCE_NOT_TODAY' as const,
                  message: `This conference was planned for ${todayInBrussels(c.scheduledAt)}, not today`,
                  plannedFor: todayInBrussels(c.scheduledAt),
                },
              ],
      };
    });
  }

  /** The calendar invitation, for the chair and the invitees. */
  async inviteIcs(user: AuthenticatedUser, id: string): Promise<string> {
    const { conference } = await this.loader.load(user, id, 'read');
    return conferenceInviteIcs(conference);
  }
}

async function agenciesOf(m: EntityManager, users: StaffMember[]): Promise<Map<string, AgencyRef>> {
  return new Map(
    (
      await agenciesByIds(
        m,
        users.map((u) => u.agencyId),
      )
    ).map((a) => [a.id, a]),
  );
}

function candidate(u: StaffMember, agencies: Map<string, AgencyRef>) {
  return { active: u.active, roles: u.roles, agencyId: u.agencyId, district: agencies.get(u.agencyId)?.district ?? '' };
}
