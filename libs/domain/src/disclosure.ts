// When may an agency share a contribution with other case agencies (art. 458ter Sw., GDPR)?
// Schakel refuses an unlawful disclosure instead of trusting people to remember the rules, so
// this function is the single place those rules live: the API calls it before writing to the
// sharing log, and the SPA's share dialog calls it to show which legal bases are open.

import type { ConsentStatus, DataCategory, LegalBasis, ProtocolStatus, Stage } from './enums';
import { LEGAL_BASES } from './enums';
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
  'CONSENT_MISSING',
  'CONSENT_WITHDRAWN',
  'CONSENT_OUT_OF_SCOPE',
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

  const basisRefusal =
    f.legalBasis === 'CONSENT' ? checkConsent(f.consent, others, categories, f.today) : checkJustification(f.justification);
  if (basisRefusal) refusals.push(basisRefusal);

  return refusals;
}

export interface LegalBasisOption {
  legalBasis: LegalBasis;
  available: boolean;
  reasons: DisclosureRefusal[];
  /** The dialog must ask for a written justification before this basis can be used. */
  requiresJustification: boolean;
  /** For CONSENT: the candidate consents that cover these recipients and categories. */
  consentIds?: string[];
}

/**
 * One row per legal basis, for the share dialog to enable or explain each option before the user
 * has written anything: the justification is asked for in the dialog (`requiresJustification`,
 * not a refusal), and CONSENT is checked against each of the case's candidate consents.
 */
export function availableLegalBases(
  f: Omit<DisclosureFacts, 'legalBasis' | 'consent' | 'justification'>,
  consents: { id: string; consent: DisclosureConsent }[],
): LegalBasisOption[] {
  const pendingJustification = 'x'.repeat(MIN_JUSTIFICATION_LENGTH);
  return LEGAL_BASES.map((legalBasis) => {
    if (legalBasis !== 'CONSENT') {
      const reasons = checkDisclosure({ ...f, legalBasis, consent: null, justification: pendingJustification });
      return { legalBasis, available: reasons.length === 0, reasons, requiresJustification: true };
    }
    const consentIds = consents.filter((c) => checkDisclosure({ ...f, legalBasis, consent: c.consent }).length === 0).map((c) => c.id);
    const reasons = consentIds.length ? [] : checkDisclosure({ ...f, legalBasis, consent: consents[0]?.consent ?? null });
    return { legalBasis, available: consentIds.length > 0, reasons, requiresJustification: false, consentIds };
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
