import type { AnonymisedCase, CaseView, UnacknowledgedCase } from '@schakel/contracts';
import type {
  ActionStatus,
  AgencyType,
  ClosureReason,
  ConsentMethod,
  ConsentStatus,
  DataCategory,
  DisclosureRefusalCode,
  EvaluationOutcome,
  LegalBasis,
  Measure,
  PersonRole,
  ProtocolStatus,
  RedFlagCode,
  Stage,
  ViolenceForm,
} from '@schakel/domain';

// Shapes of /cases and the endpoints below it (api.md "Cases and the chain"): the response
// contracts of libs/contracts, which the API returns and its OpenAPI document publishes.
export type {
  AnonymisedCase,
  CaseAgency,
  CaseAgencyRole,
  CaseDetail,
  CaseIncident,
  CaseListItem,
  CaseSummary,
  CaseTeam,
  CaseView,
  LimitedCase,
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

export interface Contribution {
  id: string;
  caseId: string;
  agencyId: string;
  authorId: string;
  category: DataCategory;
  content: string;
  /** Filled for the caller's own agency's contributions only. */
  sharedWithAgencyIds: string[];
  createdAt: string;
  /** How it was shared, with the article that applied (issue 9). */
  disclosures?: { legalBasis: LegalBasis; legalReference: string | null; provision: string | null; at: string }[];
  /** Set when shared under art. 458ter: the §2 use restriction. */
  useRestriction?: { code: string; text: { nl: string; fr: string; en: string } } | null;
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

export interface Consent {
  id: string;
  caseId: string;
  personId: string;
  status: ConsentStatus;
  method: ConsentMethod;
  scope: { agencyIds: string[]; dataCategories: DataCategory[] };
  validUntil: string | null;
  evidence: string | null;
  recordedBy: string;
  recordedAgencyId: string;
  recordedAt: string;
  withdrawnAt: string | null;
  withdrawalReason: string | null;
}

export interface Notice {
  id: string;
  caseId: string;
  personId: string;
  informedAt: string | null;
  method: string | null;
  withheld: boolean;
  justification: string | null;
  reviewDate: string | null;
  recordedBy: string;
  recordedAt: string;
}

export interface CaseAction {
  id: string;
  caseId: string;
  description: string;
  ownerAgencyId: string | null;
  dueDate: string | null;
  measure: Measure;
  status: ActionStatus;
  createdBy: string;
  version: number;
  createdAt: string;
  updatedAt: string;
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
