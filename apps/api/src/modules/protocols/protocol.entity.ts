import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { DataCategory, ProtocolModalities, ProtocolStatus } from '@schakel/domain';
import { ProtocolAgency } from './protocol-agency.entity';

@Entity({ name: 'protocols' })
export class Protocol {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text' }) district: string;
  @Column({ type: 'text' }) purpose: string;
  @Column({ name: 'data_categories', type: 'text', array: true }) dataCategories: DataCategory[];
  @Column({ name: 'retention_months', type: 'int' }) retentionMonths: number;
  @Column({ name: 'valid_from', type: 'date' }) validFrom: string;
  @Column({ name: 'valid_until', type: 'date', nullable: true }) validUntil: string | null;
  @Column({ type: 'text', default: 'DRAFT' }) status: ProtocolStatus;
  /** The prosecutor's approval reference. */
  @Column({ type: 'text', nullable: true }) reference: string | null;
  @Column({ name: 'decision_reason', type: 'text', nullable: true }) decisionReason: string | null;
  /** Prosecution agencies that must all approve; empty: one liaison of the district. */
  @Column({ name: 'approver_agency_ids', type: 'uuid', array: true, default: () => "'{}'" }) approverAgencyIds: string[];
  @Column({ type: 'jsonb', nullable: true }) modalities: ProtocolModalities | null;
  /** The motivation of the approval that put the protocol in force. */
  @Column({ type: 'text', nullable: true }) motivation: string | null;
  @Column({ type: 'int', default: 1 }) revision: number;
  @Column({ name: 'amends_id', type: 'uuid', nullable: true }) amendsId: string | null;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @Column({ name: 'decided_by', type: 'uuid', nullable: true }) decidedBy: string | null;
  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true }) submittedAt: Date | null;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt: Date | null;
  @VersionColumn() version: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @OneToMany(() => ProtocolAgency, (pa) => pa.protocol, { cascade: ['insert'] }) agencies?: ProtocolAgency[];
}
