// The file GET /sharing-log/export hands out: entries plus the latest signed checkpoint, so a
// prosecutor can check offline, with a public key obtained separately, that the log they hold
// is the one the server signed. This is the only check that counts; the server's own
// GET /sharing-log/verify cannot prove anything to someone who does not trust the server.

import { GENESIS_HASH, type SharingLogEntry, type RedactedSharingLogEntry } from './entry';
import { verifyCheckpoint, type SignedCheckpoint } from './checkpoint';
import { LogVerifier, verifyChain } from './hash-chain';
import type { ExportEntryEncoder } from './export-entry-bytes';
import { MerkleFrontier } from './merkle';
import { parseCheckpointBody, parseSignedNote, verifyNoteSignature, type CheckpointBody } from './note';
import { parsePublicKey } from './keys';

export const SHARING_LOG_EXPORT_FORMAT = 'schakel-sharing-log-export/1';

export interface SharingLogExport {
  format: typeof SHARING_LOG_EXPORT_FORMAT;
  exportedAt: string;
  /** Normally the full log from seq 1; a partial export starts later (see verifyExport). */
  entries: (SharingLogEntry | RedactedSharingLogEntry)[];
  checkpoint: SignedCheckpoint | null;
}

export interface ExportVerification {
  /** Chain intact AND checkpoint valid: the only answer to act on. */
  valid: boolean;
  entries: number;
  firstBrokenSeq?: number;
  /** Signed by the trusted key AND its headHash is the exported hash at its seq. */
  checkpointValid: boolean;
  reason?: string;
  /** Lowest and highest seq in the export, so a reader sees a partial export for what it is. */
  firstSeq?: number;
  lastSeq?: number;
  /** Entries withheld from this reader (outside their scope): linked into the chain, not re-hashed. */
  redacted?: number;
}

export interface VerifyExportOptions {
  /**
   * For a partial export: the hash the first exported entry must follow, e.g. the head of an
   * export verified earlier. Without it a partial export is anchored on its first entry's own
   * prevHash, which proves nothing about the entries before it.
   */
  startPrevHash?: string;
}

function isSafeSeq(x: unknown): x is number {
  return Number.isSafeInteger(x) && (x as number) >= 1;
}

/**
 * Verifies an export against `trustedPublicKey` (PEM or base64 SPKI DER). Entries after the
 * checkpoint are accepted when they chain, but only entries up to the checkpoint's seq are
 * vouched for by the signature. Never throws.
 */
export function verifyExport(exp: SharingLogExport, trustedPublicKey: string, options: VerifyExportOptions = {}): ExportVerification {
  const x = exp as unknown as Partial<Record<keyof SharingLogExport, unknown>> | null;
  if (typeof x !== 'object' || x === null || x.format !== SHARING_LOG_EXPORT_FORMAT || !Array.isArray(x.entries)) {
    return { valid: false, entries: 0, checkpointValid: false, reason: `not a ${SHARING_LOG_EXPORT_FORMAT} document` };
  }
  const entries = x.entries as SharingLogEntry[];
  const seqs = entries.map((e) => (e as { seq?: unknown } | null)?.seq);
  const range = seqs.length > 0 && seqs.every(isSafeSeq) ? { firstSeq: Math.min(...seqs), lastSeq: Math.max(...seqs) } : {};
  const first = range.firstSeq === undefined ? undefined : entries.find((e) => e.seq === range.firstSeq);

  // Seq 1 always follows GENESIS_HASH; a later start follows what the caller knows, else itself.
  const start = options.startPrevHash ?? (first && first.seq !== 1 ? first.prevHash : GENESIS_HASH);
  const chain = verifyChain(entries, start);
  const checkpoint = checkCheckpoint(x.checkpoint as SignedCheckpoint | null | undefined, trustedPublicKey, entries, range.firstSeq, start);

  const result: ExportVerification = {
    valid: chain.valid && checkpoint.valid,
    entries: entries.length,
    checkpointValid: checkpoint.valid,
    ...range,
  };
  if (chain.firstBrokenSeq !== undefined) result.firstBrokenSeq = chain.firstBrokenSeq;
  if (chain.redacted) result.redacted = chain.redacted;
  const reason = chain.reason ?? checkpoint.reason;
  if (reason !== undefined) result.reason = reason;
  return result;
}

