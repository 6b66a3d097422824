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

// Shapes of /cases and the endpoints below it (api.md "Cases and the chain"), as the API's views send them.

/** What a referrer following up sees: the reference and where the case is, nothing about the family. */
export interface LimitedCase {
  id: string;
  reference: string;
  stage: Stage;
  closureReason: ClosureReason | null;
  createdAt: string;
  limited: true;
  /** Present for an urgent referral only. */
  urgent?: boolean;
  triageDueAt?: string | null;
  triagedAt?: string | null;
  /** Once closed: why, in the closing director's words. */
  outcome?: { closureReason: ClosureReason | null; reason: string | null; at: string | null };
  /** The incidents the caller's agency added, when there are any. */
  incidents?: CaseIncident[];
}

export interface CaseIncident {
  id: string;
  caseId: string;
  date: string;
  types: ViolenceForm[];
  policeReference: string | null;
  agencyId: string;
  addedBy: string;
  createdAt: string;
}

export interface TeamMember {
  userId: string;
  displayName: string | null;
  agencyId: string | null;
  active: boolean;
  role: 'DIRECTOR' | 'DEPUTY';
}

export interface CaseTeam {
  director: TeamMember | null;
  deputies: TeamMember[];
}

/** A partner who has not confirmed the protocol's confidentiality statement: reference, stage and roles only. */
export interface UnacknowledgedCase extends LimitedCase {
  confidentiality: { acknowledged: false; protocolId: string; protocolTitle: string };
  agencies: { id: string; role: string }[];
  persons: { id: string; role: PersonRole; limited: true }[];
}

export function isUnacknowledged(c: { limited: boolean }): c is UnacknowledgedCase {
  return c.limited && (c as Partial<UnacknowledgedCase>).confidentiality?.acknowledged === false;
}

export interface CaseSummary extends Omit<LimitedCase, 'limited'> {
  limited: false;
  protocolId: string;
  riskLevel: string | null;
  repeatReferral: boolean;
  redFlags: RedFlagCode[];
  directorId: string | null;
  referrerId: string | null;
  referringAgencyId: string | null;
  stageEnteredAt: string;
  version: number;
  deputyIds: string[];
  urgent: boolean;
  triageDueAt: string | null;
  triagedAt: string | null;
  reopenedAt: string | null;
  urgentConferenceRequestedAt: string | null;
}

export type CaseListItem = LimitedCase | CaseSummary;

export type PersonField = 'birthDate' | 'nationalNumber' | 'address' | 'phone' | 'email';

export interface Person {
  id: string;
  role: PersonRole;
  firstName: string;
  lastName: string;
  birthDate: string | null;
  birthYear: number | null;
  nationalNumber: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  gender: string | null;
  confidentialAddress: boolean;
  informed: boolean | null;
  consentGiven: boolean | null;
  relationships: { id: string; fromPersonId: string; toPersonId: string; type: string; violence: string }[];
  /** Fields hidden from the caller (null above), and why: need to know, or a confidential address. */
  withheld: PersonField[];
  withheldReasons: Partial<Record<PersonField, 'NEED_TO_KNOW' | 'CONFIDENTIAL_ADDRESS'>>;
  version: number;
}

export type CaseAgencyRole = 'REFERRER' | 'DIRECTOR' | 'INVITED';

export interface CaseAgency {
  id: string;
  name: string;
  type: AgencyType;
  role: CaseAgencyRole;
  contributionWaived: boolean;
  /** The agency recorded at least one contribution in this case (what it holds is not said). */
  contributed?: boolean;
}

export interface CaseDetail extends CaseSummary {
  summary: string;
  incident: { date: string; types: ViolenceForm[]; policeReference: string | null };
  informed: boolean;
  consentGiven: boolean;
  legalHold: boolean;
  closedAt: string | null;
  updatedAt: string;
  protocol: { id: string; title: string; reference: string | null; status: ProtocolStatus; inForce: boolean; agencyIds: string[] };
  agencies: CaseAgency[];
  persons: Person[];
  nextStages: Stage[];
  team: CaseTeam;
  incidents: CaseIncident[];
  dangerStatement: string | null;
  previousCase: { id: string; reference: string; stage: Stage } | null;
}

/** A closed case anonymised after its protocol's retention period: only where it ended is left. */
export interface AnonymisedCase extends CaseSummary {
  anonymisedAt: string;
  persons: [];
}

export type CaseView = LimitedCase | CaseDetail | AnonymisedCase;

export function isAnonymised(c: CaseView): c is AnonymisedCase {
  return !c.limited && typeof (c as Partial<AnonymisedCase>).anonymisedAt === 'string';
}

export interface UnmetGuard {
  code: string;
  message: string;
}

export interface TimelineItem {
  id: string;
  at: string;
  type: string;
  reason: string | null;
  detail: Record<string, unknown>;
  actor: { id: string; displayName: string | null; agencyId: string | null } | null;
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
export interface Agency {
  id: string;
  name: string;
  type: AgencyType;
  district: string;
  active: boolean;
  version: number;
}
