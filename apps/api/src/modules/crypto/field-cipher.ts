import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * Authenticated encryption (AES-256-GCM) of identity fields with a key ring: the first key
 * encrypts, every key decrypts, so keys rotate without downtime. Ciphertext format:
 * `<keyId>.<iv>.<tag>.<ciphertext>` (base64url parts); the key id and the column name are bound
 * as associated data so a value cannot be moved to another column unnoticed.
 */
export class FieldCipher {
  private readonly keys: Map<string, Buffer>;
  private readonly currentKeyId: string;

  constructor(keyRing: string) {
    const entries = keyRing.split(',').map((entry) => {
      const [id, b64] = entry.split(':');
      const key = Buffer.from(b64 ?? '', 'base64');
      if (!id || key.length !== 32) throw new Error('ENCRYPTION_KEYS: every key must be "id:base64(32 bytes)"');
      return [id, key] as const;
    });
    this.keys = new Map(entries);
    this.currentKeyId = entries[0]![0];
  }

  encrypt(plaintext: string, context: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.currentKeyId)!, iv);
    cipher.setAAD(Buffer.from(`${this.currentKeyId}|${context}`));
    const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [this.currentKeyId, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ct.toString('base64url')].join('.');
  }

  decrypt(value: string, context: string): string {
    const [keyId, iv, tag, ct] = value.split('.');
    const key = keyId ? this.keys.get(keyId) : undefined;
    if (!key || !iv || !tag || ct === undefined) throw new Error('undecryptable field: unknown key or malformed value');
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(`${keyId}|${context}`));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
  }

  hasKey(keyId: string): boolean {
    return this.keys.has(keyId);
  }

  /** True when the value was written with an older key and should be re-encrypted. */
  needsRotation(value: string): boolean {
    return !value.startsWith(`${this.currentKeyId}.`);
  }
}

/** Keyed blind index: equal inputs give equal indexes, and without the key nothing can be guessed from it. */
export function blindIndex(key: string, input: string): string {
  return createHmac('sha256', key).update(input, 'utf8').digest('base64url');
}
