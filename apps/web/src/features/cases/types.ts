import type { AnonymisedCase, CaseView, UnacknowledgedCase } from '@schakel/contracts';

// Shapes of /cases and the endpoints below it (api.md "Cases and the chain"): the response
// contracts of libs/contracts, which the API returns and its OpenAPI document publishes.
export type {
  AnonymisedCase,
  CaseAction,
  CaseAgency,
  CaseAgencyRole,
  CaseDetail,
  CaseIncident,
  CaseListItem,
  CaseSummary,
  CaseTeam,
  CaseView,
  Consent,
  Contribution,
  LegalBasisOption,
  LimitedCase,
  Notice,
  Person,
  PersonField,
  RecordedContribution,
  RecordedEvaluation,
  Refusal,
  TeamMember,
  TimelineItem,
  UnacknowledgedCase,
} from '@schakel/contracts';

export function isUnacknowledged(c: { limited: boolean }): c is UnacknowledgedCase {
  return c.limited && (c as Partial<UnacknowledgedCase>).confidentiality?.acknowledged === false;
}

export function isAnonymised(c: CaseView): c is AnonymisedCase {
  return !c.limited && typeof (c as Partial<AnonymisedCase>).anonymisedAt === 'string';
}

export interface UnmetGuard {
  code: string;
  message: string;
}

/** An agency of the directory (GET /agencies), for pickers and names. */
export type { Agency } from '@schakel/contracts';