function checkCheckpoint(
  cp: SignedCheckpoint | null | undefined,
  trustedPublicKey: string,
  entries: SharingLogEntry[],
  firstSeq: number | undefined,
  startPrevHash: string,
): { valid: boolean; reason?: string } {
  if (cp === null || cp === undefined) return { valid: false, reason: 'export has no signed checkpoint' };
  try {
    parsePublicKey(trustedPublicKey);
  } catch (e) {
    return { valid: false, reason: `trusted public key unusable: ${(e as Error).message}` };
  }
  if (!verifyCheckpoint(cp, trustedPublicKey)) {
    // Worth telling apart for the reader: a forged log re-signed with someone else's key
    // versus a damaged or altered checkpoint.
    const otherKey = verifyCheckpoint(cp);
    return { valid: false, reason: otherKey ? 'checkpoint signature invalid: signed by a key other than the trusted one' : 'checkpoint signature invalid' };
  }
  // The hash the log had right after cp.seq, as far as this export shows it.
  let expected: string | undefined;
  if (firstSeq === undefined ? cp.seq === 0 : cp.seq === firstSeq - 1) expected = startPrevHash;
  else expected = entries.find((e) => e.seq === cp.seq)?.hash;
  if (expected === undefined) return { valid: false, reason: `checkpoint at seq ${cp.seq} is outside the exported entries` };
  if (expected !== cp.headHash) return { valid: false, reason: `checkpoint headHash does not match the hash at seq ${cp.seq}` };
  return { valid: true };
}

/** Exports with a C2SP checkpoint over the Merkle tree (ADR 0006). Format 1 files keep verifying above. */
export const SHARING_LOG_EXPORT_FORMAT_V2 = 'schakel-sharing-log-export/2';

export interface SharingLogExportV2 {
  format: typeof SHARING_LOG_EXPORT_FORMAT_V2;
  exportedAt: string;
  /** Every entry from seq 1 to checkpoint.size; withheld ones as links with their leafHash. */
  entries: (SharingLogEntry | RedactedSharingLogEntry)[];
  checkpoint: { origin: string; size: number; rootHash: string; note: string };
}

export interface ExportV2Verification extends ExportVerification {
  treeSize?: number;
  rootHash?: string;
  /** Size of the trusted checkpoint the export was shown to extend. */
  trustedSize?: number;
}

/**
 * Verifies a format-2 export as it is read: `start` with the checkpoint (which the export puts
 * before its entries), `push` each entry, then `result`. The checkpoint note must carry a valid
 * signature of the trusted key under its origin; the entries must hash, chain and form the tree
 * whose root it signed; and, given `trustedCheckpoint` (an earlier checkpoint note the reader kept,
 * cosigned or not), the log must extend it: the tree at that size has that root. Never throws.
 */
export class ExportV2Verifier {
  private readonly verifier = new LogVerifier();
  private problem: string | null = null;
  private cp: CheckpointBody | null = null;
  private trusted: CheckpointBody | undefined;
  private count = 0;

  constructor(
    private readonly trustedPublicKey: string,
    private readonly trustedCheckpoint?: string,
  ) {}

  start(checkpoint: { note?: unknown } | null | undefined): boolean {
    try {
      parsePublicKey(this.trustedPublicKey);
    } catch (e) {
      return this.stop(`trusted public key unusable: ${(e as Error).message}`);
    }
    try {
      this.cp = parseCheckpointBody(parseSignedNote(String(checkpoint?.note)).body);
    } catch (e) {
      return this.stop(`checkpoint unusable: ${(e as Error).message}`);
    }
    if (!verifyNoteSignature(String(checkpoint!.note), this.cp.origin, this.trustedPublicKey))
      return this.stop('checkpoint signature invalid: not signed by the trusted key');
    this.verifier.expectRoot(this.cp.size, Buffer.from(this.cp.rootHash, 'base64'), 'the signed checkpoint');
    if (this.trustedCheckpoint !== undefined) {
      try {
        this.trusted = parseCheckpointBody(parseSignedNote(this.trustedCheckpoint).body);
      } catch (e) {
        return this.stop(`trusted checkpoint unusable: ${(e as Error).message}`);
      }
      const t = this.trusted;
      if (!verifyNoteSignature(this.trustedCheckpoint, t.origin, this.trustedPublicKey))
        return this.stop('the trusted checkpoint is not signed by the trusted key');
      if (t.origin !== this.cp.origin) return this.stop(`the trusted checkpoint is of another log (${t.origin}, not ${this.cp.origin})`);
      if (t.size > this.cp.size) return this.stop(`the log does not extend the trusted checkpoint of size ${t.size}: it now has only ${this.cp.size} entries`);
      if (t.size > 0) this.verifier.expectRoot(t.size, Buffer.from(t.rootHash, 'base64'), `the trusted checkpoint of size ${t.size}`);
    }
    return true;
  }

