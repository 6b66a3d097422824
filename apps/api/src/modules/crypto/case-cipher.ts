import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const PREFIX = 'ck1';

/**
 * Encrypts the free text of one case under that case's data key (AES-256-GCM, case id and column
 * bound as associated data). Once the key is destroyed, `open` answers null: the text is erased, not
 * broken. Values written before per-case keys existed (no `ck1.` prefix) are read as they are.
 */
export class CaseCipher {
  constructor(readonly caseId: string, private readonly key: Buffer | null) {}

  get erased(): boolean {
    return this.key === null;
  }

  seal(plaintext: string, context: string): string {
    if (!this.key) throw new Error('case data key destroyed: nothing can be written to an erased case');
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(`${this.caseId}|${context}`));
    const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [PREFIX, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ct.toString('base64url')].join('.');
  }

  sealNullable(plaintext: string | null | undefined, context: string): string | null {
    return plaintext === null || plaintext === undefined || plaintext === '' ? null : this.seal(plaintext, context);
  }

  open(value: string | null | undefined, context: string): string | null {
    if (value === null || value === undefined) return null;
    if (!isSealed(value)) return value;
    if (!this.key) return null;
    const [, iv, tag, ct] = value.split('.');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv!, 'base64url'));
    decipher.setAAD(Buffer.from(`${this.caseId}|${context}`));
    decipher.setAuthTag(Buffer.from(tag!, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ct!, 'base64url')), decipher.final()]).toString('utf8');
  }
}

export function isSealed(value: string): boolean {
  return value.startsWith(`${PREFIX}.`) && value.split('.').length === 4;
}

export const newDataKey = (): Buffer => randomBytes(32);
