// Each entry's hash commits to the previous entry's hash, so altering, deleting, inserting or
// reordering any row changes every hash after it; a signed checkpoint over one head hash then
// vouches for the whole prefix (see checkpoint.ts).

import { createHash } from 'node:crypto';
import { canonicalEntry } from './canonical';
import { GENESIS_HASH, HASH_PATTERN, isRedacted, type RedactedSharingLogEntry, type SharingLogEntry, type SharingLogEntryData } from './entry';
import { entryDataProblem } from './entry-shape';

export interface ChainVerification {
  valid: boolean;
  /** How many entries were given (not how many checked out). */
  entries: number;
  /** The first seq that does not verify; absent when valid. */
  firstBrokenSeq?: number;
  reason?: string;
  /** How many entries were withheld (redacted): linked, but not re-hashed. */
  redacted?: number;
}

/** Lower-case hex SHA-256 of `prevHash + '\n' + canonicalEntry(e)`. Throws on a malformed entry. */
export function entryHash(prevHash: string, e: SharingLogEntryData): string {
  return createHash('sha256').update(`${prevHash}\n${canonicalEntry(e)}`, 'utf8').digest('hex');
}

/** The entry to append after `prevHash` (GENESIS_HASH for seq 1). Throws on a malformed entry. */
export function sealEntry(prevHash: string, data: SharingLogEntryData): SharingLogEntry {
  return { ...data, prevHash, hash: entryHash(prevHash, data) };
}

/**
 * Verifies `entries` (any order; checked by ascending seq) as one contiguous stretch of the
 * log starting after `startPrevHash`. Starting from GENESIS_HASH the first seq must be 1.
 * Stops at the first problem, because after it every later entry is unverifiable anyway.
 * Never throws: the input may come from an untrusted file.
 */
export function verifyChain(entries: (SharingLogEntry | RedactedSharingLogEntry)[], startPrevHash: string = GENESIS_HASH): ChainVerification {
  if (!Array.isArray(entries)) return { valid: false, entries: 0, reason: 'entries is not an array' };
  const total = entries.length;
  const broken = (seq: number | undefined, reason: string): ChainVerification =>
    seq === undefined ? { valid: false, entries: total, reason } : { valid: false, entries: total, firstBrokenSeq: seq, reason };
  if (typeof startPrevHash !== 'string' || !HASH_PATTERN.test(startPrevHash)) {
    return broken(undefined, 'the starting prevHash is not a lower-case hex SHA-256');
  }

  // A malformed seq cannot be sorted or reported; name its position in the input instead.
  for (let i = 0; i < total; i++) {
    const seq = (entries[i] as unknown as { seq?: unknown } | null)?.seq;
    if (!Number.isSafeInteger(seq) || (seq as number) < 1) return broken(undefined, `entry #${i + 1} has no valid seq`);
  }
  const sorted = [...entries].sort((a, b) => a.seq - b.seq);

  let prevHash = startPrevHash;
  let prevSeq: number | null = null;
  let redacted = 0;
  for (const e of sorted) {
    if (prevSeq === null) {
      if (startPrevHash === GENESIS_HASH && e.seq !== 1) {
        return broken(e.seq, `log starts at seq ${e.seq}: entries 1..${e.seq - 1} are missing`);
      }
    } else if (e.seq === prevSeq) {
      return broken(e.seq, `seq ${e.seq} appears more than once`);
    } else if (e.seq !== prevSeq + 1) {
      const gap = e.seq - 1 === prevSeq + 1 ? `entry ${prevSeq + 1} is` : `entries ${prevSeq + 1}..${e.seq - 1} are`;
      return broken(e.seq, `${gap} missing before seq ${e.seq}`);
    }
    if (typeof e.hash !== 'string' || !HASH_PATTERN.test(e.hash)) return broken(e.seq, 'hash is not a lower-case hex SHA-256');
    if (e.prevHash !== prevHash) return broken(e.seq, 'prevHash does not match the previous entry');
    if (isRedacted(e)) {
      redacted++;
    } else {
      const problem = entryDataProblem(e);
      if (problem) return broken(e.seq, `malformed entry: ${problem}`);
      if (entryHash(prevHash, e) !== e.hash) return broken(e.seq, 'hash mismatch');
    }
    prevHash = e.hash;
    prevSeq = e.seq;
  }
  return redacted ? { valid: true, entries: total, redacted } : { valid: true, entries: total };
}
