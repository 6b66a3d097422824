// The file GET /sharing-log/export hands out: entries plus the latest signed checkpoint, so a
// prosecutor can check offline, with a public key obtained separately, that the log they hold
// is the one the server signed. This is the only check that counts; the server's own
// GET /sharing-log/verify cannot prove anything to someone who does not trust the server.

import { GENESIS_HASH, type SharingLogEntry, type RedactedSharingLogEntry } from './entry';
import { verifyCheckpoint, type SignedCheckpoint } from './checkpoint';
import { verifyChain } from './hash-chain';
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
