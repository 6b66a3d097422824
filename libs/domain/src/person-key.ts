// Input for the keyed blind index that detects repeat referrals without storing names in
// clear (the HMAC itself lives server-side, with the key). Two spellings of one name must give
// the same input, otherwise a repeat referral goes unnoticed: accents, case, spaces, hyphens
// and apostrophes vary between police reports, welfare files and what people say on the phone.

import { isIsoDate } from './dates';

/** "Van den Broeck-Élise" and "vandenbroeck elise" both become "vandenbroeckelise". */
export function normaliseName(s: string): string {
  return (
    s
      // NFKD splits "é" into "e" + accent and unfolds compatibility forms such as ligatures.
      .normalize('NFKD')
      .toLowerCase()
      // Letters only: drops the combining accents as well as spaces, hyphens, apostrophes and digits.
      .replace(/[^\p{L}]/gu, '')
  );
}

/**
 * `last|first|birthDate` with normalised names. The birth date is optional (often unknown at
 * referral) but when present it must be a real YYYY-MM-DD day: a malformed date would silently
 * produce a key that never matches.
 */
export function blindIndexInput(firstName: string, lastName: string, birthDate?: string | null): string {
  const date = birthDate?.trim() ?? '';
  if (date !== '' && !isIsoDate(date)) throw new RangeError('Birth date must be YYYY-MM-DD');
  return `${normaliseName(lastName)}|${normaliseName(firstName)}|${date}`;
}
