// When may an agency share a contribution with other case agencies (art. 458ter Sw., GDPR)?
// Schakel refuses an unlawful disclosure instead of trusting people to remember the rules, so
// this function is the single place those rules live: the API calls it before writing to the
// sharing log, and the SPA's share dialog calls it to show which legal bases are open.

import type { ConsentStatus, DataCategory, LegalBasis, ProtocolStatus, Stage } from './enums';
import { LEGAL_BASES } from './enums';
import { LEGAL_BASIS_CONDITIONS, MIN_DANGER_STATEMENT_LENGTH, recipientAllowed, type LegalBasisConditions, type RecipientAgency } from './legal-basis';
import { isProtocolInForce } from './protocol';

/** In order of precedence: the first one is what a person has to fix first. */
export const DISCLOSURE_REFUSAL_CODES = [
  'CASE_CLOSED',
  'NO_APPROVED_PROTOCOL',
  'PROTOCOL_NOT_IN_FORCE',
  'NO_RECIPIENTS',
  'SELF_DISCLOSURE',
  'AGENCY_NOT_IN_CASE',
  'AGENCY_NOT_SIGNATORY',
  'CATEGORY_NOT_ALLOWED',
  'RECIPIENT_NOT_ALLOWED',
  'CONSENT_MISSING',
  'CONSENT_WITHDRAWN',
  'CONSENT_OUT_OF_SCOPE',
  'PERSON_REQUIRED',
  'DANGER_STATEMENT_REQUIRED',
  'PROVISION_REQUIRED',
  'JUSTIFICATION_REQUIRED',
] as const;
export type DisclosureRefusalCode = (typeof DISCLOSURE_REFUSAL_CODES)[number];

/** A written justification shorter than this is a placeholder ("ok", "zie dossier"), not a reason. */
export const MIN_JUSTIFICATION_LENGTH = 10;

export interface DisclosureConsent {
  status: ConsentStatus;
  validUntil: string | null;
  withdrawnAt: string | null;
  agencyIds: string[];
  dataCategories: DataCategory[];
}

export interface DisclosureFacts {
  /** YYYY-MM-DD in Europe/Brussels. */
  today: string;
  protocol: {
    status: ProtocolStatus;
    validFrom: string;
    validUntil: string | null;
    signatoryAgencyIds: string[];
    dataCategories: DataCategory[];
  };
  caseStage: Stage;
  caseAgencyIds: string[];
  fromAgencyId: string;
  toAgencyIds: string[];
  categories: DataCategory[];
  legalBasis: LegalBasis;
  justification?: string | null;
  consent?: DisclosureConsent | null;
  /** The basis's conditions as stored in the legal-bases table; LEGAL_BASIS_CONDITIONS when absent. */
  conditions?: LegalBasisConditions;
  /** Type and emergency flag of each receiving agency (needed for bases that restrict recipients). */
  recipientAgencies?: Record<string, RecipientAgency>;
  /** The person of the case the disclosure is about (already checked to belong to the case). */
  personId?: string | null;
  dangerStatement?: string | null;
  /** The statutory provision that obliges the disclosure (LEGAL_OBLIGATION). */
  provision?: string | null;
}

export interface DisclosureRefusal {
  code: DisclosureRefusalCode;
  message: string;
  /** The offending agencies, for the UI to name them (messages never carry ids). */
  agencyIds?: string[];
  categories?: DataCategory[];
}

