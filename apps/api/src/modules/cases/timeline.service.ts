import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { CaseKeysService } from '../crypto/case-keys.service';
import { CaseEvent } from './entities/case-event.entity';

export type CaseEventType =
  | 'REFERRED' | 'TRANSITION' | 'AGENCY_INVITED' | 'CONTRIBUTION_ADDED' | 'CONTRIBUTION_WAIVED' | 'DECISION'
  | 'ACTION_CREATED' | 'ACTION_UPDATED' | 'EVALUATION' | 'DISCLOSURE' | 'CONSENT_RECORDED' | 'CONSENT_WITHDRAWN'
  | 'NOTICE_RECORDED' | 'RISK_ASSESSED' | 'LEGAL_HOLD' | 'CONFERENCE_SCHEDULED' | 'CONFERENCE_MINUTES' | 'CONFERENCE_CLOSED' | 'ANONYMISED'
  | 'PROTOCOL_REVISION'
  | 'PERSON_ADDED' | 'PERSON_UPDATED' | 'RELATIONSHIP_ADDED' | 'PERSON_DATA_REQUESTED' | 'ERASED';

export const TIMELINE_REASON = 'case_events.reason';

/**
 * Writes the case timeline. Always called with the transaction's manager: the event commits with the change.
 * The reason is free text, sealed under the case's data key; types and details (ids, codes) stay readable after erasure.
 */
@Injectable()
export class TimelineService {
  constructor(private readonly caseKeys: CaseKeysService) {}

  async record(m: EntityManager, caseId: string, user: AuthenticatedUser | null, type: CaseEventType, detail: Record<string, unknown> = {}, reason: string | null = null): Promise<void> {
    const cipher = reason ? await this.caseKeys.cipher(caseId, m) : null;
    // An erased case keeps its timeline types but takes no new free text.
    const sealed = reason && cipher && !cipher.erased ? cipher.seal(reason, TIMELINE_REASON) : null;
    await m.getRepository(CaseEvent).insert({ caseId, type, actorId: user?.id ?? null, actorAgencyId: user?.agencyId ?? null, reason: sealed, detail: detail as never });
  }
}
