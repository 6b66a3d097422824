// The sealed form of a conference's minutes: the exact bytes hashed at close and the signed string.
//
// DO NOT CHANGE THIS FORMAT (same rule as the sharing log's canonicalEntry): every stored
// minutes hash and every signed PDF already handed out was computed over it. A new format needs a
// new version tag, with v1 kept for the minutes sealed under it.

import { createHash, createPublicKey, sign, verify } from 'node:crypto';
import { parsePublicKey, privateKeyFromPkcs8, spkiDerBase64 } from '@schakel/platform';

export const MINUTES_SEAL_VERSION = 'schakel-minutes/v1';

export interface SealedMinutesItem {
  caseId: string;
  reference: string;
  position: number;
  /** The plaintext minutes, or null when none were recorded for the item. */
  minutes: string | null;
  attendance: { userId: string; present: boolean }[];
  decisions: { type: string; rationale: string }[];
}

export interface SealedMinutes {
  conferenceId: string;
  protocolId: string;
  chairId: string;
  scheduledAt: Date | string;
  location: string;
  startedAt: Date | string;
  closedAt: Date | string;
  items: SealedMinutesItem[];
}

const iso = (d: Date | string) => new Date(d).toISOString();
// Code-unit order, not localeCompare: the result must not depend on the machine's locale.
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * JSON without whitespace, keys in code-unit order, items by agenda position, attendance by user id
 * (its order carries no meaning), decisions in the order they were taken, instants as toISOString().
 * Written out key by key so stray properties never reach the hash.
 */
export function canonicalMinutes(s: SealedMinutes): string {
  const items = [...s.items]
    .sort((a, b) => a.position - b.position)
    .map((i) => ({
      attendance: [...i.attendance].sort((a, b) => byCodeUnits(a.userId, b.userId)).map((a) => ({ present: a.present === true, userId: a.userId })),
      caseId: i.caseId,
      decisions: i.decisions.map((d) => ({ rationale: d.rationale, type: d.type })),
      minutes: i.minutes,
      position: i.position,
      reference: i.reference,
    }));
  return JSON.stringify({
    chairId: s.chairId,
    closedAt: iso(s.closedAt),
    conferenceId: s.conferenceId,
    items,
    location: s.location,
    protocolId: s.protocolId,
    scheduledAt: iso(s.scheduledAt),
    startedAt: iso(s.startedAt),
    version: MINUTES_SEAL_VERSION,
  });
}

/** Lower-case hex SHA-256 of the canonical minutes. */
export function minutesHash(s: SealedMinutes): string {
  return createHash('sha256').update(canonicalMinutes(s), 'utf8').digest('hex');
}

/**
 * The signed string. The prefix keeps a minutes signature from ever being valid as a sharing-log
 * checkpoint signature (same key, different message family), and the conference id binds the hash
 * to the conference it seals.
 */
export function minutesSigningInput(conferenceId: string, hash: string): string {
  return `${MINUTES_SEAL_VERSION}|${conferenceId}|${hash}`;
}

/** Ed25519 signature (base64) with the base64 PKCS#8 DER SIGNING_KEY, and the matching public key. */
export function signMinutes(conferenceId: string, hash: string, privateKeyPkcs8DerBase64: string): { signature: string; publicKey: string } {
  const key = privateKeyFromPkcs8(privateKeyPkcs8DerBase64);
  const signature = sign(null, Buffer.from(minutesSigningInput(conferenceId, hash), 'utf8'), key);
  return { signature: signature.toString('base64'), publicKey: spkiDerBase64(createPublicKey(key)) };
}

/** True when `signature` is a good Ed25519 signature of the sealed hash under `publicKey` (PEM or base64 SPKI). Never throws. */
export function verifyMinutesSignature(conferenceId: string, hash: string, signature: string, publicKey: string): boolean {
  try {
    const sig = Buffer.from(signature, 'base64');
    if (sig.length !== 64) return false;
    return verify(null, Buffer.from(minutesSigningInput(conferenceId, hash), 'utf8'), parsePublicKey(publicKey), sig);
  } catch {
    return false;
  }
}
