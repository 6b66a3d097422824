// Each entry's hash commits to the previous entry's hash, so altering, deleting, inserting or
// reordering any row changes every hash after it; a signed checkpoint over one head hash then
// vouches for the whole prefix (see checkpoint.ts).

import { createHmac, hash, randomBytes } from 'node:crypto';
import { entryPreimage, leafData } from './canonical';
import { GENESIS_HASH, HASH_PATTERN, isRedacted, type RedactedSharingLogEntry, type SharingLogEntry, type SharingLogEntryData } from './entry';
import { entryDataProblem } from './entry-shape';
import { merkleLeafHash, MerkleFrontier, type Hash, type PerfectNode } from './merkle';

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

/** Lower-case hex SHA-256 of `prevHash + '\n' + canonical(e)` (v1 or v2 by e.version). Throws on a malformed entry. */
export function entryHash(prevHash: string, e: SharingLogEntryData): string {
  const problem = entryDataProblem(e);
  if (problem) throw new TypeError(`cannot canonicalise sharing-log entry: ${problem}`);
  return hash('sha256', entryPreimage(prevHash, e), 'hex');
}

/** The RFC 9162 leaf hash of an entry (see leafData). Call only on well-formed entries. */
export function entryLeafHash(e: SharingLogEntry): Hash {
  return merkleLeafHash(leafData(e.prevHash, e));
}

/** A fresh base64 key for a justification's commitment; it is stored with the disclosure, never in the log. */
export function newCommitmentNonce(): string {
  return randomBytes(32).toString('base64');
}

/** Lower-case hex HMAC-SHA256 keyed by the nonce: hides the text, binds it (ADR 0006). */
export function justificationCommitment(nonceBase64: string, justification: string): string {
  return createHmac('sha256', Buffer.from(nonceBase64, 'base64')).update(justification, 'utf8').digest('hex');
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

  const v = new LogVerifier(startPrevHash, sorted[0]?.seq ?? 1);
  for (const e of sorted) if (!v.push(e)) break;
  const r = v.result();
  return { ...r, entries: total };
}


/**
 * Verifies a log in seq order, one entry at a time, in constant memory: the chain links, every
 * content hash, and the Merkle tree of the entries seen (roots checked at chosen sizes). What the
 * API's verify, the export verifier and the checkpoint writer stream rows through.
 */
export class LogVerifier {
  private prevHash: string;
  private expectedSeq: number;
  private readonly frontier: MerkleFrontier;
  private count = 0;
  private redactedCount = 0;
  private failure: { seq?: number; reason: string } | null = null;
  private treeUnknownAt: number | undefined;
  /** Roots to check when the tree reaches a size: trusted or stored checkpoints. */
  private readonly expected = new Map<number, { root: Hash; what: string }>();
  /** Receives the complete subtrees as they close, when set (the checkpoint writer stores them). */
  onNodes?: (nodes: PerfectNode[]) => void;

  /** Starts after `startPrevHash` at `firstSeq`; the Merkle tree is only meaningful from seq 1 (or a given frontier). */
  constructor(startPrevHash: string = GENESIS_HASH, firstSeq = 1, frontier?: MerkleFrontier) {
    this.prevHash = startPrevHash;
    this.expectedSeq = firstSeq;
    this.frontier = frontier ? frontier.clone() : MerkleFrontier.empty();
    if (typeof startPrevHash !== 'string' || !HASH_PATTERN.test(startPrevHash)) this.failure = { reason: 'the starting prevHash is not a lower-case hex SHA-256' };
    else if (startPrevHash === GENESIS_HASH && firstSeq !== 1) this.failure = { seq: firstSeq, reason: `log starts at seq ${firstSeq}: entries 1..${firstSeq - 1} are missing` };
  }

  /** Asks for the tree root to equal `root` once `size` entries have been pushed. */
  expectRoot(size: number, root: Hash, what: string): void {
    if (size === this.frontier.size) this.checkRoot(root, what);
    else this.expected.set(size, { root, what });
  }

  get ok(): boolean {
    return this.failure === null;
  }

  get size(): number {
    return this.frontier.size;
  }

  get headHash(): string {
    return this.prevHash;
  }

  root(): Hash {
    return this.frontier.root();
  }

  frontierState(): MerkleFrontier {
    return this.frontier.clone();
  }

