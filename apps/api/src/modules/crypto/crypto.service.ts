import { Injectable } from '@nestjs/common';
import { RuntimeConfig } from '../../config/runtime-config';
import { FieldCipher, blindIndex } from './field-cipher';

@Injectable()
export class CryptoService {
  private readonly cipher: FieldCipher;
  private readonly indexKey: string;

  constructor(config: RuntimeConfig) {
    this.cipher = new FieldCipher(config.secrets.encryptionKeys);
    this.indexKey = config.secrets.blindIndexKey;
  }

  encrypt(plaintext: string, context: string): string {
    return this.cipher.encrypt(plaintext, context);
  }

  encryptNullable(plaintext: string | null | undefined, context: string): string | null {
    return plaintext === null || plaintext === undefined || plaintext === '' ? null : this.cipher.encrypt(plaintext, context);
  }

  decrypt(value: string, context: string): string {
    return this.cipher.decrypt(value, context);
  }

  decryptNullable(value: string | null, context: string): string | null {
    return value === null ? null : this.cipher.decrypt(value, context);
  }

  /** Was this value written with a key of the ring (as opposed to legacy plaintext)? */
  knowsKeyOf(value: string): boolean {
    return this.cipher.hasKey(value.split('.')[0] ?? '');
  }

  blindIndex(input: string): string {
    return blindIndex(this.indexKey, input);
  }
}
