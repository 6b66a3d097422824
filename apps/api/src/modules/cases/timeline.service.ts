import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { CaseEvent } from './entities/case-event.entity';

export type CaseEventType =
  | 'REFERRED' | 'TRANSITION' | 'AGENCY_INVITED' | 'CONTRIBUTION_ADDED' | 'CONTRIBUTION_WAIVED' | 'DECISION'
  | 'ACTION_CREATED' | 'ACTION_UPDATED' | 'EVALUATION' | 'DISCLOSURE' | 'CONSENT_RECORDED' | 'CONSENT_WITHDRAWN'
  | 'NOTICE_RECORDED' | 'RISK_ASSESSED' | 'LEGAL_HOLD' | 'CONFERENCE_SCHEDULED' | 'CONFERENCE_MINUTES' | 'CONFERENCE_CLOSED' | 'ANONYMISED'
  | 'PERSON_ADDED' | 'PERSON_UPDATED' | 'RELATIONSHIP_ADDED' | 'PERSON_DATA_REQUESTED' | 'ERASED';

/** Writes the case timeline. Always called with the transaction's manager: the event commits with the change. */
@Injectable()
export class TimelineService {
  async record(m: EntityManager, caseId: string, user: AuthenticatedUser | null, type: CaseEventType, detail: Record<string, unknown> = {}, reason: string | null = null): Promise<void> {
    await m.getRepository(CaseEvent).insert({ caseId, type, actorId: user?.id ?? null, actorAgencyId: user?.agencyId ?? null, reason, detail: detail as never });
  }
}
