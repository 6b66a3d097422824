// The values below are part of the HTTP contract (api.md, "Enumerations"): clients, the
// database and the sharing log store them verbatim, so never rename or reorder a value in
// place. Each `as const` array doubles as the source for validators and pick-lists.

export const ROLES = ['case_director', 'referrer', 'agency_member', 'prosecutor_liaison', 'dpo', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const AGENCY_TYPES = ['POLICE', 'PROSECUTION', 'JUSTICE_HOUSE', 'CAW', 'CHILD_PROTECTION', 'MENTAL_HEALTH', 'FAMILY_JUSTICE_CENTRE', 'OTHER'] as const;
export type AgencyType = (typeof AGENCY_TYPES)[number];

export const PERSON_ROLES = ['VICTIM', 'ALLEGED_PERPETRATOR', 'CHILD', 'OTHER'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

// Chain order matters: statistics and the SPA's stepper rely on the index.
export const STAGES = ['AANMELDING', 'DOSSIERVORMING', 'WEGING', 'CASUSREGIE', 'UITVOERING', 'EVALUATIE', 'AFGESLOTEN'] as const;
export type Stage = (typeof STAGES)[number];

export const CLOSURE_REASONS = ['DECLINED', 'NOT_INCLUDED', 'COMPLETED'] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

export const VIOLENCE_FORMS = ['PHYSICAL', 'SEXUAL', 'PSYCHOLOGICAL', 'ECONOMIC', 'VERBAL', 'ADMINISTRATIVE', 'SOCIAL', 'CYBER'] as const;
export type ViolenceForm = (typeof VIOLENCE_FORMS)[number];

export const DATA_CATEGORIES = [
  'IDENTIFICATION',
  'POLICE_INFORMATION',
  'JUDICIAL_INFORMATION',
  'WELFARE_SUPPORT',
  'CHILD_SITUATION',
  'HEALTH',
  'RISK_ASSESSMENT',
  'OTHER',
  // Address, phone and e-mail of a person (api.md "Persons and need to know"); appended, never reordered.
  'CONTACT',
] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

export const LEGAL_BASES = ['CONSENT', 'ART_458TER', 'ART_458BIS', 'ART_422BIS', 'LEGAL_OBLIGATION', 'NECESSITY'] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

export const CONSENT_STATUSES = ['GIVEN', 'REFUSED', 'WITHDRAWN'] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];

export const CONSENT_METHODS = ['WRITTEN', 'VERBAL', 'DIGITAL'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

export const DECISION_TYPES = ['INCLUDE', 'REFER_ELSEWHERE', 'NO_FURTHER_ACTION'] as const;
export type DecisionType = (typeof DECISION_TYPES)[number];

export const MEASURES = [
  'SAFETY_PLAN',
  'TEMPORARY_RESTRAINING_ORDER',
  'CONTACT_BAN',
  'FOLLOW_UP_VISIT',
  'PERPETRATOR_PROGRAMME',
  'VICTIM_SUPPORT',
  'SHELTER',
  'CHILD_PROTECTION_REFERRAL',
  'THERAPY',
  'OTHER',
] as const;
export type Measure = (typeof MEASURES)[number];

export const ACTION_STATUSES = ['OPEN', 'DONE', 'CANCELLED'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const EVALUATION_OUTCOMES = ['CONTINUE', 'ESCALATE', 'CLOSE'] as const;
export type EvaluationOutcome = (typeof EVALUATION_OUTCOMES)[number];

export const PROTOCOL_STATUSES = ['DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED', 'SUSPENDED'] as const;
export type ProtocolStatus = (typeof PROTOCOL_STATUSES)[number];

// How a person was informed that their case is discussed (POST /cases/:id/notices).
// How a person was informed; WRITTEN and VERBAL as for consent, so either vocabulary is accepted.
export const NOTICE_METHODS = ['IN_PERSON', 'PHONE', 'LETTER', 'DIGITAL', 'WRITTEN', 'VERBAL'] as const;
export type NoticeMethod = (typeof NOTICE_METHODS)[number];

// How two persons of a case relate (POST /cases/:id/relationships): `from` is the PARENT/CHILD/… of `to`.
export const RELATIONSHIP_TYPES = ['PARTNER', 'EX_PARTNER', 'PARENT', 'CHILD', 'SIBLING', 'OTHER_FAMILY'] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

// Direction of violence in a relationship: ONE_WAY is from `from` towards `to`.
export const RELATIONSHIP_VIOLENCE = ['ONE_WAY', 'MUTUAL', 'NONE'] as const;
export type RelationshipViolence = (typeof RELATIONSHIP_VIOLENCE)[number];

/** Narrows an untrusted string (query parameter, stored value) to a member of `values`. */
export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}
