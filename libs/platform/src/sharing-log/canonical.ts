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

/**
 * Encoding v2: every stored column of the entry, scope (`district`, `caseAgencyIds`) and the
 * article that applied included, so moving an entry to another district or case team breaks its
 * hash. The justification is represented by its keyed commitment only: the text can be erased
 * (with its key, kept with the disclosure) and the log still verifies. Same rules as v1 otherwise.
 *
 * @throws TypeError when `e` is not a well-formed v2 entry.
 */
export function canonicalEntryV2(e: SharingLogEntryData): string {
  const problem = entryDataProblem({ ...e, version: 'v2' });
  if (problem) throw new TypeError(`cannot canonicalise sharing-log entry: ${problem}`);
  return canonicalV2Unchecked(e);
}

// Rows come back in the canonical spelling almost always: skip the Date round trip and the
// copy-and-sort then (verification runs this for every entry of the log).
const CANONICAL_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const canonicalAt = (at: string) => (CANONICAL_AT.test(at) ? at : new Date(at).toISOString());
function sorted(xs: string[]): string[] {
  for (let i = 1; i < xs.length; i++) if (xs[i - 1]! > xs[i]!) return [...xs].sort();
  return xs;
}

const q = JSON.stringify;

function canonicalV2Unchecked(e: SharingLogEntryData): string {
  const { caseAgencyIds, consentId, contributionId, district, justificationCommitment, legalReference } = e;
  if (
    caseAgencyIds === undefined ||
    consentId === undefined ||
    contributionId === undefined ||
    district === undefined ||
    justificationCommitment === undefined ||
    legalReference === undefined
  )
    return canonicalV2Object(e);
  // The same bytes JSON.stringify gives for the object below (keys in the same order), written out
  // directly: verification encodes every entry of the log, and the object round trip dominated it.
  return `{"at":${q(canonicalAt(e.at))},"caseAgencyIds":${q(sorted(caseAgencyIds))},"caseId":${q(e.caseId)},"categories":${q(
    sorted(e.categories),
  )},"consentId":${q(consentId)},"contributionId":${q(contributionId)},"district":${q(district)},"fromAgencyId":${q(
    e.fromAgencyId,
  )},"fromUserId":${q(e.fromUserId)},"justificationCommitment":${q(justificationCommitment)},"legalBasis":${q(
    e.legalBasis,
  )},"legalReference":${q(legalReference)},"protocolId":${q(e.protocolId)},"seq":${q(e.seq)},"toAgencyIds":${q(sorted(e.toAgencyIds))},"version":"v2"}`;
}

/** The reference form (an absent field drops its key, as JSON.stringify does). */
function canonicalV2Object(e: SharingLogEntryData): string {
  return JSON.stringify({
    at: canonicalAt(e.at),
    caseAgencyIds: sorted(e.caseAgencyIds!),
    caseId: e.caseId,
    categories: sorted(e.categories),
    consentId: e.consentId,
    contributionId: e.contributionId,
    district: e.district,
    fromAgencyId: e.fromAgencyId,
    fromUserId: e.fromUserId,
    justificationCommitment: e.justificationCommitment,
    legalBasis: e.legalBasis,
    legalReference: e.legalReference,
    protocolId: e.protocolId,
    seq: e.seq,
    toAgencyIds: sorted(e.toAgencyIds),
    version: 'v2',
  });
}

/**
 * The bytes an entry's chain hash is SHA-256 of: `prevHash "\n" canonical`, the canonical form
 * picked by the entry's version. Call only on entries that passed entryDataProblem().
 */
export function entryPreimage(prevHash: string, e: SharingLogEntryData): string {
  return `${prevHash}\n${(e.version ?? 'v1') === 'v2' ? canonicalV2Unchecked(e) : canonicalEntry(e)}`;
}

/**
 * The RFC 9162 leaf input (the Merkle leaf hash is SHA-256(0x00 ‖ this)). For v2 it is the chain
 * preimage, which covers every column. A v1 preimage does not cover the scope columns, so a v1
 * leaf appends them: from the first tree head that includes it, a v1 entry cannot be re-scoped either.
 */
export function leafData(prevHash: string, e: SharingLogEntryData): string {
  const preimage = entryPreimage(prevHash, e);
  if ((e.version ?? 'v1') === 'v2') return preimage;
  return `${preimage}\n${JSON.stringify({ caseAgencyIds: [...(e.caseAgencyIds ?? [])].sort(), district: e.district ?? null })}`;
}
