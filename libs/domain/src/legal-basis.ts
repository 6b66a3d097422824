// What each legal basis demands before information may leave an agency, and which article of
// which Criminal Code it rests on at a given date. The API keeps both in the `legal_bases` tables
// (seeded by a migration, so a renumbering is a data change); these constants are the same data
// for the pure rules and their tests, and the fallback when a row is missing.

import type { AgencyType, LegalBasis } from './enums';

/** Who may receive information under a basis. */
export type RecipientRule = 'CASE_AGENCIES' | 'PROSECUTION' | 'EMERGENCY_SERVICES';

export interface LegalBasisConditions {
  recipients: RecipientRule;
  /** A consent in force must cover the recipients and categories. */
  consent: boolean;
  /** A written justification (≥ MIN_JUSTIFICATION_LENGTH characters). */
  justification: boolean;
  /** The disclosure names the person concerned (a person of the case). */
  person: boolean;
  /** The disclosure states the serious, imminent danger. */
  dangerStatement: boolean;
  /** The disclosure cites the statutory provision that obliges it. */
  provision: boolean;
  /** Every disclosure goes to the DPO's review queue. */
  dpoReview: boolean;
}

const base: LegalBasisConditions = {
  recipients: 'CASE_AGENCIES',
  consent: false,
  justification: true,
  person: false,
  dangerStatement: false,
  provision: false,
  dpoReview: false,
};

export const LEGAL_BASIS_CONDITIONS: Record<LegalBasis, LegalBasisConditions> = {
  CONSENT: { ...base, consent: true, justification: false },
  ART_458TER: base,
  // A 458bis report goes to the procureur des Konings only, about a named minor or vulnerable person in danger.
  ART_458BIS: { ...base, recipients: 'PROSECUTION', person: true, dangerStatement: true },
  // Failure to assist: inform those who can help now.
  ART_422BIS: { ...base, recipients: 'EMERGENCY_SERVICES', dangerStatement: true },
  LEGAL_OBLIGATION: { ...base, provision: true },
  // State of necessity is a case-law defence, not a statute: allowed in acute danger, checked afterwards.
  NECESSITY: { ...base, dangerStatement: true, dpoReview: true },
};

export interface RecipientAgency {
  type: AgencyType;
  /** Flagged by an administrator as an emergency service (ambulance, crisis team…). */
  emergencyService: boolean;
}

/** May this agency receive information under the rule? */
export function recipientAllowed(rule: RecipientRule, agency: RecipientAgency | undefined): boolean {
  if (rule === 'CASE_AGENCIES') return true;
  if (!agency) return false;
  if (rule === 'PROSECUTION') return agency.type === 'PROSECUTION';
  return agency.type === 'POLICE' || agency.emergencyService;
}

/** The day the new Criminal Code (law of 29 February 2024) replaces the 1867 Code. */
export const NEW_CRIMINAL_CODE_FROM = '2026-04-08';

export interface LegalReferenceVersion {
  /** YYYY-MM-DD, inclusive. */
  validFrom: string;
  /** YYYY-MM-DD, inclusive; null while in force. */
  validUntil: string | null;
  reference: string;
}

/** The reference applying on `day` (YYYY-MM-DD), or null when no version covers it. */
export function referenceOn(versions: LegalReferenceVersion[], day: string): string | null {
  const hit = versions
    .filter((v) => v.validFrom <= day && (v.validUntil === null || day <= v.validUntil))
    .sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1))[0];
  return hit?.reference ?? null;
}

/** Minimum length of a danger statement: "acuut" is a word, not a statement of the danger. */
export const MIN_DANGER_STATEMENT_LENGTH = 10;

/**
 * Art. 458ter §2: what is shared in the case conference may only lead to prosecution of the
 * offences the conference was set up for. Every view of such information carries this marking.
 */
export const USE_RESTRICTION_458TER = {
  code: 'ART_458TER_PARA_2',
  text: {
    nl: 'Gedeeld onder art. 458ter §2 Sw.: mag alleen gebruikt worden voor de misdrijven waarvoor het casusoverleg werd opgericht.',
    fr: "Partagé sous l'art. 458ter §2 C. pén. : ne peut être utilisé que pour les infractions pour lesquelles la concertation de cas a été organisée.",
    en: 'Shared under art. 458ter §2 Criminal Code: may only be used for the offences the case conference was set up for.',
  },
} as const;
export type UseRestriction = typeof USE_RESTRICTION_458TER;

/** The use restriction that travels with information shared under `basis`, if any. */
export function useRestrictionFor(basis: string): UseRestriction | null {
  return basis === 'ART_458TER' ? USE_RESTRICTION_458TER : null;
}
