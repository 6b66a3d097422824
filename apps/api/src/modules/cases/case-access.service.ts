import { ForbiddenException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { asSubject, type Action, type SubjectType } from '@schakel/authz';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { assertRowAccess } from '../../common/auth/row-access';
import { ProtocolConfidentialityService } from '../protocols/protocol-confidentiality.service';
import { selectCaseContext } from './case-read-queries';
import { confidentialityNotAcknowledged, isPartnerUser } from './confidentiality-gate';
import type { CaseAgency } from './entities/case-agency.entity';
import type { CaseRecord } from './entities/case.entity';

export interface CaseContext {
  record: CaseRecord;
  agencies: CaseAgency[];
  agencyIds: string[];
  protocolAgencyIds: string[];
  /** A partner user who has not yet acknowledged the protocol's confidentiality statement. */
  acknowledgementPending?: boolean;
}

/**
 * The one way other modules reach a case: loads it, its agencies and its protocol's signatories,
 * and applies the row-level rules (404 outside scope, 403 for an action the role may not do here).
 */
@Injectable()
export class CaseAccessService {
  constructor(@InjectDataSource() private readonly ds: DataSource, private readonly confidentiality: ProtocolConfidentialityService) {}

  /**
   * `confidentiality: 'enforce'` (the default) answers 403 CONFIDENTIALITY_NOT_ACKNOWLEDGED to a partner
   * who has not acknowledged the case's protocol; 'report' leaves that to the caller (`ctx.acknowledgementPending`).
   */
  async load(user: AuthenticatedUser, caseId: string, action: Action = 'read', m: EntityManager = this.ds.manager, lock = false, confidentiality: 'enforce' | 'report' = 'enforce'): Promise<CaseContext> {
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
   * of (one query for the partner rows, one per distinct protocol); those show reference and stage only.
   */
  async unacknowledgedCaseIds(user: AuthenticatedUser, cases: { id: string; protocolId: string; directorId: string | null }[]): Promise<Set<string>> {
    const candidates = cases.filter((c) => c.directorId !== user.id);
    if (!candidates.length) return new Set();
    const invited: { case_id: string }[] = await this.ds.query(
      `SELECT case_id FROM case_agencies WHERE case_id = ANY($1) AND agency_id = $2 AND role = 'INVITED'`, [candidates.map((c) => c.id), user.agencyId],
    );
    const partnerOf = new Set(invited.map((r) => r.case_id));
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

  /** May the caller see the full case, or only its reference and stage (a referrer following up)? */
  canSeeContent(user: AuthenticatedUser, ctx: CaseContext): boolean {
    return user.ability.can('read', asSubject('Case', caseSubject(ctx)), 'persons');
  }
}

export function caseSubject(ctx: Pick<CaseContext, 'record' | 'agencyIds' | 'protocolAgencyIds'>): Record<string, unknown> {
  return {
    id: ctx.record.id,
    agencyIds: ctx.agencyIds,
    directorId: ctx.record.directorId,
    referrerId: ctx.record.referrerId,
    protocolAgencyIds: ctx.protocolAgencyIds,
  };
}
