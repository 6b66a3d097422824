import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { EvaluationOutcome } from '@schakel/domain';

@Entity({ name: 'evaluations' })
export class Evaluation {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ type: 'text' }) outcome: EvaluationOutcome;
  @Column({ type: 'text' }) summary: string;
  @Column({ name: 'risk_assessment_id', type: 'uuid', nullable: true }) riskAssessmentId: string | null;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'clock_timestamp()' }) createdAt: Date;
}
