// C2SP formats: tlog-checkpoint (the tree head as text), signed-note (Ed25519 signature lines) and
// tlog-cosignature/v1 (a witness's timestamped signature line). Kept byte-exact, so standard tools
// (e.g. golang.org/x/mod/sumdb/note, litewitness) can read Schakel's checkpoints.

import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { parsePublicKey, privateKeyFromPkcs8 } from './keys';

/** Ed25519 signature type byte of signed-note keys, and of tlog-cosignature/v1 keys. */
export const NOTE_SIG_ED25519 = 0x01;
export const NOTE_SIG_COSIGNATURE_V1 = 0x04;

const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const EM_DASH = '\u2014';

export interface CheckpointBody {
  origin: string;
  size: number;
  rootHash: string;
}

export interface NoteSignature {
  name: string;
  keyId: Buffer;
  signature: Buffer;
  line: string;
}

/** The checkpoint note body: origin, decimal size, base64 root hash, each newline-terminated. */
export function checkpointBody(origin: string, size: number, rootHash: Buffer): string {
  return `${origin}\n${size}\n${rootHash.toString('base64')}\n`;
}

/** @throws Error naming what is wrong with a checkpoint body. */
export function parseCheckpointBody(body: string): CheckpointBody {
  const lines = body.split('\n');
  if (lines.length < 4 || lines[lines.length - 1] !== '') throw new Error('a checkpoint has an origin, a size and a root hash line');
  const [origin = '', sizeText = '', root = ''] = lines;
  if (!origin || /\s/.test(origin)) throw new Error('checkpoint origin line is empty or has spaces');
  if (!/^(0|[1-9][0-9]*)$/.test(sizeText) || !Number.isSafeInteger(Number(sizeText))) throw new Error('checkpoint size is not a decimal number');
  if (!/^[A-Za-z0-9+/]{43}=$/.test(root)) throw new Error('checkpoint root hash is not base64 of 32 bytes');
  return { origin, size: Number(sizeText), rootHash: root };
}

/** Splits a signed note into its body (with final newline) and signature lines. @throws on a malformed note. */
export function parseSignedNote(text: string): { body: string; signatures: NoteSignature[] } {
  const normalised = text.replace(/\r\n/g, '\n');
  const split = normalised.lastIndexOf('\n\n');
  if (split === -1) throw new Error('a signed note has a body, an empty line and signature lines');
  const body = normalised.slice(0, split + 1);
  const signatures: NoteSignature[] = [];
  for (const line of normalised.slice(split + 2).split('\n')) {
    if (line === '') continue;
    const m = new RegExp(`^${EM_DASH} (\\S+) ([A-Za-z0-9+/]+=*)$`).exec(line);
    if (!m) throw new Error(`not a signature line: ${line.slice(0, 60)}`);
    const raw = Buffer.from(m[2]!, 'base64');
    if (raw.length < 5) throw new Error('signature line too short');
    signatures.push({ name: m[1]!, keyId: raw.subarray(0, 4), signature: raw.subarray(4), line });
  }
  if (signatures.length === 0) throw new Error('the note has no signature lines');
  return { body, signatures };
}

/** SHA-256(name ‖ "\n" ‖ type ‖ public key)[:4], as signed-note and tlog-cosignature define it. */
export function noteKeyId(name: string, type: number, rawPublicKey: Buffer): Buffer {
  return createHash('sha256')
    .update(name, 'utf8')
    .update('\n')
    .update(Buffer.from([type]))
    .update(rawPublicKey)
    .digest()
    .subarray(0, 4);
}

export function rawEd25519PublicKey(key: KeyObject): Buffer {
  return key.export({ type: 'spki', format: 'der' }).subarray(SPKI_ED25519_PREFIX.length);
}

export function ed25519KeyFromRaw(raw: Buffer): KeyObject {
  if (raw.length !== 32) throw new Error('an Ed25519 public key is 32 bytes');
  return createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, raw]), format: 'der', type: 'spki' });
}

/** The C2SP verifier key string `name+hex(keyId)+base64(type ‖ key)`. */
export function verifierKey(name: string, rawPublicKey: Buffer, type = NOTE_SIG_ED25519): string {
  return `${name}+${noteKeyId(name, type, rawPublicKey).toString('hex')}+${Buffer.concat([Buffer.from([type]), rawPublicKey]).toString('base64')}`;
}

/**
 * A witness key as a liaison may register it: base64 SPKI DER (or PEM), or a C2SP verifier key
 * (type 0x04 cosignature or 0x01 Ed25519, whose name then becomes the cosigner name).
 * @throws Error naming what is wrong.
 */
