// One row of the sharing log: a single disclosure of case information from one agency to
// others (art. 458ter Sw. and the other legal bases). The data fields are what the hash covers;
// prevHash/hash are the chain links. Display-only data (agency names and the like) deliberately
// stays out of here: whatever is not in SharingLogEntryData is not protected by the chain.

export interface SharingLogEntryData {
  /** 1-based, gap-free position in the log; a gap means a deleted row. */
  seq: number;
  /** ISO-8601 UTC with milliseconds, e.g. 2026-11-23T12:00:00.000Z. */
  at: string;
  caseId: string;
  protocolId: string;
  contributionId: string | null;
  fromAgencyId: string;
  fromUserId: string;
  toAgencyIds: string[];
  legalBasis: string;
  categories: string[];
  /**
   * v1: the written justification itself, hashed. v2: display only, never hashed (the entry holds
   * `justificationCommitment`); when given in an export it must match the commitment.
   */
  justification: string | null;
  consentId: string | null;
  /** Encoding of the hashed form; absent means v1 (entries and exports written before v2). */
  version?: EntryVersion;
  /** v2: scope copied at append time: who may read the entry. v1 leaves bind them from the first tree head on. */
  district?: string;
  caseAgencyIds?: string[];
  /** v2: the article that applied (e.g. "art. 458ter Sw."), or null. */
  legalReference?: string | null;
  /** v2: lower-case hex HMAC-SHA256(key = nonce, justification), or null without a justification. */
  justificationCommitment?: string | null;
  /** v2, display only: the commitment's key, given with `justification` so a reader can check the text. */
  justificationNonce?: string | null;
}

export type EntryVersion = 'v1' | 'v2';
/** What new entries are written in. */
export const CURRENT_ENTRY_VERSION: EntryVersion = 'v2';

export interface SharingLogEntry extends SharingLogEntryData {
  /** hash of the entry with seq - 1, or GENESIS_HASH for seq 1. */
  prevHash: string;
  /** Lower-case hex SHA-256, see entryHash(). */
  hash: string;
}

/** The prevHash of the very first entry: there is nothing before it to commit to. */
export const GENESIS_HASH = '0'.repeat(64);

/** Lower-case hex SHA-256; hashes in any other spelling are not ours. */
export const HASH_PATTERN = /^[0-9a-f]{64}$/;

/**
 * An entry withheld from an export because it lies outside the reader's scope (another district's
 * case): only its place in the chain is given. Its own content cannot be re-hashed by the reader,
 * but the links around it and the signed checkpoint over the head still vouch for the chain.
 */
export interface RedactedSharingLogEntry {
  seq: number;
  prevHash: string;
  hash: string;
  redacted: true;
  /** Base64 RFC 9162 leaf hash, so the Merkle root can be recomputed without the content (exports v2). */
  leafHash?: string;
}

export function isRedacted(e: unknown): e is RedactedSharingLogEntry {
  return typeof e === 'object' && e !== null && (e as { redacted?: unknown }).redacted === true;
}

export function redactEntry(e: SharingLogEntry, leafHash?: string): RedactedSharingLogEntry {
  return leafHash === undefined
    ? { seq: e.seq, prevHash: e.prevHash, hash: e.hash, redacted: true }
    : { seq: e.seq, prevHash: e.prevHash, hash: e.hash, redacted: true, leafHash };
}
