// The exact bytes every sharing-log hash is computed over.
//
// DO NOT CHANGE THIS FORMAT. Every stored hash, every signed checkpoint and every export a
// prosecutor already holds was computed over this string; changing a key name, the key order,
// the sorting or the timestamp form makes every existing chain "broken". A new format needs a
// new version tag (v2) and a verifier that picks the format per entry, with v1 kept as is.

import type { SharingLogEntryData } from './entry';
import { entryDataProblem } from './entry-shape';

/** Part of the hashed string, so a future v2 can never collide with a v1 entry. */
export const CANONICAL_VERSION = 'v1';

/**
 * JSON without whitespace, keys in code-unit order (`version` included), the two set-like
 * arrays sorted (their order carries no meaning, and a database may return them in any order),
 * `at` reduced to `toISOString()` (the hash covers the instant to the millisecond, not how it
 * was spelled). Default `sort()` compares UTF-16 code units, unlike localeCompare, so the result
 * does not depend on the verifying machine's locale. Fields not in SharingLogEntryData are ignored.
 *
 * @throws TypeError when `e` is not well-formed (see entryDataProblem).
 */
export function canonicalEntry(e: SharingLogEntryData): string {
  const problem = entryDataProblem(e);
  if (problem) throw new TypeError(`cannot canonicalise sharing-log entry: ${problem}`);
  // Written out key by key, in sorted order: JSON.stringify keeps insertion order for
  // non-numeric keys, and a literal keeps stray properties of `e` out of the hash.
  const ordered = {
    at: new Date(e.at).toISOString(),
    caseId: e.caseId,
    categories: [...e.categories].sort(),
    consentId: e.consentId,
    contributionId: e.contributionId,
    fromAgencyId: e.fromAgencyId,
    fromUserId: e.fromUserId,
    justification: e.justification,
    legalBasis: e.legalBasis,
    protocolId: e.protocolId,
    seq: e.seq,
    toAgencyIds: [...e.toAgencyIds].sort(),
    version: CANONICAL_VERSION,
  };
  return JSON.stringify(ordered);
}
