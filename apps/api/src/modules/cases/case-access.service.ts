import { ForbiddenException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { asSubject, type Action, type SubjectType } from '@schakel/authz';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { assertRowAccess } from '../../common/auth/row-access';
import { ProtocolConfidentialityService } from '../protocols/protocol-confidentiality.service';
import { selectCaseContext } from './case-read-queries';
import { confidentialityNotAcknowledged, isPartnerUser } from './confidentiality-gate';
import { CaseAgency } from './entities/case-agency.entity';
import { CaseTeamMember } from './entities/case-team-member.entity';
import { CaseRecord } from './entities/case.entity';
import { signatoriesOf } from '../protocols/protocol-directory';

export interface CaseContext {
  record: CaseRecord;
  agencies: CaseAgency[];
  agencyIds: string[];
  protocolAgencyIds: string[];
  /** The deputies of the case team (the director is `record.directorId`). */
  deputyIds: string[];
  /** A partner user who has not yet acknowledged the protocol's confidentiality statement. */
  acknowledgementPending?: boolean;
}

/**
 * The one way other modules reach a case: loads it, its agencies and its protocol's signatories,
 * and applies the row-level rules (404 outside scope, 403 for an action the role may not do here).
 */
@Injectable()
export class CaseAccessService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly confidentiality: ProtocolConfidentialityService,
  ) {}

  /**
   * `confidentiality: 'enforce'` (the default) answers 403 CONFIDENTIALITY_NOT_ACKNOWLEDGED to a partner
   * who has not acknowledged the case's protocol; 'report' leaves that to the caller (`ctx.acknowledgementPending`).
   */
  async load(
    user: AuthenticatedUser,
    caseId: string,
    action: Action = 'read',
    m: EntityManager = this.ds.manager,
    lock = false,
    confidentiality: 'enforce' | 'report' = 'enforce',
  ): Promise<CaseContext> {
    const found = await selectCaseContext(m, caseId, lock);
    if (!found) throw new NotFoundException('No such case');
    const ctx = { ...found, agencyIds: found.agencies.map((a) => a.agencyId) };
    const record = ctx.record;
    assertRowAccess(user, action, 'Case', caseSubject(ctx), 'case');
    const pending = isPartnerUser(user, ctx) && !(await this.confidentiality.acknowledgedAt(user.id, record.protocolId, m));
    if (pending && confidentiality === 'enforce') throw confidentialityNotAcknowledged(record.protocolId);
    return { ...ctx, acknowledgementPending: pending };
  }

  /**
   * For case lists: which of these cases the caller, as a partner, has not acknowledged the protocol
   * of (one query for the partner rows unless the cases come with their invited agencies, one per
   * distinct protocol); those show reference and stage only.
   */
  async unacknowledgedCaseIds(
    user: AuthenticatedUser,
    cases: { id: string; protocolId: string; directorId: string | null; invitedAgencyIds?: string[] }[],
  ): Promise<Set<string>> {
    const candidates = cases.filter((c) => c.directorId !== user.id);
    if (!candidates.length) return new Set();
    const partnerOf = candidates.every((c) => c.invitedAgencyIds)
      ? new Set(candidates.filter((c) => c.invitedAgencyIds!.includes(user.agencyId)).map((c) => c.id))
      : new Set(
          (
            (await this.ds.query(`SELECT case_id FROM case_agencies WHERE case_id = ANY($1) AND agency_id = $2 AND role = 'INVITED'`, [
              candidates.map((c) => c.id),
              user.agencyId,
            ])) as { case_id: string }[]
          ).map((r) => r.case_id),
        );
    const pending = new Set<string>();
    const acknowledged = new Map<string, boolean>();
    for (const c of candidates.filter((x) => partnerOf.has(x.id))) {
      if (!acknowledged.has(c.protocolId)) acknowledged.set(c.protocolId, !!(await this.confidentiality.acknowledgedAt(user.id, c.protocolId)));
      if (!acknowledged.get(c.protocolId)) pending.add(c.id);
    }
    return pending;
  }

  /** Checks a case sub-resource rule (Contribution, Consent, Action…) against this case's agencies. */
  assertCan(user: AuthenticatedUser, action: Action, type: SubjectType, ctx: CaseContext, extra: Record<string, unknown> = {}): void {
    if (!user.ability.can(action, asSubject(type, { caseAgencyIds: ctx.agencyIds, ...extra }))) {
      throw new ForbiddenException({ code: 'FORBIDDEN', message: `Your agency is not a partner in this case, or your roles do not allow this` });
    }
  }

  /** A closed case takes no new content. */
  assertOpen(ctx: CaseContext): void {
    if (ctx.record.stage === 'AFGESLOTEN') throw new UnprocessableEntityException({ code: 'CASE_CLOSED', message: 'The case is closed' });
    if (ctx.record.anonymisedAt) throw new UnprocessableEntityException({ code: 'CASE_ERASED', message: 'The personal data of this case were erased' });
  }

  /**
   * Loads several cases in a few queries whatever their number (a conference agenda), in the order
   * given. With `strict`, a case outside the caller's scope is a 404 (403 for the action), as in
   * load(); without, such cases are simply left out. A partner who has not acknowledged a case's
   * protocol gets 403 CONFIDENTIALITY_NOT_ACKNOWLEDGED, or, with `gate: 'skip'`, that case left out.
   */
  async loadMany(
    user: AuthenticatedUser,
    caseIds: string[],
    action: Action = 'read',
    m: EntityManager = this.ds.manager,
    strict = true,
    gate: 'throw' | 'skip' = 'throw',
  ): Promise<CaseContext[]> {
    const ids = [...new Set(caseIds)];
    if (!ids.length) return [];
    const records = await m.getRepository(CaseRecord).findBy({ id: In(ids) });
    const agencies = await m.getRepository(CaseAgency).findBy({ caseId: In(ids) });
    const protocolIds = [...new Set(records.map((r) => r.protocolId))];
    const signatories = await signatoriesOf(m, protocolIds);
    const deputies = await m.getRepository(CaseTeamMember).findBy({ caseId: In(ids) });
    const out: CaseContext[] = [];
    const acknowledgements = new Map<string, boolean>();
    for (const id of ids) {
      const record = records.find((r) => r.id === id);
      if (!record) {
        if (strict) throw new NotFoundException('No such case');
        continue;
      }
      const own = agencies.filter((a) => a.caseId === id);
      const ctx: CaseContext = {
        record,
        agencies: own,
        agencyIds: own.map((a) => a.agencyId),
        protocolAgencyIds: signatories.get(record.protocolId) ?? [],
        deputyIds: deputies.filter((d) => d.caseId === id).map((d) => d.userId),
      };
      if (strict) assertRowAccess(user, action, 'Case', caseSubject(ctx), 'case');
      else if (!user.ability.can(action, asSubject('Case', caseSubject(ctx)))) continue;
      // The protocol's confidentiality gate, as in load(): checked once per protocol, not per case.
      if (isPartnerUser(user, ctx)) {
        const acknowledged = acknowledgements.get(record.protocolId) ?? Boolean(await this.confidentiality.acknowledgedAt(user.id, record.protocolId, m));
        acknowledgements.set(record.protocolId, acknowledged);
        if (!acknowledged) {
          if (gate === 'throw') throw confidentialityNotAcknowledged(record.protocolId);
          continue;
        }
      }
      out.push(ctx);
    }
    return out;
  }

  /** Like load(), but null instead of 404/403: for a link the caller may or may not be allowed to follow. */
  async tryLoad(user: AuthenticatedUser, caseId: string, m: EntityManager = this.ds.manager): Promise<CaseContext | null> {
    try {
      return await this.load(user, caseId, 'read', m);
    } catch (e) {
      if (e instanceof NotFoundException || e instanceof ForbiddenException) return null;
      throw e;
    }
  }

  /** Is the caller the case director or a deputy? */
  isTeam(user: AuthenticatedUser, ctx: Pick<CaseContext, 'record' | 'deputyIds'>): boolean {
    return ctx.record.directorId === user.id || ctx.deputyIds.includes(user.id);
  }

  /** May the caller see the full case, or only its reference and stage (a referrer following up)? */
  canSeeContent(user: AuthenticatedUser, ctx: CaseContext): boolean {
    return user.ability.can('read', asSubject('Case', caseSubject(ctx)), 'persons');
  }
}

export function caseSubject(ctx: Pick<CaseContext, 'record' | 'agencyIds' | 'protocolAgencyIds'> & { deputyIds?: string[] }): Record<string, unknown> {
  return {
    id: ctx.record.id,
    agencyIds: ctx.agencyIds,
    directorId: ctx.record.directorId,
    teamIds: teamIds(ctx.record.directorId, ctx.deputyIds ?? []),
    referrerId: ctx.record.referrerId,
    referringAgencyId: ctx.record.referringAgencyId,
    protocolAgencyIds: ctx.protocolAgencyIds,
  };
}

export function teamIds(directorId: string | null, deputyIds: string[]): string[] {
  return directorId ? [directorId, ...deputyIds] : [...deputyIds];
}
