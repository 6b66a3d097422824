// A checkpoint is the server's Ed25519 signature over the chain head at some seq. The hash chain
// alone only proves internal consistency (whoever rewrites a row can recompute every later
// hash); the signature, checked against a public key the prosecutor got through another channel,
// is what makes rewriting history detectable.

import { createPublicKey, sign, verify } from 'node:crypto';
import { GENESIS_HASH, HASH_PATTERN } from './entry';
import { isIsoTimestampWithOffset } from './entry-shape';
import { parsePublicKey, privateKeyFromPkcs8, spkiDerBase64 } from './keys';

export interface Checkpoint {
  /** The last seq covered; 0 for an empty log (headHash is then GENESIS_HASH). */
  seq: number;
  /** hash of the entry with this seq. */
  headHash: string;
  /** When it was signed, ISO-8601. */
  at: string;
}

export interface SignedCheckpoint extends Checkpoint {
  /** base64 Ed25519 signature over checkpointSigningInput(). */
  signature: string;
  /** base64 SPKI DER of the signing key; informational only, never a trust anchor. */
  publicKey: string;
  algorithm: 'Ed25519';
}

function checkpointProblem(cp: Checkpoint): string | null {
  if (!Number.isSafeInteger(cp.seq) || cp.seq < 0) return 'seq is not a non-negative integer';
  if (typeof cp.headHash !== 'string' || !HASH_PATTERN.test(cp.headHash)) return 'headHash is not a lower-case hex SHA-256';
  if (cp.seq === 0 && cp.headHash !== GENESIS_HASH) return 'a checkpoint at seq 0 must carry GENESIS_HASH';
  // Same reason as for entries: without an offset the signed string depends on the time zone.
  if (!isIsoTimestampWithOffset(cp.at)) return 'at is not an ISO-8601 timestamp with a UTC offset';
  return null;
}

/**
 * The signed bytes. Fixed like canonicalEntry(): changing it invalidates every issued
 * checkpoint. The prefix keeps a checkpoint signature from being valid for any other message
 * the same key might ever sign (minutes PDFs, for instance).
 */
export function checkpointSigningInput(cp: Checkpoint): string {
  return `schakel-checkpoint/v1|${cp.seq}|${cp.headHash}|${new Date(cp.at).toISOString()}`;
}

/** @throws Error on a malformed checkpoint or a key that is not Ed25519 PKCS#8. */
export function signCheckpoint(cp: Checkpoint, privateKeyPkcs8DerBase64: string): SignedCheckpoint {
  const problem = checkpointProblem(cp);
  if (problem) throw new Error(`cannot sign checkpoint: ${problem}`);
  const key = privateKeyFromPkcs8(privateKeyPkcs8DerBase64);
  const at = new Date(cp.at).toISOString();
  const signature = sign(null, Buffer.from(checkpointSigningInput({ ...cp, at }), 'utf8'), key);
  return {
    seq: cp.seq,
    headHash: cp.headHash,
    at,
    signature: signature.toString('base64'),
    publicKey: spkiDerBase64(createPublicKey(key)),
    algorithm: 'Ed25519',
  };
}

/**
 * True when the signature is good. With `trustedPublicKey` (PEM or base64 SPKI DER) the
 * signature is checked with that key only, and the key embedded in the checkpoint must be the
 * same one. Without it, the embedded key is used, which only proves the file is self-consistent:
 * anyone who forges a log can sign it with a key of their own. Pass the trusted key whenever
 * the answer matters. Never throws.
 */
export function verifyCheckpoint(cp: SignedCheckpoint, trustedPublicKey?: string): boolean {
  try {
    if (typeof cp !== 'object' || cp === null || cp.algorithm !== 'Ed25519') return false;
    if (checkpointProblem(cp) || typeof cp.signature !== 'string' || typeof cp.publicKey !== 'string') return false;
    const embedded = parsePublicKey(cp.publicKey);
    const key = trustedPublicKey === undefined ? embedded : parsePublicKey(trustedPublicKey);
    if (spkiDerBase64(key) !== spkiDerBase64(embedded)) return false;
    const signature = Buffer.from(cp.signature, 'base64');
    if (signature.length !== 64) return false;
    return verify(null, Buffer.from(checkpointSigningInput(cp), 'utf8'), key, signature);
  } catch {
    return false;
  }
}
