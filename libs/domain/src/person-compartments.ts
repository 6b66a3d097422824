// Need to know on each field of a person (issue 10, api.md "Persons and need to know"). Every case
// agency needs to know who is involved; only the agencies that hold the file need to know where
// the victim lives or how to reach her. A victim in a shelter (Vluchthuis) has a confidential
// address: one leak to the agency supporting the alleged perpetrator can cost her life, so that
// address stays with the agency that recorded it and is never disclosed.

import type { DataCategory } from './enums';

/** Fields every case agency sees. */
export const BASIC_PERSON_FIELDS = ['firstName', 'lastName', 'role', 'gender', 'birthYear', 'relationships'] as const;

/** Fields in a compartment, and the disclosure category that opens each for another agency. */
export const COMPARTMENT_FIELDS = {
  birthDate: 'IDENTIFICATION',
  nationalNumber: 'IDENTIFICATION',
  address: 'CONTACT',
  phone: 'CONTACT',
  email: 'CONTACT',
} as const satisfies Record<string, DataCategory>;
export type CompartmentField = keyof typeof COMPARTMENT_FIELDS;
export const COMPARTMENT_FIELD_NAMES = Object.keys(COMPARTMENT_FIELDS) as CompartmentField[];

/** The categories a person disclosure may carry. */
export const PERSON_DISCLOSURE_CATEGORIES = ['IDENTIFICATION', 'CONTACT'] as const;
export type PersonDisclosureCategory = (typeof PERSON_DISCLOSURE_CATEGORIES)[number];

/** Why a field is withheld from the caller; the SPA explains each reason. */
export type WithheldReason = 'NEED_TO_KNOW' | 'CONFIDENTIAL_ADDRESS';

export interface CompartmentFacts {
  callerAgencyId: string;
  referringAgencyId: string;
  /** The agency of the case director; null while the referral waits for one. */
  directorAgencyId: string | null;
  confidentialAddress: boolean;
  /** The agency that recorded the (confidential) address. */
  addressAuthorAgencyId: string | null;
  /** Categories of this person disclosed to the caller's agency (from the sharing log). */
  disclosedToCaller: readonly DataCategory[];
}

export interface CompartmentVerdict {
  /** Compartment fields the caller may read. */
  visible: CompartmentField[];
  /** Compartment fields hidden from the caller, with the reason. */
  withheld: { field: CompartmentField; reason: WithheldReason }[];
}

/** Does the caller's agency hold this person's file (referring agency or the case director's agency)? */
export function holdsPersonFile(f: Pick<CompartmentFacts, 'callerAgencyId' | 'referringAgencyId' | 'directorAgencyId'>): boolean {
  return f.callerAgencyId === f.referringAgencyId || (f.directorAgencyId !== null && f.callerAgencyId === f.directorAgencyId);
}

/** Which compartment fields of one person the caller's agency may read. */
export function personCompartments(f: CompartmentFacts): CompartmentVerdict {
  const holder = holdsPersonFile(f);
  const visible: CompartmentField[] = [];
  const withheld: CompartmentVerdict['withheld'] = [];
  for (const field of COMPARTMENT_FIELD_NAMES) {
    if (field === 'address' && f.confidentialAddress) {
      if (f.addressAuthorAgencyId === f.callerAgencyId) visible.push(field);
      else withheld.push({ field, reason: 'CONFIDENTIAL_ADDRESS' });
      continue;
    }
    if (holder || f.disclosedToCaller.includes(COMPARTMENT_FIELDS[field])) visible.push(field);
    else withheld.push({ field, reason: 'NEED_TO_KNOW' });
  }
  return { visible, withheld };
}

/** May the caller's agency disclose these categories of this person? Returns a refusal code or null. */
export function personDisclosureRefusal(
  f: CompartmentFacts,
  categories: readonly DataCategory[],
): 'NOT_PERSON_FILE_HOLDER' | 'CONFIDENTIAL_ADDRESS' | 'CATEGORY_NOT_PERSON_DATA' | null {
  if (categories.some((c) => !(PERSON_DISCLOSURE_CATEGORIES as readonly string[]).includes(c))) return 'CATEGORY_NOT_PERSON_DATA';
  // A confidential address never leaves its author agency, not even inside "contact details".
  if (f.confidentialAddress && categories.includes('CONTACT')) return 'CONFIDENTIAL_ADDRESS';
  if (!holdsPersonFile(f)) return 'NOT_PERSON_FILE_HOLDER';
  return null;
}

/** The year of a YYYY-MM-DD birth date: what every case agency sees instead of the full date. */
export function birthYearOf(birthDate: string | null): number | null {
  if (!birthDate || !/^\d{4}-/.test(birthDate)) return null;
  return Number(birthDate.slice(0, 4));
}

/**
 * A protocol that allows IDENTIFICATION allows contact details too: the 458ter protocols written
 * before CONTACT existed list identification data as including address and phone.
 */
export function protocolCategoriesWithContact(categories: readonly DataCategory[]): DataCategory[] {
  return categories.includes('IDENTIFICATION') && !categories.includes('CONTACT') ? [...categories, 'CONTACT'] : [...categories];
}
