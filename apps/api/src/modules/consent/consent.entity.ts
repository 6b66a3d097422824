import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ConsentMethod, ConsentStatus, DataCategory } from '@schakel/domain';

/** A person's consent (or refusal) for a scope of agencies and data categories. Withdrawal keeps the record. */
@Entity({ name: 'consents' })
export class Consent {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ name: 'person_id', type: 'uuid' }) personId: string;
  @Column({ type: 'text' }) status: ConsentStatus;
  @Column({ type: 'text' }) method: ConsentMethod;
  @Column({ name: 'scope_agency_ids', type: 'uuid', array: true }) scopeAgencyIds: string[];
  @Column({ name: 'scope_data_categories', type: 'text', array: true }) scopeDataCategories: DataCategory[];
  @Column({ name: 'valid_until', type: 'date', nullable: true }) validUntil: string | null;
  @Column({ type: 'text', nullable: true }) evidence: string | null;
  @Column({ name: 'recorded_by', type: 'uuid' }) recordedBy: string;
  @Column({ name: 'recorded_agency_id', type: 'uuid' }) recordedAgencyId: string;
  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' }) recordedAt: Date;
  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true }) withdrawnAt: Date | null;
  @Column({ name: 'withdrawn_by', type: 'uuid', nullable: true }) withdrawnBy: string | null;
  @Column({ name: 'withdrawal_reason', type: 'text', nullable: true }) withdrawalReason: string | null;
}
