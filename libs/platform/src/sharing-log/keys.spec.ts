import { generateCheckpointKeyPair, parsePublicKey, publicKeyFromPrivate, publicKeyPem } from './keys';
import { generateKeyPairSync } from 'node:crypto';

const keyA = generateCheckpointKeyPair();

describe('keys', () => {
  it('derives the public key from the stored private key, in base64 SPKI DER and PEM', () => {
    expect(publicKeyFromPrivate(keyA.privateKey)).toBe(keyA.publicKey);
    expect(publicKeyPem(keyA.publicKey)).toMatch(/^-----BEGIN PUBLIC KEY-----\n[\s\S]+-----END PUBLIC KEY-----\n$/);
    expect(publicKeyPem(publicKeyPem(keyA.publicKey))).toBe(publicKeyPem(keyA.publicKey));
  });

  it('refuses a private key where a public key is expected, and non-Ed25519 keys', () => {
    expect(() => publicKeyPem(keyA.privateKey)).toThrow();
    expect(() => publicKeyPem('-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----')).toThrow(/PUBLIC KEY/);
    expect(() => publicKeyFromPrivate('not*base64')).toThrow(/base64/);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(() => parsePublicKey(rsa)).toThrow(/Ed25519/);
  });
});
