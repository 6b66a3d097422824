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
  justification: string | null;
  consentId: string | null;
}

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
}

export function isRedacted(e: unknown): e is RedactedSharingLogEntry {
  return typeof e === 'object' && e !== null && (e as { redacted?: unknown }).redacted === true;
}

export function redactEntry(e: SharingLogEntry): RedactedSharingLogEntry {
  return { seq: e.seq, prevHash: e.prevHash, hash: e.hash, redacted: true };
}
