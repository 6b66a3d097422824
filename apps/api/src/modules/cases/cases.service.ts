import { BadRequestException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { asSubject, rulesToSql, type AppAbility, type SqlCondition } from '@schakel/authz';
import type { ResponseOf } from '@schakel/contracts';
import { checkTransition, isProtocolInForce, mayDecideIn, todayInBrussels, type ChainFacts, type Stage } from '@schakel/domain';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { conflict, unprocessable } from '../../common/http/domain-error';
import { pageRequest, toPage } from '../../common/pagination/cursor';
import { AccessLogService } from '../access-log/access-log.service';
import { actionFacts, latestEvaluationOutcome } from '../actions/action-facts';
import { agencyById } from '../agencies/agency-directory';
import { contributingAgencyIds } from '../contributions/contribution-facts';
import { CryptoService } from '../crypto/crypto.service';
import { displayNames } from '../identity/user-directory';
import { protocolTerms } from '../protocols/protocol-directory';
import { CaseAccessService, caseSubject, teamIds, type CaseContext } from './case-access.service';
import { personRolesOf } from './case-directory';
import { selectCaseDetail, selectCasePage } from './case-read-queries';
import { CASE_SCOPE_FIELDS } from './case-scope';
import { caseDetailView, caseSummaryView, limitedCaseView } from './case.view';
import { unacknowledgedCaseView } from './confidentiality-gate';
import type { DecisionDto, TransitionDto } from './dto/case-commands.dto';
import type { ListCasesQuery } from './dto/list-cases.query';
import { CaseAgency } from './entities/case-agency.entity';
import { CaseEvent } from './entities/case-event.entity';
import { CaseRecord } from './entities/case.entity';
import { Decision } from './entities/decision.entity';
import { PersonViewsService } from './person-views.service';
import { TIMELINE_DESCRIPTION, TIMELINE_REASON, TimelineService } from './timeline.service';
import type { CaseCipher } from '../crypto/case-cipher';
import { CaseKeysService } from '../crypto/case-keys.service';
import { CaseTeamService, teamViewOf } from './case-team.service';
import { FollowUpService } from './follow-up.service';
import { NotificationsService } from '../notifications/notifications.service';

const DECISION_RATIONALE = 'decisions.rationale';

/** A sealed `description` in a timeline detail reads as text (null after erasure). */
function openDetail(detail: Record<string, unknown>, cipher: CaseCipher): Record<string, unknown> {
  if (!detail || typeof detail !== 'object' || typeof (detail as { description?: unknown }).description !== 'string') return detail;
  const d = detail as { description: string };
  return { ...d, description: cipher.open(d.description, TIMELINE_DESCRIPTION) };
}

// The read scope as SQL, once per ability (abilities are reused per account facts and never mutated).
const readScopes = new WeakMap<AppAbility, SqlCondition>();
function readScopeOf(ability: AppAbility): SqlCondition {
  let scope = readScopes.get(ability);
  if (!scope) readScopes.set(ability, (scope = rulesToSql(ability, 'read', 'Case', CASE_SCOPE_FIELDS)));
  return scope;
}

@Injectable()
export class CasesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: CaseAccessService,
    private readonly crypto: CryptoService,
    private readonly timeline: TimelineService,
    private readonly accessLog: AccessLogService,
    private readonly personViews: PersonViewsService,
    private readonly caseKeys: CaseKeysService,
    private readonly team: CaseTeamService,
    private readonly followUp: FollowUpService,
    private readonly notifications: NotificationsService,
  ) {}

  /** Cases in the caller's scope, filtered in SQL with the same CASL rules as the row checks. */
  async list(user: AuthenticatedUser, q: ListCasesQuery) {
    const { limit, cursor } = pageRequest(q);
    const scope = readScopeOf(user.ability);
    const where = [scope.sql];
    const params: Record<string, unknown> = { ...scope.params };
    if (q.stage) {
      where.push('c.stage = :stage');
      params['stage'] = q.stage;
    }
    if (q.q) {
      where.push('c.reference ILIKE :ref');
      params['ref'] = `${q.q.trim().replace(/[%_\\]/g, '')}%`;
    }
    if (q.mine) {
      where.push('(c.director_id = :me OR c.referrer_id = :me)');
      params['me'] = user.id;
    }
    if (cursor) {
      where.push('(c.created_at, c.id) < (:k::timestamptz, :cid::uuid)');
      params['k'] = cursor.k;
      params['cid'] = cursor.id;
    }
    const rows = await selectCasePage(this.ds, { sql: where.join(' AND '), params }, limit);
    const unacknowledged = await this.access.unacknowledgedCaseIds(
      user,
      rows
        .slice(0, limit)
        .map((r) => ({ id: r.record.id, protocolId: r.record.protocolId, directorId: r.record.directorId, invitedAgencyIds: r.invitedAgencyIds })),
    );
    // Every row matched a read rule in SQL; only a field-limited rule (a referrer's) can hide content.
    const fieldLimited = user.ability.rulesFor('read', 'Case').some((r) => r.fields);
    return toPage(
      rows,
      limit,
      (c) => ({ k: c.record.createdAt.toISOString(), id: c.record.id }),
      (ctx) =>
        caseSummaryView(ctx, !unacknowledged.has(ctx.record.id) && (!fieldLimited || user.ability.can('read', asSubject('Case', caseSubject(ctx)), 'persons'))),
    );
  }

  async detail(user: AuthenticatedUser, id: string) {
    const ctx = await this.access.load(user, id, 'read', this.ds.manager, false, 'report');
    if (!this.access.canSeeContent(user, ctx)) {
      const [outcome, incidents] = await Promise.all([this.followUp.outcome(this.ds.manager, ctx), this.followUp.incidents(this.ds.manager, id)]);
      return limitedCaseView(ctx, { outcome, incidents: incidents.filter((i) => i.agencyId === user.agencyId) });
    }
    if (ctx.acknowledgementPending) return this.unacknowledgedView(ctx);
    if (ctx.record.anonymisedAt)
      return { ...caseSummaryView(ctx, true), anonymisedAt: ctx.record.anonymisedAt.toISOString(), erased: true as const, persons: [] };
    // One statement for everything shown besides the case row, the access-log row beside it.
    const [rows, , previous] = await Promise.all([
      selectCaseDetail(
        this.ds,
        { caseId: id, agencyIds: ctx.agencyIds, protocolId: ctx.record.protocolId, teamIds: teamIds(ctx.record.directorId, ctx.deputyIds) },
        user.agencyId,
      ),
      this.accessLog.record(user, id, 'CASE'),
      // A repeat referral links the earlier case only for those who may see that case.
      ctx.record.previousCaseId ? this.access.tryLoad(user, ctx.record.previousCaseId) : Promise.resolve(null),
    ]);
    const { agencies, protocol } = rows;
    const directorAgencyId = rows.teamUsers.find((u) => u.id === ctx.record.directorId)?.agencyId ?? null;
    return caseDetailView(ctx, {
      summary: this.crypto.decrypt(ctx.record.summary ?? '', 'cases.summary'),
      policeReference: this.crypto.decryptNullable(ctx.record.policeReference, 'cases.police_reference'),
      persons: this.personViews.views(user, ctx, { persons: rows.persons, relationships: rows.relationships, directorAgencyId, disclosed: rows.disclosed }),
      agencies: ctx.agencies.map((ca) => {
        const a = agencies.find((x) => x.id === ca.agencyId)!;
        // Whether an agency contributed (not what): the partner table and the weighing guard say as much.
        return {
          id: a.id,
          name: a.name,
          type: a.type,
          role: ca.role,
          contributionWaived: ca.contributionWaivedAt !== null,
          contributed: rows.contributing.has(a.id),
        };
      }),
      protocol: {
        id: protocol.id,
        title: protocol.title,
        reference: protocol.reference,
        status: protocol.status,
        inForce: isProtocolInForce(protocol, todayInBrussels()),
        agencyIds: ctx.protocolAgencyIds,
      },
      team: teamViewOf(ctx, rows.teamUsers),
      incidents: rows.incidents.map((i) => this.followUp.incidentView(i)),
      dangerStatement: this.crypto.decryptNullable(ctx.record.dangerStatement, 'cases.danger_statement'),
      previousCase: previous ? { id: previous.record.id, reference: previous.record.reference, stage: previous.record.stage } : null,
    });
  }

  private async unacknowledgedView(ctx: CaseContext) {
    const persons = await personRolesOf(this.ds.manager, ctx.record.id);
    const protocol = await protocolTerms(this.ds.manager, ctx.record.protocolId);
    return unacknowledgedCaseView(ctx, persons, protocol);
  }

  async timelineOf(user: AuthenticatedUser, id: string) {
    const ctx = await this.access.load(user, id);
    if (!this.access.canSeeContent(user, ctx))
      throw new ForbiddenException({ code: 'FORBIDDEN', message: 'You follow this referral by its reference and stage only' });
    const events = await this.ds.getRepository(CaseEvent).find({ where: { caseId: id }, order: { id: 'ASC' } });
    const names = await displayNames(
      this.ds,
      events.map((e) => e.actorId),
    );
    await this.accessLog.record(user, id, 'TIMELINE');
    const cipher = await this.caseKeys.cipher(id);
    return {
      // After erasure the reasons read as null; the types, actors and codes stay.
      erased: cipher.erased,
      items: events.map((e) => ({
        id: e.id,
        at: e.at.toISOString(),
        type: e.type,
        reason: cipher.open(e.reason, TIMELINE_REASON),
        detail: openDetail(e.detail, cipher),
        actor: e.actorId ? { id: e.actorId, displayName: names.get(e.actorId) ?? null, agencyId: e.actorAgencyId } : null,
      })),
    };
  }

  /** A chain step, checked by the pure state machine of libs/domain; refused steps list what is missing. */
  async transition(user: AuthenticatedUser, id: string, dto: TransitionDto & { version?: number }) {
    return this.ds.transaction(async (m) => {
      const ctx = await this.access.load(user, id, 'transition', m, true);
      const c = ctx.record;
      if (dto.version !== undefined && dto.version !== c.version)
        throw conflict('STALE_VERSION', 'The case changed since you read it; reload it', { currentVersion: c.version });
      const verdict = checkTransition(await this.chainFacts(ctx, m), dto.to);
      if (!verdict.allowed) {
        throw conflict('TRANSITION_NOT_ALLOWED', `The case cannot move from ${c.stage} to ${dto.to} yet`, {
          from: c.stage,
          to: dto.to,
          unmetGuards: verdict.unmetGuards,
        });
      }
      const from = c.stage;
      if (from === 'AANMELDING' && !c.triagedAt) c.triagedAt = new Date();
      if (from === 'AANMELDING' && dto.to === 'DOSSIERVORMING' && !c.directorId) {
        // Accepting a referral makes the caller its case director and brings their agency into the case.
        c.directorId = user.id;
        if (!ctx.agencyIds.includes(user.agencyId)) {
          await m.getRepository(CaseAgency).insert({ caseId: id, agencyId: user.agencyId, role: 'DIRECTOR', invitedBy: user.id });
        }
      }
      c.stage = dto.to;
      c.stageEnteredAt = new Date();
      if (dto.to === 'AFGESLOTEN') {
        c.closureReason = verdict.closureReason ?? null;
        c.closedAt = new Date();
      }
      await m.getRepository(CaseRecord).save(c);
      await this.timeline.record(m, id, user, 'TRANSITION', { from, to: dto.to, closureReason: c.closureReason }, dto.reason);
      return caseSummaryView({ record: c, deputyIds: ctx.deputyIds }, true);
    });
  }

  async inviteAgency(user: AuthenticatedUser, id: string, agencyId: string): Promise<ResponseOf<'AgencyInvitation'>> {
    return this.ds.transaction(async (m) => {
      const ctx = await this.access.load(user, id, 'invite', m, true);
      this.access.assertOpen(ctx);
      const agency = await agencyById(m, agencyId);
      if (!agency || !agency.active) {
        throw new BadRequestException({
          code: 'VALIDATION_FAILED',
          message: 'Invalid request: agencyId',
          details: [{ field: 'agencyId', message: 'agencyId must be an active agency' }],
        });
      }
      if (!ctx.protocolAgencyIds.includes(agencyId)) throw unprocessable('AGENCY_NOT_SIGNATORY', `${agency.name} did not sign this case's protocol`);
      if (ctx.agencyIds.includes(agencyId)) throw conflict('AGENCY_ALREADY_IN_CASE', `${agency.name} is already part of this case`);
      await m.getRepository(CaseAgency).insert({ caseId: id, agencyId, role: 'INVITED', invitedBy: user.id });
      await this.timeline.record(m, id, user, 'AGENCY_INVITED', { agencyId, agencyName: agency.name });
      const members = await this.notifications.usersOf(m, [agencyId], ['case_director', 'agency_member']);
      await this.notifications.notify(m, members, { type: 'CASE_INVITATION', caseId: id, caseReference: ctx.record.reference });
      return { caseId: id, agencyId, role: 'INVITED' };
    });
  }

  /** Records that an invited agency will not contribute (so weighing may start without it). */
  async waiveContribution(user: AuthenticatedUser, id: string, agencyId: string, reason: string): Promise<ResponseOf<'ContributionWaiver'>> {
    return this.ds.transaction(async (m) => {
      const ctx = await this.access.load(user, id, 'transition', m, true);
      this.access.assertOpen(ctx);
      const ca = ctx.agencies.find((a) => a.agencyId === agencyId);
      if (!ca) throw new NotFoundException('That agency is not part of this case');
      const cipher = await this.caseKeys.cipher(id, m);
      await m
        .getRepository(CaseAgency)
        .update({ caseId: id, agencyId }, { contributionWaivedAt: new Date(), waiverReason: cipher.seal(reason, 'case_agencies.waiver_reason') });
      await this.timeline.record(m, id, user, 'CONTRIBUTION_WAIVED', { agencyId }, reason);
      return { caseId: id, agencyId, contributionWaived: true };
    });
  }

  async decide(user: AuthenticatedUser, id: string, dto: DecisionDto) {
    return this.ds.transaction(async (m) => {
      const ctx = await this.access.load(user, id, 'decide', m, true);
      this.access.assertOpen(ctx);
      // Taken while weighing; a decision prepared during file building (e.g. at a conference) is accepted too.
      if (!mayDecideIn(ctx.record.stage)) {
        throw conflict('WRONG_STAGE', 'An inclusion decision is taken while building the file or weighing the case (DOSSIERVORMING, WEGING)', {
          stage: ctx.record.stage,
        });
      }
      const cipher = await this.caseKeys.cipher(id, m);
      const repo = m.getRepository(Decision);
      const d = await repo.save(
        repo.create({
          caseId: id,
          type: dto.type,
          rationale: cipher.seal(dto.rationale, DECISION_RATIONALE),
          conferenceId: dto.conferenceId ?? null,
          decidedBy: user.id,
        }),
      );
      await this.timeline.record(m, id, user, 'DECISION', { decisionId: d.id, type: d.type }, dto.rationale);
      return {
        id: d.id,
        caseId: id,
        type: d.type,
        rationale: dto.rationale,
        conferenceId: d.conferenceId,
        decidedBy: d.decidedBy,
        createdAt: d.createdAt.toISOString(),
      };
    });
  }

  /**
   * The DPO stops or resumes the retention clock of a case. The DPO sees no case content: this loads
   * only the case row, and answers with its reference and the hold.
   */
  async legalHold(user: AuthenticatedUser, id: string, hold: boolean, reason: string) {
    return this.ds.transaction(async (m) => {
      const c = await m.getRepository(CaseRecord).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!c || !user.ability.can('hold', 'Case')) throw new NotFoundException('No such case');
      c.legalHold = hold;
      await m.getRepository(CaseRecord).save(c);
      await this.timeline.record(m, id, user, 'LEGAL_HOLD', { hold }, reason);
      return { caseId: c.id, reference: c.reference, legalHold: c.legalHold };
    });
  }

  async decisions(user: AuthenticatedUser, id: string) {
    const ctx = await this.access.load(user, id);
    if (!this.access.canSeeContent(user, ctx))
      throw new ForbiddenException({ code: 'FORBIDDEN', message: 'You follow this referral by its reference and stage only' });
    const rows = await this.ds.getRepository(Decision).find({ where: { caseId: id }, order: { createdAt: 'ASC' } });
    const names = await displayNames(
      this.ds,
      rows.map((d) => d.decidedBy),
    );
    const cipher = await this.caseKeys.cipher(id);
    return {
      items: rows.map((d) => ({
        id: d.id,
        caseId: id,
        type: d.type,
        rationale: cipher.open(d.rationale, DECISION_RATIONALE),
        conferenceId: d.conferenceId,
        decidedBy: d.decidedBy,
        decidedByName: names.get(d.decidedBy) ?? null,
        createdAt: d.createdAt.toISOString(),
      })),
    };
  }

  /** The facts the chain guards need, read inside the transaction. */
  private async chainFacts(ctx: CaseContext, m: EntityManager): Promise<ChainFacts> {
    const id = ctx.record.id;
    // Sequential: these run on the transaction's single connection.
    const contributing = await contributingAgencyIds(m, id);
    const decision = await m.getRepository(Decision).findOne({ where: { caseId: id }, order: { createdAt: 'DESC' } });
    const actions = await actionFacts(m, id);
    const latestEvaluation = await latestEvaluationOutcome(m, id, ctx.record.stageEnteredAt);
    return {
      stage: ctx.record.stage as Stage,
      invitedAgencyIds: ctx.agencies.filter((a) => a.role === 'INVITED').map((a) => a.agencyId),
      contributingAgencyIds: contributing,
      waivedAgencyIds: ctx.agencies.filter((a) => a.contributionWaivedAt).map((a) => a.agencyId),
      latestDecision: decision?.type ?? null,
      actions,
      latestEvaluation,
      today: todayInBrussels(),
    };
  }
}
