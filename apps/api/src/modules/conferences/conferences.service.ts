import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, IsNull, type DataSource, type EntityManager } from 'typeorm';
import { asSubject, defineAbilityFor, rulesToSql, type Action } from '@schakel/authz';
import { isProtocolInForce, todayInBrussels, type DecisionType } from '@schakel/domain';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { assertRowAccess } from '../../common/auth/row-access';
import { conflict, unprocessable } from '../../common/http/domain-error';
import { pageRequest, toPage } from '../../common/pagination/cursor';
import { RuntimeConfig } from '../../config/runtime-config';
import { AccessLogService } from '../access-log/access-log.service';
import { CaseAccessService, type CaseContext } from '../cases/case-access.service';
import { CaseRecord } from '../cases/entities/case.entity';
import { TimelineService, type CaseEventType } from '../cases/timeline.service';
import type { CaseCipher } from '../crypto/case-cipher';
import { CaseKeysService } from '../crypto/case-keys.service';
import { User } from '../identity/entities/user.entity';
import { ProtocolsService } from '../protocols/protocols.service';
import { CONFERENCE_SCOPE_FIELDS } from './conference-scope';
import { conferenceSubject, conferenceView } from './conference.view';
import { confidentialityStatement } from './confidentiality';
import type { CreateConferenceDto } from './dto/create-conference.dto';
import type { ItemMinutesDto } from './dto/item-minutes.dto';
import type { ListConferencesQuery } from './dto/list-conferences.query';
import { ConferenceInvitee } from './entities/conference-invitee.entity';
import { ConferenceItem } from './entities/conference-item.entity';
import { Conference } from './entities/conference.entity';
import { conferenceInviteIcs } from './invite-ics';
import { renderMinutesPdf } from './minutes-pdf';
import { minutesHash, signMinutes, type SealedMinutesItem } from './minutes-seal';

// The column name is bound into each ciphertext, so a value cannot be swapped into another column.
const MINUTES = 'conference_items.minutes';
const RATIONALE = 'conference_items.decisions.rationale';

// Timeline lines this module writes on each agenda case (never the minutes themselves).
const CONFERENCE_SCHEDULED: CaseEventType = 'CONFERENCE_SCHEDULED';
const CONFERENCE_MINUTES: CaseEventType = 'CONFERENCE_MINUTES';
const CONFERENCE_CLOSED: CaseEventType = 'CONFERENCE_CLOSED';

interface Loaded { conference: Conference; invitees: ConferenceInvitee[] }
interface Person { name: string; agencyId: string; agency: string }

