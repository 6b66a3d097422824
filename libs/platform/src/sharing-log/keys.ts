// Ed25519 key handling for checkpoint signatures, in the forms Schakel stores and ships:
// the server's SIGNING_KEY is base64 PKCS#8 DER; the prosecutor receives the public key as a
// PEM file or base64 SPKI DER.

import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

function strictBase64(s: string, what: string): Buffer {
  const compact = s.replace(/\s+/g, '');
  // Buffer.from() silently skips junk characters; a mangled key should fail loudly instead.
  if (!BASE64.test(compact)) throw new Error(`${what} is not base64`);
  return Buffer.from(compact, 'base64');
}

function requireEd25519(key: KeyObject, what: string): KeyObject {
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`${what} is not an Ed25519 key`);
  return key;
}

export function privateKeyFromPkcs8(privateKeyPkcs8DerBase64: string): KeyObject {
  const der = strictBase64(privateKeyPkcs8DerBase64, 'private key');
  return requireEd25519(createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }), 'private key');
}

/**
 * Accepts a `-----BEGIN PUBLIC KEY-----` PEM or base64 SPKI DER. A private-key PEM is refused
 * on purpose even though Node could derive the public key from it: the verifying side must
 * never need, and so never be handed, the signing key.
 */
export function parsePublicKey(publicKey: string): KeyObject {
  const text = publicKey.trim();
  if (text.startsWith('-----BEGIN')) {
    if (!text.startsWith('-----BEGIN PUBLIC KEY-----')) throw new Error('PEM is not a PUBLIC KEY');
    return requireEd25519(createPublicKey({ key: text, format: 'pem' }), 'public key');
  }
  const der = strictBase64(text, 'public key');
  return requireEd25519(createPublicKey({ key: der, format: 'der', type: 'spki' }), 'public key');
}

export function spkiDerBase64(key: KeyObject): string {
  return key.export({ type: 'spki', format: 'der' }).toString('base64');
}

/** Base64 SPKI DER of the public half of a base64 PKCS#8 DER Ed25519 private key. */
export function publicKeyFromPrivate(privateKeyPkcs8DerBase64: string): string {
  return spkiDerBase64(createPublicKey(privateKeyFromPkcs8(privateKeyPkcs8DerBase64)));
}

/** PEM ("-----BEGIN PUBLIC KEY-----") of a public key given as PEM or base64 SPKI DER: the file handed to a prosecutor. */
export function publicKeyPem(publicKey: string): string {
  return parsePublicKey(publicKey).export({ type: 'spki', format: 'pem' }).toString();
}

/** A fresh key pair in the stored forms (for key set-up and tests). */
export function generateCheckpointKeyPair(): { privateKey: string; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKey: privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
    publicKey: spkiDerBase64(publicKey),
  };
}
