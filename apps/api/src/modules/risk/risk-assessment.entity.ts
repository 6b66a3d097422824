import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { RiskIndicators, RiskLevel, RiskPrompt, ViolencePattern } from '@schakel/domain';

const numeric = { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/**
 * One structured professional judgement about one person of a case, made with one instrument
 * version. `answers` (notes may hold personal data) and `levelRationale` are encrypted JSON/text;
 * `indicators` and `prompts` are derived from the answers by libs/domain and hold codes only.
 */
@Entity({ name: 'risk_assessments' })
export class RiskAssessment {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ name: 'person_id', type: 'uuid' }) personId: string;
  @Column({ name: 'instrument_key', type: 'text' }) instrumentKey: string;
  @Column({ name: 'instrument_version', type: 'integer' }) instrumentVersion: number;
  @Column({ type: 'text' }) answers: string;
  @Column({ type: 'jsonb' }) indicators: RiskIndicators;
  @Column({ type: 'jsonb' }) prompts: RiskPrompt[];
  @Column({ type: 'numeric', nullable: true, transformer: numeric }) score: number | null;
  @Column({ name: 'suggested_level', type: 'text', nullable: true }) suggestedLevel: RiskLevel | null;
  @Column({ type: 'text' }) level: RiskLevel;
  @Column({ name: 'level_rationale', type: 'text', nullable: true }) levelRationale: string | null;
  @Column({ name: 'violence_pattern', type: 'text', nullable: true }) violencePattern: ViolencePattern | null;
  @Column({ name: 'assessed_by', type: 'uuid' }) assessedBy: string;
  @Column({ name: 'assessed_agency_id', type: 'uuid' }) assessedAgencyId: string;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'clock_timestamp()' }) createdAt: Date;
}