  /** Checks one entry; false once the log is broken (later entries are then not looked at). */
  push(e: SharingLogEntry | RedactedSharingLogEntry): boolean {
    if (this.failure) return false;
    this.count++;
    const seq = (e as { seq?: unknown } | null)?.seq;
    if (!Number.isSafeInteger(seq) || (seq as number) < 1) return this.fail(undefined, `entry #${this.count} has no valid seq`);
    if (seq !== this.expectedSeq) {
      if ((seq as number) < this.expectedSeq) return this.fail(seq as number, `seq ${seq as number} appears more than once`);
      const gap = (seq as number) - 1 === this.expectedSeq ? `entry ${this.expectedSeq} is` : `entries ${this.expectedSeq}..${(seq as number) - 1} are`;
      return this.fail(seq as number, `${gap} missing before seq ${seq as number}`);
    }
    if (typeof e.hash !== 'string' || !HASH_PATTERN.test(e.hash)) return this.fail(e.seq, 'hash is not a lower-case hex SHA-256');
    if (e.prevHash !== this.prevHash) return this.fail(e.seq, 'prevHash does not match the previous entry');
    let leaf: Hash;
    if (isRedacted(e)) {
      this.redactedCount++;
      if (typeof e.leafHash === 'string' && /^[A-Za-z0-9+/]{43}=$/.test(e.leafHash)) leaf = Buffer.from(e.leafHash, 'base64');
      else {
        // Exports of format 1 withheld entries as links only: the chain still checks, the tree cannot.
        this.treeUnknownAt ??= e.seq;
        leaf = Buffer.alloc(32);
      }
    } else {
      const problem = entryDataProblem(e);
      if (problem) return this.fail(e.seq, `malformed entry: ${problem}`);
      const preimage = entryPreimage(this.prevHash, e);
      // Encoded once: the chain hash is over the bytes, the leaf hash over 0x00 and the same bytes.
      const bytes = Buffer.allocUnsafe(Buffer.byteLength(preimage) + 1);
      bytes[0] = 0;
      bytes.write(preimage, 1, 'utf8');
      if (hash('sha256', bytes.subarray(1), 'hex') !== e.hash) return this.fail(e.seq, 'hash mismatch');
      if (e.version === 'v2' && e.justification !== null && e.justification !== undefined) {
        if (typeof e.justification !== 'string' || typeof e.justificationNonce !== 'string') return this.fail(e.seq, 'justification given without the key of its commitment');
        if (justificationCommitment(e.justificationNonce, e.justification) !== e.justificationCommitment) return this.fail(e.seq, 'justification does not match its commitment');
      }
      leaf = (e.version ?? 'v1') === 'v2' ? (hash('sha256', bytes, 'buffer') as unknown as Buffer) : merkleLeafHash(leafData(this.prevHash, e));
    }
    const closed = this.frontier.push(leaf);
    this.onNodes?.(closed);
    this.prevHash = e.hash;
    this.expectedSeq = e.seq + 1;
    const expected = this.expected.get(this.frontier.size);
    if (expected) {
      this.expected.delete(this.frontier.size);
      return this.checkRoot(expected.root, expected.what);
    }
    return true;
  }

  private checkRoot(root: Hash, what: string): boolean {
    if (this.treeUnknownAt !== undefined) return this.fail(this.treeUnknownAt, `withheld entry ${this.treeUnknownAt} has no leafHash: the ${what} cannot be checked`);
    if (this.frontier.root().equals(root)) return true;
    return this.fail(this.frontier.size, `${what} at size ${this.frontier.size} has a different root hash: entries up to seq ${this.frontier.size} were changed`);
  }

  private fail(seq: number | undefined, reason: string): false {
    this.failure = seq === undefined ? { reason } : { seq, reason };
    return false;
  }

  /** The verdict so far; sizes expected but never reached are reported as missing entries. */
  result(): ChainVerification {
    if (!this.failure) {
      const missing = [...this.expected.entries()].find(([size]) => size > this.frontier.size);
      if (missing) this.failure = { seq: this.frontier.size + 1, reason: `${missing[1].what} has size ${missing[0]} but the log ends at ${this.frontier.size}` };
    }
    const base: ChainVerification = { valid: this.failure === null, entries: this.count };
    if (this.failure?.seq !== undefined) base.firstBrokenSeq = this.failure.seq;
    if (this.failure) base.reason = this.failure.reason;
    if (this.redactedCount) base.redacted = this.redactedCount;
    return base;
  }
}
