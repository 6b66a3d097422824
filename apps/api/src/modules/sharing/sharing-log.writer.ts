import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { GENESIS_HASH, publicKeyFromPrivate, sealEntry, signCheckpoint, type SharingLogEntry, type SharingLogEntryData, type SignedCheckpoint } from '@schakel/platform';
import { RuntimeConfig } from '../../config/runtime-config';
import { CheckpointRow, SharingLogRow } from './sharing.entities';

// Transaction-scoped advisory lock: appends queue up here, so concurrent disclosures never fork the chain.
const APPEND_LOCK = 74_580_002;

export function rowToEntry(r: SharingLogRow): SharingLogEntry {
  return {
    seq: Number(r.seq), at: r.at.toISOString(), caseId: r.caseId, protocolId: r.protocolId, contributionId: r.contributionId,
    fromAgencyId: r.fromAgencyId, fromUserId: r.fromUserId, toAgencyIds: r.toAgencyIds, legalBasis: r.legalBasis,
    categories: r.categories, justification: r.justification, consentId: r.consentId, prevHash: r.prevHash, hash: r.hash,
  };
}

export const checkpointView = (c: CheckpointRow): SignedCheckpoint => ({
  seq: Number(c.seq), headHash: c.headHash, at: c.at.toISOString(), signature: c.signature, publicKey: c.publicKey, algorithm: 'Ed25519',
});

@Injectable()
export class SharingLogWriter {
  readonly publicKey: string;

  constructor(private readonly config: RuntimeConfig) {
    this.publicKey = publicKeyFromPrivate(config.secrets.signingKey);
  }

  /** Appends one entry inside the caller's transaction; signs a checkpoint every CHECKPOINT_EVERY entries. */
  async append(m: EntityManager, data: Omit<SharingLogEntryData, 'seq' | 'at'> & { legalReference?: string | null }, scope: { district: string; caseAgencyIds: string[] }): Promise<SharingLogEntry> {
    await m.query('SELECT pg_advisory_xact_lock($1)', [APPEND_LOCK]);
    const head = await m.getRepository(SharingLogRow).createQueryBuilder('l').orderBy('l.seq', 'DESC').limit(1).getOne();
    const seq = head ? Number(head.seq) + 1 : 1;
    const entry = sealEntry(head?.hash ?? GENESIS_HASH, { ...data, seq, at: new Date().toISOString() });
    await m.getRepository(SharingLogRow).insert({
      seq: String(seq), at: new Date(entry.at), caseId: entry.caseId, protocolId: entry.protocolId, district: scope.district,
      caseAgencyIds: scope.caseAgencyIds, contributionId: entry.contributionId, fromAgencyId: entry.fromAgencyId, fromUserId: entry.fromUserId,
      toAgencyIds: entry.toAgencyIds, legalBasis: entry.legalBasis as never, categories: entry.categories as never, justification: entry.justification,
      consentId: entry.consentId, prevHash: entry.prevHash, hash: entry.hash,
    });
    if (seq % this.config.env.CHECKPOINT_EVERY === 0) await this.checkpoint(m, seq, entry.hash);
    return entry;
  }

  /** Signs (seq, head hash, time) with the Ed25519 SIGNING_KEY and stores it. */
  async checkpoint(m: EntityManager, seq: number, headHash: string): Promise<SignedCheckpoint> {
    const signed = signCheckpoint({ seq, headHash, at: new Date().toISOString() }, this.config.secrets.signingKey);
    await m.getRepository(CheckpointRow).insert({ seq: String(seq), headHash, at: new Date(signed.at), signature: signed.signature, publicKey: signed.publicKey });
    return signed;
  }
}
