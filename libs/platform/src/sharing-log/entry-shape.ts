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

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

/** True for an ISO-8601 timestamp with an explicit offset that Date can read. */
export function isIsoTimestampWithOffset(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  // Entries appended together share their timestamp: a verifier streaming a log parses it once.
  if (s === lastGoodTimestamp) return true;
  if (!ISO_WITH_OFFSET.test(s) || Number.isNaN(new Date(s).getTime())) return false;
  lastGoodTimestamp = s;
  return true;
}
let lastGoodTimestamp = '';

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
  const version = r['version'] ?? 'v1';
  if (version !== 'v1' && version !== 'v2') return 'version is not v1 or v2';
  if (version === 'v1') {
    // Columns v1 does not hash must stay empty, or a change to them would go unnoticed.
    for (const f of ['legalReference', 'justificationCommitment'] as const) {
      if (r[f] !== undefined && r[f] !== null) return `${f} is set on a v1 entry, which does not cover it`;
    }
    if (r['district'] !== undefined && typeof r['district'] !== 'string') return 'district is not a string';
    if (r['caseAgencyIds'] !== undefined && !isStringArray(r['caseAgencyIds'])) return 'caseAgencyIds is not an array of strings';
    return null;
  }
  if (typeof r['district'] !== 'string') return 'district is not a string';
  if (!isStringArray(r['caseAgencyIds'])) return 'caseAgencyIds is not an array of strings';
  if (r['legalReference'] !== null && typeof r['legalReference'] !== 'string') return 'legalReference is not a string or null';
  const c = r['justificationCommitment'];
  if (c !== null && (typeof c !== 'string' || !/^[0-9a-f]{64}$/.test(c))) return 'justificationCommitment is not a lower-case hex HMAC-SHA256 or null';
  return null;
}
