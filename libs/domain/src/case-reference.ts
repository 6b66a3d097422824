// Human case references (CO-2026-00042): what people quote on the phone and in minutes instead
// of a UUID. The sequence restarts every year; five digits cover a district's volume, and a
// larger number simply gets more digits rather than wrapping.

const CASE_REFERENCE = /^CO-(\d{4})-(\d{5,})$/;

export interface CaseReference {
  year: number;
  seq: number;
}

export function formatCaseReference(year: number, seq: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`Invalid case reference year: ${year}`);
  if (!Number.isSafeInteger(seq) || seq < 1) throw new RangeError(`Invalid case reference sequence: ${seq}`);
  return `CO-${year}-${String(seq).padStart(5, '0')}`;
}

/**
 * Reads a reference as typed in a search box (surrounding spaces and lower case tolerated).
 * Returns null for anything that is not the canonical form of some reference, so that
 * "CO-2026-000042" cannot alias "CO-2026-00042".
 */
export function parseCaseReference(input: string): CaseReference | null {
  if (typeof input !== 'string') return null;
  const candidate = input.trim().toUpperCase();
  const m = CASE_REFERENCE.exec(candidate);
  if (!m) return null;
  const year = Number(m[1]);
  const seq = Number(m[2]);
  if (year < 1000 || seq < 1 || !Number.isSafeInteger(seq)) return null;
  return formatCaseReference(year, seq) === candidate ? { year, seq } : null;
}
