/**
 * Belgian national register number (rijksregisternummer / numéro de registre national):
 * YYMMDD (birth date, month +20/+40 for bis numbers) · XXX (sequence) · CC (check digits).
 * CC = 97 − (first nine digits mod 97); for births from 2000 on, the nine digits are prefixed with 2.
 */
export const NATIONAL_NUMBER_SHAPE = /^\d{2}\.?\d{2}\.?\d{2}-?\d{3}\.?\d{2}$/;

/** The 11 digits without separators, or null when the input is not 11 digits in the usual layout. */
export function nationalNumberDigits(input: string): string | null {
  const trimmed = input.trim();
  if (!NATIONAL_NUMBER_SHAPE.test(trimmed)) return null;
  return trimmed.replace(/\D/g, '');
}

const checkFor = (nine: string) => 97 - (Number(nine) % 97);

/** The two check digits for nine leading digits, per century of birth. */
export function nationalNumberCheckDigits(nine: string, bornFrom2000: boolean): string {
  return String(checkFor(bornFrom2000 ? `2${nine}` : nine)).padStart(2, '0');
}

/** True when the 11 digits carry valid check digits for a birth before or from 2000. */
export function isValidNationalNumber(input: string): boolean {
  const digits = nationalNumberDigits(input);
  if (!digits) return false;
  const nine = digits.slice(0, 9);
  const check = Number(digits.slice(9));
  return checkFor(nine) === check || checkFor(`2${nine}`) === check;
}

/** YY.MM.DD-XXX.CC, the way the number is printed on an identity card; other input comes back unchanged. */
export function formatNationalNumber(input: string): string {
  const d = nationalNumberDigits(input);
  if (!d) return input;
  return `${d.slice(0, 2)}.${d.slice(2, 4)}.${d.slice(4, 6)}-${d.slice(6, 9)}.${d.slice(9)}`;
}
