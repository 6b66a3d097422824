import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { CaseCipher, newDataKey } from './case-cipher';
import { CaseKey } from './case-key.entity';
import { CryptoService } from './crypto.service';

const wrapContext = (caseId: string) => `case_keys.wrapped_key|${caseId}`;

/**
 * Per-case data keys (ADR 0009). Each case's free text is encrypted under its own random key, wrapped
 * by the ENCRYPTION_KEYS ring; destroying that one row erases the case's text everywhere at once,
 * including in append-only tables and in backups taken after the destruction has expired out.
 */
@Injectable()
export class CaseKeysService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly crypto: CryptoService,
  ) {}

  /** The cipher of a case, creating its key on first use (inside the caller's transaction). */
  async cipher(caseId: string, m: EntityManager = this.ds.manager): Promise<CaseCipher> {
    let row = await m.getRepository(CaseKey).findOneBy({ caseId });
    if (!row) {
      const wrapped = this.crypto.encrypt(newDataKey().toString('base64'), wrapContext(caseId));
      await m.query('INSERT INTO case_keys (case_id, wrapped_key) VALUES ($1, $2) ON CONFLICT (case_id) DO NOTHING', [caseId, wrapped]);
      row = await m.getRepository(CaseKey).findOneByOrFail({ caseId });
    }
    return this.toCipher(row);
  }

  /** Ciphers of several cases, for lists (a case without a key yet has no sealed text: an empty key is never used to seal). */
  async ciphers(caseIds: string[], m: EntityManager = this.ds.manager): Promise<Map<string, CaseCipher>> {
    const unique = [...new Set(caseIds)];
    const rows = unique.length ? await m.getRepository(CaseKey).findBy({ caseId: In(unique) }) : [];
    const map = new Map(rows.map((r) => [r.caseId, this.toCipher(r)]));
    // A case without a key row has no sealed text yet: only legacy values to read.
    for (const id of unique) if (!map.has(id)) map.set(id, new CaseCipher(id, null, this.legacy));
    return map;
  }

  /** When and why the case's key was destroyed, or null. */
  async destruction(caseId: string, m: EntityManager = this.ds.manager): Promise<{ destroyedAt: string; reason: string | null } | null> {
    const row = await m.getRepository(CaseKey).findOneBy({ caseId });
    if (!row?.destroyedAt) return null;
    return { destroyedAt: row.destroyedAt.toISOString(), reason: this.crypto.decryptNullable(row.destructionReason, `case_keys.destruction_reason|${caseId}`) };
  }

  /** Erasure order: destroys the key (in the caller's transaction), keeping when, who and why. */
  async destroy(caseId: string, userId: string | null, reason: string | null, m: EntityManager): Promise<void> {
    await m.query(
      `INSERT INTO case_keys (case_id, wrapped_key, destroyed_at, destroyed_by, destruction_reason) VALUES ($1, NULL, now(), $2, $3)
       ON CONFLICT (case_id) DO UPDATE SET wrapped_key = NULL, destroyed_at = COALESCE(case_keys.destroyed_at, now()), destroyed_by = $2, destruction_reason = $3`,
      [caseId, userId, this.crypto.encryptNullable(reason, `case_keys.destruction_reason|${caseId}`)],
    );
  }

  private toCipher(row: CaseKey): CaseCipher {
    // An erased case reads as erased whatever the value's vintage.
    if (!row.wrappedKey) return new CaseCipher(row.caseId, null, () => null);
    return new CaseCipher(row.caseId, Buffer.from(this.crypto.decrypt(row.wrappedKey, wrapContext(row.caseId)), 'base64'), this.legacy);
  }

  /** Values from before per-case keys: ring ciphertext (`<keyId>.<iv>.<tag>.<ct>`) or plaintext. */
  private readonly legacy = (value: string, context: string): string | null => {
    if (value.split('.').length === 4 && this.crypto.knowsKeyOf(value)) return this.crypto.decrypt(value, context);
    return value;
  };
}
