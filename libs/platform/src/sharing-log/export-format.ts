// The file GET /sharing-log/export hands out: entries plus the latest signed checkpoint, so a
// prosecutor can check offline, with a public key obtained separately, that the log they hold
// is the one the server signed. This is the only check that counts; the server's own
// GET /sharing-log/verify cannot prove anything to someone who does not trust the server.

import { GENESIS_HASH, type SharingLogEntry, type RedactedSharingLogEntry } from './entry';
import { verifyCheckpoint, type SignedCheckpoint } from './checkpoint';
import { LogVerifier, verifyChain } from './hash-chain';
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
 * Verifies a format-2 export: the checkpoint note must carry a valid signature of the trusted
 * key under its origin; the entries must hash, chain and form the tree whose root it signed; and,
 * given `trustedCheckpoint` (an earlier checkpoint note the reader kept, cosigned or not), the log
 * must extend it: the tree at that size has that root. Never throws.
 */
export function verifyExportV2(exp: SharingLogExportV2, trustedPublicKey: string, trustedCheckpoint?: string): ExportV2Verification {
  const fail = (reason: string, extra: Partial<ExportV2Verification> = {}): ExportV2Verification => ({ valid: false, entries: 0, checkpointValid: false, reason, ...extra });
  const x = exp as unknown as Partial<SharingLogExportV2> | null;
  if (typeof x !== 'object' || x === null || x.format !== SHARING_LOG_EXPORT_FORMAT_V2 || !Array.isArray(x.entries)) return fail(`not a ${SHARING_LOG_EXPORT_FORMAT_V2} document`);
  let cp: CheckpointBody;
  try {
    parsePublicKey(trustedPublicKey);
    cp = parseCheckpointBody(parseSignedNote(String(x.checkpoint?.note)).body);
  } catch (e) {
    return fail(`checkpoint unusable: ${(e as Error).message}`);
  }
  if (!verifyNoteSignature(String(x.checkpoint!.note), cp.origin, trustedPublicKey)) {
    return fail('checkpoint signature invalid: not signed by the trusted key');
  }
  const verifier = new LogVerifier();
  verifier.expectRoot(cp.size, Buffer.from(cp.rootHash, 'base64'), 'the signed checkpoint');
  let trusted: CheckpointBody | undefined;
  if (trustedCheckpoint !== undefined) {
    try {
      trusted = parseCheckpointBody(parseSignedNote(trustedCheckpoint).body);
    } catch (e) {
      return fail(`trusted checkpoint unusable: ${(e as Error).message}`);
    }
    if (!verifyNoteSignature(trustedCheckpoint, trusted.origin, trustedPublicKey)) return fail('the trusted checkpoint is not signed by the trusted key');
    if (trusted.origin !== cp.origin) return fail(`the trusted checkpoint is of another log (${trusted.origin}, not ${cp.origin})`);
    if (trusted.size > cp.size) {
      return fail(`the log does not extend the trusted checkpoint of size ${trusted.size}: it now has only ${cp.size} entries`, { trustedSize: trusted.size, firstBrokenSeq: cp.size + 1 });
    }
    if (trusted.size > 0) verifier.expectRoot(trusted.size, Buffer.from(trusted.rootHash, 'base64'), `the trusted checkpoint of size ${trusted.size}`);
  }
  for (const e of x.entries) if (!verifier.push(e)) break;
  const r = verifier.result();
  const entries = x.entries.length;
  const out: ExportV2Verification = { valid: r.valid && entries === cp.size, entries, checkpointValid: r.valid, treeSize: verifier.size, rootHash: verifier.root().toString('base64') };
  if (trusted) out.trustedSize = trusted.size;
  if (r.firstBrokenSeq !== undefined) out.firstBrokenSeq = r.firstBrokenSeq;
  if (r.redacted) out.redacted = r.redacted;
  if (r.reason) {
    // Name the trusted size when the tree stops matching it: the log was rewritten below it.
    out.reason = trusted && /trusted checkpoint/.test(r.reason) ? `the log does not extend the trusted checkpoint of size ${trusted.size}: ${r.reason}` : r.reason;
  } else if (entries !== cp.size) {
    out.reason = `the export has ${entries} entries but its checkpoint covers ${cp.size}`;
  }
  if (entries > 0) Object.assign(out, { firstSeq: 1, lastSeq: verifier.size });
  return out;
}