export function parseWitnessPublicKey(input: string): { raw: Buffer; name?: string } {
  const text = input.trim();
  const vkey = /^([^+\s]+)\+([0-9a-f]{8})\+([A-Za-z0-9+/]+=*)$/.exec(text);
  if (vkey) {
    const material = Buffer.from(vkey[3]!, 'base64');
    const type = material[0];
    if (type !== NOTE_SIG_COSIGNATURE_V1 && type !== NOTE_SIG_ED25519) throw new Error('verifier key is not an Ed25519 (0x01) or cosignature/v1 (0x04) key');
    const raw = material.subarray(1);
    if (raw.length !== 32) throw new Error('verifier key does not hold a 32-byte Ed25519 key');
    if (noteKeyId(vkey[1]!, type, raw).toString('hex') !== vkey[2]) throw new Error('verifier key id does not match its name and key');
    return { raw: Buffer.from(raw), name: vkey[1] };
  }
  return { raw: rawEd25519PublicKey(parsePublicKey(text)) };
}

// Parsing the key and deriving its key ID per append would cost more than the signature itself.
const signingKeys = new Map<string, { key: KeyObject; keyIds: Map<string, Buffer> }>();
function signingKey(privateKeyPkcs8DerBase64: string, name: string): { key: KeyObject; keyId: Buffer } {
  let k = signingKeys.get(privateKeyPkcs8DerBase64);
  if (!k) {
    if (signingKeys.size > 8) signingKeys.clear();
    k = { key: privateKeyFromPkcs8(privateKeyPkcs8DerBase64), keyIds: new Map() };
    signingKeys.set(privateKeyPkcs8DerBase64, k);
  }
  let keyId = k.keyIds.get(name);
  if (!keyId) {
    keyId = noteKeyId(name, NOTE_SIG_ED25519, rawEd25519PublicKey(createPublicKey(k.key)));
    k.keyIds.set(name, keyId);
  }
  return { key: k.key, keyId };
}

/** Appends the log's signature line to a note body (signed-note, Ed25519). */
export function signNote(body: string, name: string, privateKeyPkcs8DerBase64: string): string {
  const { key, keyId } = signingKey(privateKeyPkcs8DerBase64, name);
  const sig = sign(null, Buffer.from(body, 'utf8'), key);
  return `${body}\n${EM_DASH} ${name} ${Buffer.concat([keyId, sig]).toString('base64')}\n`;
}

/** True when one signature line of `note` is `name`'s valid Ed25519 signature with `publicKey` (PEM / SPKI / raw). */
export function verifyNoteSignature(note: string, name: string, publicKey: string | Buffer): boolean {
  try {
    const { body, signatures } = parseSignedNote(note);
    const key = Buffer.isBuffer(publicKey) ? ed25519KeyFromRaw(publicKey) : parsePublicKey(publicKey);
    const keyId = noteKeyId(name, NOTE_SIG_ED25519, rawEd25519PublicKey(key));
    return signatures.some(
      (s) => s.name === name && s.keyId.equals(keyId) && s.signature.length === 64 && verify(null, Buffer.from(body, 'utf8'), key, s.signature),
    );
  } catch {
    return false;
  }
}

function cosignedMessage(body: string, timestamp: number): Buffer {
  return Buffer.from(`cosignature/v1\ntime ${timestamp}\n${body}`, 'utf8');
}

/** A tlog-cosignature/v1 signature line over a checkpoint body, at `timestamp` (POSIX seconds). */
export function cosignatureLine(body: string, name: string, privateKeyPkcs8DerBase64: string, timestamp: number): string {
  const key = privateKeyFromPkcs8(privateKeyPkcs8DerBase64);
  const raw = rawEd25519PublicKey(createPublicKey(key));
  const ts = Buffer.alloc(8);
  ts.writeBigUInt64BE(BigInt(timestamp));
  const sig = sign(null, cosignedMessage(body, timestamp), key);
  return `${EM_DASH} ${name} ${Buffer.concat([noteKeyId(name, NOTE_SIG_COSIGNATURE_V1, raw), ts, sig]).toString('base64')}`;
}

/** The cosignature of `name` with `rawPublicKey` in `note`, verified: its timestamp, or null. */
export function findCosignature(note: string, name: string, rawPublicKey: Buffer): { timestamp: number; line: string } | null {
  try {
    const { body, signatures } = parseSignedNote(note);
    const keyId = noteKeyId(name, NOTE_SIG_COSIGNATURE_V1, rawPublicKey);
    const key = ed25519KeyFromRaw(rawPublicKey);
    for (const s of signatures) {
      if (s.name !== name || !s.keyId.equals(keyId) || s.signature.length !== 72) continue;
      const ts = s.signature.readBigUInt64BE(0);
      if (ts > BigInt(Number.MAX_SAFE_INTEGER)) continue;
      if (verify(null, cosignedMessage(body, Number(ts)), key, s.signature.subarray(8))) return { timestamp: Number(ts), line: s.line };
    }
    return null;
  } catch {
    return null;
  }
}
