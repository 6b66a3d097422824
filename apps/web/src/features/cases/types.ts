import type { AnonymisedCase, CaseView, UnacknowledgedCase } from '@schakel/contracts';
import type { DataCategory, DisclosureRefusalCode, EvaluationOutcome, LegalBasis, Stage } from '@schakel/domain';

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
  LimitedCase,
  Notice,
  Person,
  PersonField,
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

export interface Refusal {
  code: DisclosureRefusalCode | string;
  message: string;
  agencyIds?: string[];
  categories?: DataCategory[];
}

export interface LegalBasisOption {
  legalBasis: LegalBasis;
  available: boolean;
  reasons: Refusal[];
  /** A basis other than consent needs a written justification in the dialog. */
  requiresJustification: boolean;
  /** CONSENT only: the consents in force that cover these recipients and categories. */
  consentIds?: string[];
  /** The dialog asks for the person, the danger statement or the provision (issue 9). */
  requiresPerson?: boolean;
  requiresDangerStatement?: boolean;
  requiresProvision?: boolean;
  /** Every disclosure on this basis is reviewed by the DPO afterwards. */
  dpoReview?: boolean;
  /** The article applying today. */
  reference?: string | null;
}

export interface Evaluation {
  id: string;
  caseId: string;
  outcome: EvaluationOutcome;
  summary: string;
  createdAt: string;
  caseStage: Stage;
}

/** An agency of the directory (GET /agencies), for pickers and names. */
export type { Agency } from '@schakel/contracts';