/** Every reason the disclosure is unlawful, in precedence order; an empty list means it may go ahead. */
export function checkDisclosure(f: DisclosureFacts): DisclosureRefusal[] {
  const refusals: DisclosureRefusal[] = [];

  if (f.caseStage === 'AFGESLOTEN') {
    refusals.push({ code: 'CASE_CLOSED', message: 'The case is closed: nothing more can be shared in it.' });
  }

  const protocolRefusal = checkProtocol(f);
  if (protocolRefusal) refusals.push(protocolRefusal);

  const recipients = unique(f.toAgencyIds);
  if (recipients.length === 0) {
    refusals.push({ code: 'NO_RECIPIENTS', message: 'Choose at least one agency to share with.' });
  }
  if (recipients.includes(f.fromAgencyId)) {
    refusals.push({
      code: 'SELF_DISCLOSURE',
      message: 'Your own agency already holds this information; remove it from the receiving agencies.',
      agencyIds: [f.fromAgencyId],
    });
  }

  // The sender is reported once, as SELF_DISCLOSURE, not again under the agency rules below.
  const others = recipients.filter((id) => id !== f.fromAgencyId);

  const notInCase = others.filter((id) => !f.caseAgencyIds.includes(id));
  if (notInCase.length > 0) {
    refusals.push({
      code: 'AGENCY_NOT_IN_CASE',
      message: `${countAgencies(notInCase.length)} you chose ${notInCase.length === 1 ? 'is' : 'are'} not part of this case. Only agencies invited to the case can receive its information.`,
      agencyIds: notInCase,
    });
  }

  const notSignatory = others.filter((id) => !f.protocol.signatoryAgencyIds.includes(id));
  if (notSignatory.length > 0) {
    refusals.push({
      code: 'AGENCY_NOT_SIGNATORY',
      message: `${countAgencies(notSignatory.length)} you chose did not sign the case's protocol, so ${notSignatory.length === 1 ? 'it' : 'they'} may not receive information under it.`,
      agencyIds: notSignatory,
    });
  }

  const categories = unique(f.categories);
  const forbidden = categories.filter((c) => !f.protocol.dataCategories.includes(c));
  if (forbidden.length > 0) {
    refusals.push({
      code: 'CATEGORY_NOT_ALLOWED',
      message: `The case's protocol does not allow sharing ${listCategories(forbidden)}.`,
      categories: forbidden,
    });
  }

  const conditions = f.conditions ?? LEGAL_BASIS_CONDITIONS[f.legalBasis];
  const outside = others.filter((id) => !recipientAllowed(conditions.recipients, f.recipientAgencies?.[id]));
  if (outside.length > 0) {
    refusals.push({
      code: 'RECIPIENT_NOT_ALLOWED',
      message: `${RECIPIENT_RULE_TEXT[conditions.recipients]} Remove ${countAgencies(outside.length)} from the receiving agencies or choose another legal basis.`,
      agencyIds: outside,
    });
  }

  if (conditions.consent) {
    const consentRefusal = checkConsent(f.consent, others, categories, f.today);
    if (consentRefusal) refusals.push(consentRefusal);
  }
  if (conditions.person && !f.personId) {
    refusals.push({ code: 'PERSON_REQUIRED', message: 'Name the minor or vulnerable person of this case the report is about.' });
  }
  if (conditions.dangerStatement && (f.dangerStatement ?? '').trim().length < MIN_DANGER_STATEMENT_LENGTH) {
    refusals.push({
      code: 'DANGER_STATEMENT_REQUIRED',
      message: `Describe the serious and imminent danger that makes this disclosure necessary (at least ${MIN_DANGER_STATEMENT_LENGTH} characters).`,
    });
  }
  if (conditions.provision && !(f.provision ?? '').trim()) {
    refusals.push({
      code: 'PROVISION_REQUIRED',
      message: 'Cite the legal provision that obliges you to share this (for example the article and the law); the sharing log shows it.',
    });
  }
  if (conditions.justification) {
    const justificationRefusal = checkJustification(f.justification);
    if (justificationRefusal) refusals.push(justificationRefusal);
  }

  return refusals;
}

const RECIPIENT_RULE_TEXT: Record<LegalBasisConditions['recipients'], string> = {
  CASE_AGENCIES: '',
  PROSECUTION: 'Under art. 458bis you may only report to the public prosecutor.',
  EMERGENCY_SERVICES: 'Under art. 422bis you may only inform those who can help right now: the police or an emergency service.',
};

