import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  appendEntries,
  checkpointAtHead,
  firstRow,
  justificationCommitment,
  newCommitmentNonce,
  publicKeyFromPrivate,
  SharingLogIntegrityError,
  type LogSigner,
  type SharingLogEntry,
  type SharingLogEntryData,
  type Sql,
} from '@schakel/platform';
import { conflict } from '../../common/http/domain-error';
import { RuntimeConfig } from '../../config/runtime-config';
import { SharingLogRow } from './sharing.entities';

/** Statements in the caller's transaction, for the shared log code in libs/platform. */
export const sqlOf =
  (m: EntityManager): Sql =>
  (text, params) =>
    m.query(text, params);

/** A row as the entry shape the API shows (not for verification: see entryFromRow in libs/platform). */
export function rowToEntry(r: SharingLogRow): SharingLogEntry {
  const e: SharingLogEntry = {
    seq: Number(r.seq),
    at: r.at.toISOString(),
    caseId: r.caseId,
    protocolId: r.protocolId,
    contributionId: r.contributionId,
    fromAgencyId: r.fromAgencyId,
    fromUserId: r.fromUserId,
    toAgencyIds: r.toAgencyIds,
    legalBasis: r.legalBasis,
    categories: r.categories,
    justification: r.justification,
    consentId: r.consentId,
    district: r.district,
    caseAgencyIds: r.caseAgencyIds,
    legalReference: r.legalReference,
    justificationCommitment: r.justificationCommitment,
    prevHash: r.prevHash,
    hash: r.hash,
  };
  if (r.version === 2) e.version = 'v2';
  return e;
}

/** A log that does not verify is a 409 naming the break, not a 500: nothing is appended or signed over it. */
function asConflict(e: unknown): never {
  if (e instanceof SharingLogIntegrityError) throw conflict('SHARING_LOG_BROKEN', e.message);
  throw e;
}

export type AppendData = Omit<
  SharingLogEntryData,
  'seq' | 'at' | 'version' | 'district' | 'caseAgencyIds' | 'justificationCommitment' | 'justificationNonce'
> & {
  /** The article that applied (legal bases as data), when known. */
  legalReference?: string | null;
};

@Injectable()
export class SharingLogWriter {
  readonly publicKey: string;
  readonly signer: LogSigner;

  constructor(config: RuntimeConfig) {
    this.publicKey = publicKeyFromPrivate(config.secrets.signingKey);
    this.signer = { origin: config.env.SHARING_LOG_ORIGIN, signingKey: config.secrets.signingKey };
  }

  /**
   * Appends one entry inside the caller's transaction and signs a checkpoint over it; the caller
   * should commit right after (the append lock is held until then). The justification is logged
   * as a commitment only: store the returned `justificationNonce` with the disclosure.
   */
  async append(
    m: EntityManager,
    data: AppendData,
    scope: { district: string; caseAgencyIds: string[] },
  ): Promise<SharingLogEntry & { justificationNonce: string | null }> {
    const nonce = data.justification ? newCommitmentNonce() : null;
    const { justification: _text, legalReference, ...rest } = data;
    const { entries } = await appendEntries(sqlOf(m), this.signer, [
      {
        ...rest,
        district: scope.district,
        caseAgencyIds: [...scope.caseAgencyIds].sort(),
        legalReference: legalReference ?? null,
        justificationCommitment: nonce ? justificationCommitment(nonce, data.justification!) : null,
      },
    ]).catch(asConflict);
    return { ...firstRow(entries, 'appendEntries'), justification: data.justification, justificationNonce: nonce };
  }

  /** A signed checkpoint over the whole log (verifying entries not yet covered first). */
  checkpointAtHead(m: EntityManager) {
    return checkpointAtHead(sqlOf(m), this.signer).catch(asConflict);
  }
}
