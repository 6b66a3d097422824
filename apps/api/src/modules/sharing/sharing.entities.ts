import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { DataCategory, LegalBasis } from '@schakel/domain';

/** A contribution shared with named agencies under a legal basis. Append-only (database trigger). */
@Entity({ name: 'disclosures' })
export class Disclosure {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ name: 'contribution_id', type: 'uuid' }) contributionId: string;
  @Column({ name: 'from_agency_id', type: 'uuid' }) fromAgencyId: string;
  @Column({ name: 'from_user_id', type: 'uuid' }) fromUserId: string;
  @Column({ name: 'legal_basis', type: 'text' }) legalBasis: LegalBasis;
  @Column({ name: 'consent_id', type: 'uuid', nullable: true }) consentId: string | null;
  @Column({ type: 'text', nullable: true }) justification: string | null;
  @Column({ name: 'log_seq', type: 'bigint' }) logSeq: string;
  /** Key of the justification's commitment in the sharing log (ADR 0006); erased with the text. */
  @Column({ name: 'justification_nonce', type: 'text', nullable: true }) justificationNonce: string | null;
  /** The article that applied when the disclosure was made (legal_basis_references). */
  @Column({ name: 'legal_reference', type: 'text', nullable: true }) legalReference: string | null;
  @Column({ name: 'person_id', type: 'uuid', nullable: true }) personId: string | null;
  @Column({ name: 'danger_statement', type: 'text', nullable: true }) dangerStatement: string | null;
  @Column({ type: 'text', nullable: true }) provision: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
}

@Entity({ name: 'disclosure_recipients' })
export class DisclosureRecipient {
  @PrimaryColumn({ name: 'disclosure_id', type: 'uuid' }) disclosureId: string;
  @PrimaryColumn({ name: 'agency_id', type: 'uuid' }) agencyId: string;
}

/** One sharing-log entry (see libs/platform sharing-log for the hash). Append-only (database trigger). */
@Entity({ name: 'sharing_log' })
export class SharingLogRow {
  @PrimaryColumn({ type: 'bigint' }) seq: string;
  @Column({ type: 'timestamptz' }) at: Date;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ name: 'protocol_id', type: 'uuid' }) protocolId: string;
  @Column({ type: 'text' }) district: string;
  @Column({ name: 'case_agency_ids', type: 'uuid', array: true }) caseAgencyIds: string[];
  @Column({ name: 'contribution_id', type: 'uuid', nullable: true }) contributionId: string | null;
  @Column({ name: 'from_agency_id', type: 'uuid' }) fromAgencyId: string;
  @Column({ name: 'from_user_id', type: 'uuid' }) fromUserId: string;
  @Column({ name: 'to_agency_ids', type: 'uuid', array: true }) toAgencyIds: string[];
  @Column({ name: 'legal_basis', type: 'text' }) legalBasis: LegalBasis;
  @Column({ type: 'text', array: true }) categories: DataCategory[];
  @Column({ type: 'text', nullable: true }) justification: string | null;
  @Column({ name: 'consent_id', type: 'uuid', nullable: true }) consentId: string | null;
  @Column({ name: 'prev_hash', type: 'text' }) prevHash: string;
  @Column({ type: 'text' }) hash: string;
  /** Encoding of the hashed form: 1 (legacy) or 2 (every column). */
  @Column({ type: 'smallint' }) version: number;
  @Column({ name: 'legal_reference', type: 'text', nullable: true }) legalReference: string | null;
  @Column({ name: 'justification_commitment', type: 'text', nullable: true }) justificationCommitment: string | null;
}

/** A signed C2SP checkpoint over the first `size` entries (one per append). */
@Entity({ name: 'sharing_log_tree_heads' })
export class TreeHeadRow {
  @PrimaryColumn({ type: 'bigint' }) size: string;
  @Column({ name: 'root_hash', type: 'bytea' }) rootHash: Buffer;
  @Column({ name: 'chain_head', type: 'text' }) chainHead: string;
  @Column({ type: 'bytea' }) frontier: Buffer;
  @Column({ type: 'text' }) note: string;
  @Column({ name: 'signed_at', type: 'timestamptz' }) signedAt: Date;
}

/** A prosecutor liaison's Ed25519 witness key. */
@Entity({ name: 'witness_keys' })
export class WitnessKey {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' }) userId: string;
  /** The cosigner name pinned by a C2SP verifier key; empty when registered as SPKI (the line's own name is used). */
  @Column({ type: 'text' }) name: string;
  @Column({ name: 'key_id', type: 'text' }) keyId: string;
  /** base64 raw 32-byte Ed25519 key. */
  @Column({ name: 'public_key', type: 'text' }) publicKey: string;
  @Column({ name: 'registered_at', type: 'timestamptz', default: () => 'now()' }) registeredAt: Date;
}

/** A witness's tlog-cosignature/v1 over a checkpoint the log issued. Append-only. */
@Entity({ name: 'sharing_log_cosignatures' })
export class CosignatureRow {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'tree_size', type: 'bigint' }) treeSize: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId: string;
  @Column({ type: 'text' }) name: string;
  @Column({ name: 'key_id', type: 'text' }) keyId: string;
  @Column({ name: 'public_key', type: 'text' }) publicKey: string;
  @Column({ name: 'cosigned_at', type: 'timestamptz' }) cosignedAt: Date;
  @Column({ name: 'signature_line', type: 'text' }) signatureLine: string;
  @Column({ name: 'received_at', type: 'timestamptz', default: () => 'now()' }) receivedAt: Date;
}

@Entity({ name: 'sharing_log_checkpoints' })
export class CheckpointRow {
  @PrimaryColumn({ type: 'bigint' }) seq: string;
  @Column({ name: 'head_hash', type: 'text' }) headHash: string;
  @Column({ type: 'timestamptz' }) at: Date;
  @Column({ type: 'text' }) signature: string;
  @Column({ name: 'public_key', type: 'text' }) publicKey: string;
}