export interface LegalBasisOption {
  legalBasis: LegalBasis;
  available: boolean;
  reasons: DisclosureRefusal[];
  /** The dialog must ask for a written justification before this basis can be used. */
  requiresJustification: boolean;
  /** The dialog must ask which person of the case this is about. */
  requiresPerson: boolean;
  /** The dialog must ask for a statement of the serious and imminent danger. */
  requiresDangerStatement: boolean;
  /** The dialog must ask for the provision that obliges the disclosure. */
  requiresProvision: boolean;
  /** Every disclosure on this basis is reviewed afterwards by the DPO. */
  dpoReview: boolean;
  /** Plain language: when this basis applies. */
  appliesWhen: string;
  /** For CONSENT: the candidate consents that cover these recipients and categories. */
  consentIds?: string[];
}

/** When each basis applies, in words a case director understands (the SPA translates by basis key). */
export const LEGAL_BASIS_APPLIES_WHEN: Record<LegalBasis, string> = {
  CONSENT: 'The person agreed to share this information with these agencies, and has not withdrawn that consent.',
  ART_458TER: 'Information shared within the case conference, under the protocol the prosecutor approved, to protect the person or others.',
  ART_458BIS: 'A report to the public prosecutor about a minor or vulnerable person of this case who is in serious and imminent danger.',
  ART_422BIS: 'A person is in grave danger now: you inform the police or an emergency service who can help.',
  LEGAL_OBLIGATION: 'A specific law obliges you to pass on this information; you cite that provision.',
  NECESSITY: 'Acute, serious danger that cannot be averted in any other way (state of necessity); the DPO reviews every such disclosure afterwards.',
};

/**
 * One row per legal basis, for the share dialog to enable or explain each option before the user
 * has written anything: what the dialog asks for (justification, person, danger statement,
 * provision) is reported as `requires…`, not as a refusal; what stands in the way (recipients,
 * protocol, consent) is listed in `reasons`. CONSENT is checked against each candidate consent.
 */
export function availableLegalBases(
  f: Omit<DisclosureFacts, 'legalBasis' | 'consent' | 'justification' | 'conditions' | 'personId' | 'dangerStatement' | 'provision'>,
  consents: { id: string; consent: DisclosureConsent }[],
  conditionsOf: (basis: LegalBasis) => LegalBasisConditions = (b) => LEGAL_BASIS_CONDITIONS[b],
): LegalBasisOption[] {
  const pending = {
    justification: 'x'.repeat(MIN_JUSTIFICATION_LENGTH),
    dangerStatement: 'x'.repeat(MIN_DANGER_STATEMENT_LENGTH),
    provision: 'x',
    personId: 'pending',
  };
  return LEGAL_BASES.map((legalBasis) => {
    const conditions = conditionsOf(legalBasis);
    const asks = {
      requiresJustification: conditions.justification,
      requiresPerson: conditions.person,
      requiresDangerStatement: conditions.dangerStatement,
      requiresProvision: conditions.provision,
      dpoReview: conditions.dpoReview,
      appliesWhen: LEGAL_BASIS_APPLIES_WHEN[legalBasis],
    };
    if (!conditions.consent) {
      const reasons = checkDisclosure({ ...f, ...pending, legalBasis, conditions, consent: null });
      return { legalBasis, available: reasons.length === 0, reasons, ...asks };
    }
    const consentIds = consents.filter((c) => checkDisclosure({ ...f, ...pending, legalBasis, conditions, consent: c.consent }).length === 0).map((c) => c.id);
    const reasons = consentIds.length ? [] : checkDisclosure({ ...f, ...pending, legalBasis, conditions, consent: consents[0]?.consent ?? null });
    return { legalBasis, available: consentIds.length > 0, reasons, ...asks, consentIds };
  });
}

/** The refusal to report when only one fits (an API `code`); independent of the list's order. */
export function primaryRefusal(refusals: DisclosureRefusal[]): DisclosureRefusal | undefined {
  let best: DisclosureRefusal | undefined;
  for (const refusal of refusals) {
    if (best === undefined || rank(refusal.code) < rank(best.code)) best = refusal;
  }
  return best;
}

