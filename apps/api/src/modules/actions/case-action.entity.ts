import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { ActionStatus, Measure } from '@schakel/domain';

@Entity({ name: 'actions' })
export class CaseAction {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ type: 'text' }) description: string;
  @Column({ name: 'owner_agency_id', type: 'uuid' }) ownerAgencyId: string;
  @Column({ name: 'due_date', type: 'date' }) dueDate: string;
  @Column({ type: 'text' }) measure: Measure;
  @Column({ type: 'text', default: 'OPEN' }) status: ActionStatus;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @VersionColumn() version: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
