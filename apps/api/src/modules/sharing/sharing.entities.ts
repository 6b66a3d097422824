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
}

@Entity({ name: 'sharing_log_checkpoints' })
export class CheckpointRow {
  @PrimaryColumn({ type: 'bigint' }) seq: string;
  @Column({ name: 'head_hash', type: 'text' }) headHash: string;
  @Column({ type: 'timestamptz' }) at: Date;
  @Column({ type: 'text' }) signature: string;
  @Column({ name: 'public_key', type: 'text' }) publicKey: string;
}
