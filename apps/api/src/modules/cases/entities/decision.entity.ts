import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { DecisionType } from '@schakel/domain';

@Entity({ name: 'decisions' })
export class Decision {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ type: 'text' }) type: DecisionType;
  @Column({ type: 'text' }) rationale: string;
  @Column({ name: 'conference_id', type: 'uuid', nullable: true }) conferenceId: string | null;
  @Column({ name: 'decided_by', type: 'uuid' }) decidedBy: string;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'clock_timestamp()' }) createdAt: Date;
}
