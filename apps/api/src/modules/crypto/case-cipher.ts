import { randomBytes } from 'node:crypto';
import { FieldCipher } from './field-cipher';

/** Key id of per-case data keys inside ciphertexts; the ENCRYPTION_KEYS ring must not use it. */
export const CASE_KEY_ID = 'ck1';

/**
 * Encrypts the free text of one case with the field cipher under that case's data key (the case id
 * is bound into the associated data with the column). Once the key is destroyed `open` answers null:
 * the text is erased, not broken. Older values are still read: ring ciphertext through `legacy`,
 * plaintext written before encryption as it is.
 */
export class CaseCipher {
  private readonly cipher: FieldCipher | null;

  constructor(
    readonly caseId: string,
    key: Buffer | null,
    private readonly legacy: (value: string, context: string) => string | null = (v) => v,
  ) {
    this.cipher = key ? new FieldCipher(`${CASE_KEY_ID}:${key.toString('base64')}`) : null;
  }

  get erased(): boolean {
    return this.cipher === null;
  }

  seal(plaintext: string, context: string): string {
    if (!this.cipher) throw new Error('case data key destroyed: nothing can be written to an erased case');
    return this.cipher.encrypt(plaintext, this.bind(context));
  }

  sealNullable(plaintext: string | null | undefined, context: string): string | null {
    return plaintext === null || plaintext === undefined || plaintext === '' ? null : this.seal(plaintext, context);
  }

  open(value: string | null | undefined, context: string): string | null {
    if (value === null || value === undefined) return null;
    if (!isSealed(value)) return this.legacy(value, context);
    return this.cipher ? this.cipher.decrypt(value, this.bind(context)) : null;
  }

  private bind(context: string): string {
    return `${this.caseId}|${context}`;
  }
}

export function isSealed(value: string): boolean {
  return value.startsWith(`${CASE_KEY_ID}.`) && value.split('.').length === 4;
}

export const newDataKey = (): Buffer => randomBytes(32);
