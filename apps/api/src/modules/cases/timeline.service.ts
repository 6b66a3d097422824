import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { CaseKeysService } from '../crypto/case-keys.service';
import { CaseEvent } from './entities/case-event.entity';

export type CaseEventType =
  | 'REFERRED'
  | 'TRANSITION'
  | 'AGENCY_INVITED'
  | 'CONTRIBUTION_ADDED'
  | 'CONTRIBUTION_WAIVED'
  | 'DECISION'
  | 'ACTION_CREATED'
  | 'ACTION_UPDATED'
  | 'EVALUATION'
  | 'DISCLOSURE'
  | 'CONSENT_RECORDED'
  | 'CONSENT_WITHDRAWN'
  | 'NOTICE_RECORDED'
  | 'RISK_ASSESSED'
  | 'LEGAL_HOLD'
  | 'CONFERENCE_SCHEDULED'
  | 'CONFERENCE_MINUTES'
  | 'CONFERENCE_CLOSED'
  | 'ANONYMISED'
  | 'TEAM_MEMBER_ADDED'
  | 'TEAM_MEMBER_REMOVED'
  | 'HANDOVER'
  | 'INCIDENT_ADDED'
  | 'REOPENED'
  | 'ESCALATED'
  | 'PROTOCOL_REVISION'
  | 'PERSON_ADDED'
  | 'PERSON_UPDATED'
  | 'RELATIONSHIP_ADDED'
  | 'PERSON_DATA_REQUESTED'
  | 'ERASED';

export const TIMELINE_REASON = 'case_events.reason';
/** Free text a module puts in `detail.description` (an action's title) is sealed too; the timeline view opens it. */
export const TIMELINE_DESCRIPTION = 'case_events.detail.description';

/**
 * Writes the case timeline. Always called with the transaction's manager: the event commits with the change.
 * The reason is free text, sealed under the case's data key; types and details (ids, codes) stay readable after erasure.
 */
@Injectable()
export class TimelineService {
  constructor(private readonly caseKeys: CaseKeysService) {}

  async record(
    m: EntityManager,
    caseId: string,
    user: AuthenticatedUser | null,
    type: CaseEventType,
    detail: Record<string, unknown> = {},
    reason: string | null = null,
  ): Promise<void> {
    const cipher = reason ? await this.caseKeys.cipher(caseId, m) : null;
    // An erased case keeps its timeline types but takes no new free text.
    const sealed = reason && cipher && !cipher.erased ? cipher.seal(reason, TIMELINE_REASON) : null;
    await m
      .getRepository(CaseEvent)
      .insert({ caseId, type, actorId: user?.id ?? null, actorAgencyId: user?.agencyId ?? null, reason: sealed, detail: detail as never });
  }

  /** The same line on several cases (a conference agenda) in one insert. */
  async recordMany(
    m: EntityManager,
    caseIds: string[],
    user: AuthenticatedUser | null,
    type: CaseEventType,
    detail: Record<string, unknown> = {},
    reason: string | null = null,
  ): Promise<void> {
    if (!caseIds.length) return;
    // Each case's reason under its own data key (ADR 0009).
    const ciphers = reason ? await this.caseKeys.ciphers(caseIds, m) : null;
    const sealed = (caseId: string) => {
      const c = ciphers?.get(caseId);
      return reason && c && !c.erased ? c.seal(reason, TIMELINE_REASON) : null;
    };
    await m.getRepository(CaseEvent).insert(
      caseIds.map((caseId) => ({
        caseId,
        type,
        actorId: user?.id ?? null,
        actorAgencyId: user?.agencyId ?? null,
        reason: sealed(caseId),
        detail: detail as never,
      })),
    );
  }
}
