// Exports are read from files a prosecutor received by mail or on a USB stick, so entries are
// untrusted input: a wrong type must become a clear "broken" verdict, never a crash and never a
// silently different canonical form (JSON.stringify turns undefined into nothing, "3" + 1 into "31").

/**
 * An explicit UTC offset is required: `new Date('2026-11-23T12:00:00')` is read in the
 * verifying machine's local time zone, so the same row would hash differently in Brussels
 * and on a laptop set to UTC.
 */
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

const STRING_FIELDS = ['caseId', 'protocolId', 'fromAgencyId', 'fromUserId', 'legalBasis'] as const;
const NULLABLE_STRING_FIELDS = ['contributionId', 'justification', 'consentId'] as const;
const STRING_ARRAY_FIELDS = ['toAgencyIds', 'categories'] as const;

/** True for an ISO-8601 timestamp with an explicit offset that Date can read. */
export function isIsoTimestampWithOffset(s: unknown): s is string {
  return typeof s === 'string' && ISO_WITH_OFFSET.test(s) && !Number.isNaN(new Date(s).getTime());
}

/** The first reason `e` is not a well-formed SharingLogEntryData, or null when it is. */
export function entryDataProblem(e: unknown): string | null {
  if (typeof e !== 'object' || e === null || Array.isArray(e)) return 'entry is not an object';
  const r = e as Record<string, unknown>;
  if (!Number.isSafeInteger(r['seq']) || (r['seq'] as number) < 1) return 'seq is not a positive integer';
  if (!isIsoTimestampWithOffset(r['at'])) return 'at is not an ISO-8601 timestamp with a UTC offset';
  for (const f of STRING_FIELDS) if (typeof r[f] !== 'string') return `${f} is not a string`;
  for (const f of NULLABLE_STRING_FIELDS) {
    if (r[f] !== null && typeof r[f] !== 'string') return `${f} is not a string or null`;
  }
  for (const f of STRING_ARRAY_FIELDS) {
    const v = r[f];
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) return `${f} is not an array of strings`;
  }
  return null;
}