function checkProtocol(f: DisclosureFacts): DisclosureRefusal | null {
  const { protocol, today } = f;
  if (isProtocolInForce(protocol, today)) return null;
  // A suspended protocol was approved once: "not in force" tells people it is the prosecutor's
  // suspension, not a missing approval, that blocks them.
  if (protocol.status === 'SUSPENDED') {
    return {
      code: 'PROTOCOL_NOT_IN_FORCE',
      message: "The case's protocol has been suspended, so no new information can be shared under it.",
    };
  }
  if (protocol.status !== 'APPROVED') {
    return {
      code: 'NO_APPROVED_PROTOCOL',
      message: "The case's protocol has not been approved by the prosecutor, so no information can be shared under it yet.",
    };
  }
  return {
    code: 'PROTOCOL_NOT_IN_FORCE',
    message:
      today < protocol.validFrom
        ? `The case's protocol only comes into force on ${protocol.validFrom}.`
        : `The case's protocol expired on ${protocol.validUntil}; no new information can be shared under it.`,
  };
}

function checkConsent(
  consent: DisclosureConsent | null | undefined,
  recipients: string[],
  categories: DataCategory[],
  today: string,
): DisclosureRefusal | null {
  if (!consent || consent.status === 'REFUSED') {
    return {
      code: 'CONSENT_MISSING',
      message:
        consent?.status === 'REFUSED'
          ? 'The person refused consent, so consent cannot be the legal basis for this disclosure.'
          : 'No consent has been recorded for this disclosure. Record the consent first or choose another legal basis.',
    };
  }
  // withdrawnAt wins over a stale status: a withdrawal must stop sharing even if the status
  // field was not updated with it.
  if (consent.status === 'WITHDRAWN' || consent.withdrawnAt) {
    return {
      code: 'CONSENT_WITHDRAWN',
      message: 'The consent has been withdrawn; nothing more can be shared on that basis.',
    };
  }
  if (consent.validUntil !== null && consent.validUntil < today) {
    return {
      code: 'CONSENT_MISSING',
      message: `The consent expired on ${consent.validUntil}. Record a new consent or choose another legal basis.`,
    };
  }
  const agenciesOutside = recipients.filter((id) => !consent.agencyIds.includes(id));
  const categoriesOutside = categories.filter((c) => !consent.dataCategories.includes(c));
  if (agenciesOutside.length === 0 && categoriesOutside.length === 0) return null;

  const gaps: string[] = [];
  if (agenciesOutside.length > 0) gaps.push(`${countAgencies(agenciesOutside.length)} you chose`);
  if (categoriesOutside.length > 0) gaps.push(listCategories(categoriesOutside));
  const refusal: DisclosureRefusal = {
    code: 'CONSENT_OUT_OF_SCOPE',
    message: `The consent does not cover ${gaps.join(' or ')}. Share only what the person agreed to, or choose another legal basis.`,
  };
  if (agenciesOutside.length > 0) refusal.agencyIds = agenciesOutside;
  if (categoriesOutside.length > 0) refusal.categories = categoriesOutside;
  return refusal;
}

function checkJustification(justification: string | null | undefined): DisclosureRefusal | null {
  if ((justification ?? '').trim().length >= MIN_JUSTIFICATION_LENGTH) return null;
  return {
    code: 'JUSTIFICATION_REQUIRED',
    message: `Write down why this disclosure is needed (at least ${MIN_JUSTIFICATION_LENGTH} characters); the sharing log keeps it.`,
  };
}

function rank(code: DisclosureRefusalCode): number {
  const index = DISCLOSURE_REFUSAL_CODES.indexOf(code);
  return index === -1 ? DISCLOSURE_REFUSAL_CODES.length : index;
}

function countAgencies(count: number): string {
  return count === 1 ? '1 agency' : `${count} agencies`;
}

function listCategories(categories: DataCategory[]): string {
  const words = categories.map((c) => c.toLowerCase().replace(/_/g, ' '));
  return words.length === 1 ? `the category "${words[0]}"` : `the categories ${words.map((w) => `"${w}"`).join(', ')}`;
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