  push(e: SharingLogEntry | RedactedSharingLogEntry): boolean {
    if (this.problem || !this.cp) return false;
    this.count++;
    return this.verifier.push(e);
  }

  /** push() of one entry given as its JSON bytes (LogVerifier.pushExportEntry: the same verdict). Throws on bytes that are not JSON. */
  pushBytes(buf: Buffer, start: number, end: number, encoder: ExportEntryEncoder): boolean {
    if (this.problem || !this.cp) return false;
    this.count++;
    return this.verifier.pushExportEntry(buf, start, end, encoder);
  }

  /** The tree sizes whose roots are checked (the checkpoint's, a trusted checkpoint's): a range verified elsewhere needs its tree at those inside it. */
  expectedSizes(): number[] {
    const sizes = this.cp ? [this.cp.size] : [];
    if (this.trusted && this.trusted.size > 0) sizes.push(this.trusted.size);
    return sizes;
  }

  /**
   * An aligned range a worker verified, as the tree of its leaves plus that tree at the counts in
   * `snapshots` (LogVerifier.pushVerifiedTree); false when it does not fit on here.
   */
  pushVerifiedTree(r: {
    firstSeq: number;
    firstPrev: string;
    count: number;
    headHash: string;
    tree: Uint8Array;
    snapshots: [number, Uint8Array][];
    redacted: number;
  }): boolean {
    if (this.problem || !this.cp) return false;
    let tree: MerkleFrontier;
    const snapshots = new Map<number, MerkleFrontier>();
    try {
      tree = MerkleFrontier.fromBytes(r.count, Buffer.from(r.tree.buffer, r.tree.byteOffset, r.tree.byteLength));
      for (const [size, bytes] of r.snapshots)
        snapshots.set(size, MerkleFrontier.fromBytes(size, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)));
    } catch {
      return false;
    }
    if (!this.verifier.pushVerifiedTree(r.firstSeq, r.firstPrev, r.count, r.headHash, tree, snapshots, r.redacted)) return false;
    this.count += r.count;
    return true;
  }

  result(): ExportV2Verification {
    const base = { entries: this.count, ...(this.trusted ? { trustedSize: this.trusted.size } : {}) };
    if (this.problem || !this.cp) return { valid: false, checkpointValid: false, reason: this.problem ?? 'no checkpoint', ...base };
    const r = this.verifier.result();
    const out: ExportV2Verification = {
      valid: r.valid && this.count === this.cp.size,
      checkpointValid: r.valid,
      treeSize: this.verifier.size,
      rootHash: this.verifier.root().toString('base64'),
      ...base,
    };
    if (r.firstBrokenSeq !== undefined) out.firstBrokenSeq = r.firstBrokenSeq;
    if (r.redacted) out.redacted = r.redacted;
    if (r.reason) {
      // Name the trusted size when the tree stops matching it: the log was rewritten below it.
      out.reason =
        this.trusted && r.reason.includes('trusted checkpoint')
          ? `the log does not extend the trusted checkpoint of size ${this.trusted.size}: ${r.reason}`
          : r.reason;
    } else if (this.count !== this.cp.size) {
      out.reason = `the export has ${this.count} entries but its checkpoint covers ${this.cp.size}`;
    }
    if (this.count > 0) Object.assign(out, { firstSeq: 1, lastSeq: this.verifier.size });
    return out;
  }

  private stop(reason: string): false {
    this.problem = reason;
    return false;
  }
}

/** ExportV2Verifier over a parsed document. */
export function verifyExportV2(exp: SharingLogExportV2, trustedPublicKey: string, trustedCheckpoint?: string): ExportV2Verification {
  const x = exp as unknown as Partial<SharingLogExportV2> | null;
  if (typeof x !== 'object' || x === null || x.format !== SHARING_LOG_EXPORT_FORMAT_V2 || !Array.isArray(x.entries)) {
    return { valid: false, entries: 0, checkpointValid: false, reason: `not a ${SHARING_LOG_EXPORT_FORMAT_V2} document` };
  }
  const v = new ExportV2Verifier(trustedPublicKey, trustedCheckpoint);
  if (v.start(x.checkpoint)) for (const e of x.entries) if (!v.push(e)) break;
  return v.result();
}