@Injectable()
export class ConferencesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly cases: CaseAccessService,
    private readonly timeline: TimelineService,
    private readonly accessLog: AccessLogService,
    private readonly caseKeys: CaseKeysService,
    private readonly protocols: ProtocolsService,
    private readonly config: RuntimeConfig,
  ) {}

  /**
   * Schedules a conference chaired by the caller. Every agenda case goes through CaseAccessService
   * (404 outside the caller's scope) and must live under the conference's protocol; invitees must be
   * able to take part lawfully: active, of a case agency or a signatory, in a role that attends.
   */
  /**
   * Who may be invited to a conference on these cases: active people of the protocol's signatories and
   * the cases' agencies whose roles can acknowledge confidentiality. Names and agencies only.
   */
  async invitable(user: AuthenticatedUser, protocolId: string, caseIds: string[]) {
    const found = await this.protocols.findWithAgencies(protocolId);
    if (!found) throw new NotFoundException('No such protocol');
    const { protocol, agencyIds: signatories } = found;
    assertRowAccess(user, 'read', 'Protocol', { id: protocol.id, district: protocol.district, agencyIds: signatories, status: protocol.status }, 'protocol');
    const allowed = new Set(signatories);
    for (const caseId of caseIds) for (const a of (await this.cases.load(user, caseId)).agencyIds) allowed.add(a);
    const users = await this.ds.getRepository(User).find({ where: { agencyId: In([...allowed]), active: true }, relations: { agency: true }, order: { displayName: 'ASC' } });
    return {
      items: users.filter((u) => u.id !== user.id && mayAttend(u, allowed))
        .map((u) => ({ id: u.id, displayName: u.displayName, agencyId: u.agencyId, agencyName: u.agency?.name ?? null })),
    };
  }

  async create(user: AuthenticatedUser, dto: CreateConferenceDto) {
    return this.ds.transaction(async (m) => {
      const found = await this.protocols.findWithAgencies(dto.protocolId, m);
      if (!found) throw new NotFoundException('No such protocol');
      const { protocol, agencyIds: signatories } = found;
      assertRowAccess(user, 'read', 'Protocol', { id: protocol.id, district: protocol.district, agencyIds: signatories, status: protocol.status }, 'protocol');
      if (protocol.status !== 'APPROVED') throw unprocessable('NO_APPROVED_PROTOCOL', 'This protocol is not approved by the prosecutor: no conference can be held under it');
      if (!isProtocolInForce(protocol, todayInBrussels())) throw unprocessable('PROTOCOL_NOT_IN_FORCE', 'This protocol is suspended or outside its validity period');

      const contexts: CaseContext[] = [];
      // Sequential: these run on the transaction's single connection.
      for (const caseId of dto.caseIds) contexts.push(await this.cases.load(user, caseId, 'read', m));
      const foreign = contexts.filter((c) => c.record.protocolId !== protocol.id).map((c) => c.record.id);
      if (foreign.length) throw unprocessable('CASE_NOT_UNDER_PROTOCOL', 'Every case on the agenda must be under the conference\'s protocol', { caseIds: foreign });
      for (const ctx of contexts) this.cases.assertOpen(ctx);

      const inviteeIds = dto.inviteeUserIds.filter((id) => id !== user.id);
      const allowedAgencies = new Set([...signatories, ...contexts.flatMap((c) => c.agencyIds)]);
      const users = inviteeIds.length ? await m.getRepository(User).findBy({ id: In(inviteeIds) }) : [];
      const refused = inviteeIds.filter((id) => {
        const u = users.find((x) => x.id === id);
        return !u || !mayAttend(u, allowedAgencies);
      });
      if (refused.length) {
        throw unprocessable('INVITEE_NOT_ALLOWED', 'Invitees must be active partners of an agency that is part of an agenda case or signed the protocol', { userIds: refused });
      }

      const repo = m.getRepository(Conference);
      const c = await repo.save(repo.create({
        protocolId: protocol.id, chairId: user.id, chairAgencyId: user.agencyId, scheduledAt: new Date(dto.scheduledAt), location: dto.location.trim(),
        status: 'SCHEDULED', startedAt: null, closedAt: null, minutesHash: null, minutesSignature: null, signingPublicKey: null,
      }));
      await m.getRepository(ConferenceItem).insert(contexts.map((ctx, i) => ({
        conferenceId: c.id, caseId: ctx.record.id, position: i + 1, minutes: null, attendance: [], decisions: [], minutesBy: null, minutesAt: null,
      })));
      if (users.length) {
        await m.getRepository(ConferenceInvitee).insert(users.map((u) => ({ conferenceId: c.id, userId: u.id, agencyId: u.agencyId, acknowledgedAt: null, acknowledgement: null })));
      }
      for (const ctx of contexts) {
        await this.timeline.record(m, ctx.record.id, user, CONFERENCE_SCHEDULED, { conferenceId: c.id, scheduledAt: c.scheduledAt.toISOString() });
      }
      const people = await this.people(m, [user.id, ...users.map((u) => u.id)]);
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
    const qb = this.ds.getRepository(Conference).createQueryBuilder('f').where(scope.sql, scope.params)
      .orderBy('f.scheduled_at', 'DESC').addOrderBy('f.id', 'DESC').take(limit + 1);
    if (q.status) qb.andWhere('f.status = :status', { status: q.status });
    if (cursor) qb.andWhere('(f.scheduled_at, f.id) < (:k::timestamptz, :cid::uuid)', { k: cursor.k, cid: cursor.id });
    const rows = await qb.getMany();
    const ids = rows.map((r) => r.id);
    const mine = ids.length ? await this.ds.getRepository(ConferenceInvitee).findBy({ conferenceId: In(ids), userId: user.id }) : [];
    const counts: { conference_id: string; n: number }[] = ids.length
      ? await this.ds.query('SELECT conference_id, count(*)::int AS n FROM conference_items WHERE conference_id = ANY($1) GROUP BY conference_id', [ids])
      : [];
    return toPage(rows, limit, (c) => ({ k: c.scheduledAt.toISOString(), id: c.id }), (c) => ({
      ...conferenceView(c),
      myRole: c.chairId === user.id ? ('CHAIR' as const) : ('INVITEE' as const),
      acknowledgedAt: mine.find((i) => i.conferenceId === c.id)?.acknowledgedAt?.toISOString() ?? null,
      agendaItems: counts.find((r) => r.conference_id === c.id)?.n ?? 0,
    }));
  }

  /**
   * One conference, for its chair or an invitee (404 for anyone else). Until the caller has
   * acknowledged their duty of confidentiality the agenda holds case references and stages only;
   * afterwards (and always for the chair) it adds the persons' roles, risk level and red flags, and
   * the chair also gets the minutes taken so far. Case content shown is access-logged.
   */
  async detail(user: AuthenticatedUser, id: string) {
    const { conference: c, invitees } = await this.load(user, id, 'read');
    const isChair = c.chairId === user.id;
    const me = invitees.find((i) => i.userId === user.id) ?? null;
    const full = isChair || me?.acknowledgedAt != null;
    const items = await this.ds.getRepository(ConferenceItem).find({ where: { conferenceId: id }, order: { position: 'ASC' } });
    const caseIds = items.map((i) => i.caseId);
    // The conference (art. 458ter) is what opens these cases to its participants, not their own case scope.
    const records = caseIds.length ? await this.ds.getRepository(CaseRecord).findBy({ id: In(caseIds) }) : [];
    const roles: { case_id: string; role: string; n: number }[] = full && caseIds.length
      ? await this.ds.query('SELECT case_id, role, count(*)::int AS n FROM persons WHERE case_id = ANY($1) GROUP BY case_id, role ORDER BY role', [caseIds])
      : [];
    const people = await this.people(this.ds.manager, [c.chairId, ...invitees.map((i) => i.userId)]);
    const ciphers = isChair ? await this.caseKeys.ciphers(caseIds) : new Map<string, CaseCipher>();

    const agenda = items.map((item) => {
      const r = records.find((x) => x.id === item.caseId)!;
      const base = { position: item.position, caseId: item.caseId, reference: r.reference, stage: r.stage };
      if (!full) return { ...base, limited: true as const };
      const details = {
        ...base,
        limited: false as const,
        persons: Object.fromEntries(roles.filter((x) => x.case_id === item.caseId).map((x) => [x.role, x.n])),
        riskLevel: r.riskLevel,
        redFlags: r.redFlags,
      };
      if (!isChair) return details;
      return { ...details, minutes: this.itemMinutesView(item, ciphers.get(item.caseId)!) };
    });
    if (full) {
      for (const item of items) {
        await this.accessLog.record(user, item.caseId, 'CASE', id);
        if (isChair && item.minutes !== null) await this.accessLog.record(user, item.caseId, 'MINUTES', id);
      }
    }
    const protocol = await this.protocols.findWithAgencies(c.protocolId);
    return {
      ...conferenceView(c),
      protocol: protocol ? { id: protocol.protocol.id, title: protocol.protocol.title, reference: protocol.protocol.reference } : null,
      chair: { userId: c.chairId, name: people.get(c.chairId)?.name ?? null, agencyId: c.chairAgencyId, agency: people.get(c.chairId)?.agency ?? null },
      myRole: isChair ? ('CHAIR' as const) : ('INVITEE' as const),
      acknowledgedAt: me?.acknowledgedAt?.toISOString() ?? null,
      confidentiality: confidentialityStatement(user.locale),
      invitees: invitees.map((i) => inviteeView(i, people)),
      agenda,
    };
  }

  /** The caller, an invitee, confirms their duty of confidentiality; repeating it changes nothing. */
  async acknowledge(user: AuthenticatedUser, id: string) {
    return this.ds.transaction(async (m) => {
      const { conference: c, invitees } = await this.load(user, id, 'acknowledge', m);
      const me = invitees.find((i) => i.userId === user.id);
      if (!me) throw new ForbiddenException({ code: 'FORBIDDEN', message: 'Only an invitee acknowledges the duty of confidentiality' });
      const statement = confidentialityStatement(user.locale);
      if (!me.acknowledgedAt) {
        if (c.status === 'CLOSED') throw conflict('CONFERENCE_STATE', 'The conference is closed', { status: c.status });
        // Conditional update: of two concurrent acknowledgements the first one's time is kept.
        await m.getRepository(ConferenceInvitee).update({ conferenceId: id, userId: user.id, acknowledgedAt: IsNull() }, { acknowledgedAt: new Date(), acknowledgement: statement.version });
      }
      const row = await m.getRepository(ConferenceInvitee).findOneByOrFail({ conferenceId: id, userId: user.id });
      return { conferenceId: id, userId: user.id, acknowledgedAt: row.acknowledgedAt!.toISOString(), statementVersion: row.acknowledgement, statement: statement.text };
    });
  }

  async start(user: AuthenticatedUser, id: string) {
    return this.ds.transaction(async (m) => {
      const { conference: c } = await this.load(user, id, 'chair', m, true);
      if (c.status !== 'SCHEDULED') throw conflict('CONFERENCE_STATE', `Only a scheduled conference can start; this one is ${c.status}`, { status: c.status });
      c.status = 'IN_PROGRESS';
      c.startedAt = new Date();
      return conferenceView(await m.getRepository(Conference).save(c));
    });
  }

  /**
   * Closes the conference and seals its minutes: SHA-256 over their canonical JSON (minutes-seal.ts),
   * signed with the Schakel signing key. From here on the service answers MINUTES_LOCKED and the
   * database refuses updates to the conference and its items.
   */
  async close(user: AuthenticatedUser, id: string) {
    return this.ds.transaction(async (m) => {
      const { conference: c } = await this.load(user, id, 'chair', m, true);
      if (c.status !== 'IN_PROGRESS') throw conflict('CONFERENCE_STATE', `Only a conference in progress can close; this one is ${c.status}`, { status: c.status });
      const items = await m.getRepository(ConferenceItem).find({ where: { conferenceId: id }, order: { position: 'ASC' }, lock: { mode: 'pessimistic_write' } });
      const references = await this.references(m, items.map((i) => i.caseId));
      const closedAt = new Date();
      const ciphers = await this.caseKeys.ciphers(items.map((i) => i.caseId), m);
      const hash = minutesHash({
        conferenceId: c.id, protocolId: c.protocolId, chairId: c.chairId, scheduledAt: c.scheduledAt, location: c.location, startedAt: c.startedAt!, closedAt,
        items: items.map((i) => this.sealedItem(i, references, ciphers.get(i.caseId)!)),
      });
      const { signature, publicKey } = signMinutes(c.id, hash, this.config.secrets.signingKey);
      Object.assign(c, { status: 'CLOSED', closedAt, minutesHash: hash, minutesSignature: signature, signingPublicKey: publicKey });
      const saved = await m.getRepository(Conference).save(c);
      for (const i of items) await this.timeline.record(m, i.caseId, user, CONFERENCE_CLOSED, { conferenceId: id, minutesHash: hash });
      return conferenceView(saved);
    });
  }

  /** The chair records one agenda item's minutes (encrypted), attendance and decisions while the conference runs. */
  async putMinutes(user: AuthenticatedUser, id: string, caseId: string, dto: ItemMinutesDto) {
    return this.ds.transaction(async (m) => {
      const { conference: c, invitees } = await this.load(user, id, 'chair', m, true);
      if (c.status === 'CLOSED') throw conflict('MINUTES_LOCKED', 'The conference is closed: its minutes are sealed and cannot change', { minutesHash: c.minutesHash });
      if (c.status !== 'IN_PROGRESS') throw conflict('CONFERENCE_STATE', 'Minutes are taken while the conference is in progress; start it first', { status: c.status });
      const repo = m.getRepository(ConferenceItem);
      const item = await repo.findOne({ where: { conferenceId: id, caseId }, lock: { mode: 'pessimistic_write' } });
      if (!item) throw new NotFoundException('No such agenda item');
      if (dto.version !== undefined && dto.version !== item.version) {
        throw conflict('STALE_VERSION', 'These minutes were changed since you read them; reload them', { currentVersion: item.version });
      }
      const participants = new Map<string, ConferenceInvitee | null>([[c.chairId, null], ...invitees.map((i) => [i.userId, i] as const)]);
      const strangers = dto.attendance.filter((a) => !participants.has(a.userId)).map((a) => a.userId);
      if (strangers.length) throw unprocessable('ATTENDEE_NOT_INVITED', 'Attendance lists the chair and the invitees only', { userIds: strangers });
      // Nobody takes part in a 458ter conference without having confirmed their duty of confidentiality.
      const unacknowledged = dto.attendance.filter((a) => a.present && participants.get(a.userId) && !participants.get(a.userId)!.acknowledgedAt).map((a) => a.userId);
      if (unacknowledged.length) {
        throw unprocessable('CONFIDENTIALITY_NOT_ACKNOWLEDGED', 'A participant can be present only after acknowledging their duty of confidentiality', { userIds: unacknowledged });
      }
      const decisions = dto.decisions ?? [];
      // Minutes and rationales are free text under the case's data key (ADR 0009).
      const cipher = await this.caseKeys.cipher(caseId, m);
      item.minutes = cipher.seal(dto.minutes, MINUTES);
      item.attendance = dto.attendance.map((a) => ({ userId: a.userId, present: a.present }));
      item.decisions = decisions.map((d) => ({ type: d.type, rationale: cipher.seal(d.rationale, RATIONALE) }));
      item.minutesBy = user.id;
      item.minutesAt = new Date();
      const saved = await repo.save(item);
      await this.timeline.record(m, caseId, user, CONFERENCE_MINUTES, {
        conferenceId: id, present: item.attendance.filter((a) => a.present).length, decisions: decisions.map((d) => d.type),
      });
      return { conferenceId: id, caseId, position: saved.position, ...this.itemMinutesView(saved, cipher) };
    });
  }

  /**
   * The signed minutes of a closed conference as a PDF. Per agenda item the reader must be the chair,
   * have been present for that item, or belong to an agency that is part of the case; a reader who may
   * see only some items gets an extract. Each item shown is access-logged.
   */
  async minutesPdf(user: AuthenticatedUser, id: string): Promise<{ file: Buffer; filename: string }> {
    const c = await this.ds.getRepository(Conference).findOneBy({ id });
    if (!c) throw new NotFoundException('No such conference');
    const invitees = await this.ds.getRepository(ConferenceInvitee).findBy({ conferenceId: id });
    const participant = user.ability.can('read', asSubject('Conference', conferenceSubject(c, invitees)));
    const items = await this.ds.getRepository(ConferenceItem).find({ where: { conferenceId: id }, order: { position: 'ASC' } });
    const visible: ConferenceItem[] = [];
    for (const item of items) if (await this.maySeeMinutes(user, c, item)) visible.push(item);
    if (!participant && !visible.length) throw new NotFoundException('No such conference');
    if (c.status !== 'CLOSED') throw conflict('CONFERENCE_STATE', 'Signed minutes exist once the conference is closed', { status: c.status });
    if (!visible.length) throw new ForbiddenException({ code: 'FORBIDDEN', message: 'You attended no agenda item of this conference and your agency is part of none of its cases' });

    const [references, found] = [await this.references(this.ds.manager, visible.map((i) => i.caseId)), await this.protocols.findWithAgencies(c.protocolId)];
    const people = await this.people(this.ds.manager, [c.chairId, ...visible.flatMap((i) => i.attendance.map((a) => a.userId))]);
    const ciphers = await this.caseKeys.ciphers(visible.map((i) => i.caseId));
    const file = await renderMinutesPdf({
      locale: user.locale,
      conferenceId: c.id,
      scheduledAt: c.scheduledAt,
      closedAt: c.closedAt!,
      location: c.location,
      protocol: { title: found?.protocol.title ?? '', reference: found?.protocol.reference ?? null },
      chair: { name: people.get(c.chairId)?.name ?? c.chairId, agency: people.get(c.chairId)?.agency ?? '' },
      items: visible.map((i) => {
        const plain = this.sealedItem(i, references, ciphers.get(i.caseId)!);
        return {
          position: i.position,
          reference: plain.reference,
          minutes: plain.minutes,
          attendance: plain.attendance.map((a) => ({ name: people.get(a.userId)?.name ?? a.userId, agency: people.get(a.userId)?.agency ?? '', present: a.present })),
          decisions: plain.decisions,
        };
      }),
      totalItems: items.length,
      hash: c.minutesHash!,
      signature: c.minutesSignature!,
      publicKey: c.signingPublicKey!,
    });
    for (const item of visible) await this.accessLog.record(user, item.caseId, 'MINUTES', id);
    return { file, filename: `casusoverleg-${c.scheduledAt.toISOString().slice(0, 10)}-${c.id.slice(0, 8)}.pdf` };
  }

  /** The calendar invitation, for the chair and the invitees. */
  async inviteIcs(user: AuthenticatedUser, id: string): Promise<string> {
    const { conference } = await this.load(user, id, 'read');
    return conferenceInviteIcs(conference);
  }

  /** Loads a conference and applies the row rules: 404 unless chair or invitee, 403 for an action the caller may not do here. */
  private async load(user: AuthenticatedUser, id: string, action: Action, m: EntityManager = this.ds.manager, lock = false): Promise<Loaded> {
    const conference = await m.getRepository(Conference).findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!conference) throw new NotFoundException('No such conference');
    const invitees = await m.getRepository(ConferenceInvitee).find({ where: { conferenceId: id }, order: { invitedAt: 'ASC', userId: 'ASC' } });
    assertRowAccess(user, action, 'Conference', conferenceSubject(conference, invitees), 'conference');
    return { conference, invitees };
  }

  private async maySeeMinutes(user: AuthenticatedUser, c: Conference, item: ConferenceItem): Promise<boolean> {
    if (c.chairId === user.id) return true;
    if (item.attendance.some((a) => a.userId === user.id && a.present)) return true;
    try {
      const ctx = await this.cases.load(user, item.caseId);
      return ctx.agencyIds.includes(user.agencyId) && this.cases.canSeeContent(user, ctx);
    } catch (e) {
      if (e instanceof NotFoundException) return false;
      throw e;
    }
  }

  /** An erased case's minutes read as null and its rationales as empty. */
  private sealedItem(i: ConferenceItem, references: Map<string, string>, cipher: CaseCipher): SealedMinutesItem {
    return {
      caseId: i.caseId,
      reference: references.get(i.caseId) ?? '',
      position: i.position,
      minutes: cipher.open(i.minutes, MINUTES),
      attendance: i.attendance.map((a) => ({ userId: a.userId, present: a.present })),
      decisions: i.decisions.map((d) => ({ type: d.type, rationale: cipher.open(d.rationale, RATIONALE) ?? '' })),
    };
  }

  private itemMinutesView(i: ConferenceItem, cipher: CaseCipher) {
    return {
      minutes: cipher.open(i.minutes, MINUTES),
      attendance: i.attendance,
      decisions: i.decisions.map((d) => ({ type: d.type as DecisionType, rationale: cipher.open(d.rationale, RATIONALE) ?? '' })),
      minutesBy: i.minutesBy,
      minutesAt: i.minutesAt?.toISOString() ?? null,
      version: i.version,
    };
  }

  private async references(m: EntityManager, caseIds: string[]): Promise<Map<string, string>> {
    if (!caseIds.length) return new Map();
    const rows = await m.getRepository(CaseRecord).find({ select: { id: true, reference: true }, where: { id: In(caseIds) } });
    return new Map(rows.map((r) => [r.id, r.reference]));
  }

  /** Display names and agencies of professionals (never family members). */
  private async people(m: EntityManager, userIds: string[]): Promise<Map<string, Person>> {
    const ids = [...new Set(userIds)];
    if (!ids.length) return new Map();
    const rows: { id: string; name: string; agency_id: string; agency: string }[] = await m.query(
      'SELECT u.id, u.display_name AS name, a.id AS agency_id, a.name AS agency FROM users u JOIN agencies a ON a.id = u.agency_id WHERE u.id = ANY($1)',
      [ids],
    );
    return new Map(rows.map((r) => [r.id, { name: r.name, agencyId: r.agency_id, agency: r.agency }]));
  }
}

/** May this user take part in a conference whose lawful audience is these agencies? */
function mayAttend(u: User, allowedAgencies: Set<string>): boolean {
  if (!u.active || !allowedAgencies.has(u.agencyId)) return false;
  // Only roles that can acknowledge the duty of confidentiality can attend (not admins, referrers only, liaisons).
  return defineAbilityFor({ id: u.id, agencyId: u.agencyId, district: '', roles: u.roles }).can('acknowledge', 'Conference');
}

function inviteeView(i: Pick<ConferenceInvitee, 'userId' | 'acknowledgedAt'>, people: Map<string, Person>) {
  const p = people.get(i.userId);
  return { userId: i.userId, name: p?.name ?? null, agencyId: p?.agencyId ?? null, agency: p?.agency ?? null, acknowledgedAt: i.acknowledgedAt?.toISOString() ?? null };
}
