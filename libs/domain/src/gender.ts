// Gender and case language as codes: non-identifying, so statistics can count them in SQL while the
// person's identity stays encrypted. Values are part of the HTTP contract (docs/api-extensions.md).

export const GENDER_CODES = ['FEMALE', 'MALE', 'X', 'UNKNOWN'] as const;
export type GenderCode = (typeof GENDER_CODES)[number];

export const CASE_LANGUAGES = ['NL', 'FR', 'DE', 'EN', 'OTHER'] as const;
export type CaseLanguage = (typeof CASE_LANGUAGES)[number];

// Free text that clients sent before gender was coded (NL/FR/EN words and initials).
const LEGACY: Record<string, GenderCode> = {
  f: 'FEMALE',
  v: 'FEMALE',
  w: 'FEMALE',
  female: 'FEMALE',
  vrouw: 'FEMALE',
  vrouwelijk: 'FEMALE',
  woman: 'FEMALE',
  femme: 'FEMALE',
  féminin: 'FEMALE',
  feminin: 'FEMALE',
  m: 'MALE',
  h: 'MALE',
  male: 'MALE',
  man: 'MALE',
  mannelijk: 'MALE',
  homme: 'MALE',
  masculin: 'MALE',
  x: 'X',
  'non-binary': 'X',
  nonbinary: 'X',
  'non-binair': 'X',
  'non-binaire': 'X',
  anders: 'X',
  autre: 'X',
  other: 'X',
  unknown: 'UNKNOWN',
  onbekend: 'UNKNOWN',
  inconnu: 'UNKNOWN',
};

/** The code for a gender as sent by a client: a code, or older free text; absent stays absent. */
export function genderCode(input: string | null | undefined): GenderCode | null {
  if (input === undefined || input === null || input.trim() === '') return null;
  const value = input.trim();
  if ((GENDER_CODES as readonly string[]).includes(value.toUpperCase())) return value.toUpperCase() as GenderCode;
  return LEGACY[value.toLowerCase()] ?? 'UNKNOWN';
}
