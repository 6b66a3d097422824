import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { LegalBasisConditions } from '@schakel/domain';

/** A legal basis for sharing, with its conditions and NL/FR/EN texts (seeded by migration). */
@Entity({ name: 'legal_bases' })
export class LegalBasisRow {
  @PrimaryColumn({ type: 'text' }) key: string;
  @Column({ type: 'int' }) position: number;
  @Column({ type: 'jsonb' }) conditions: LegalBasisConditions;
  @Column({ name: 'title_nl', type: 'text' }) titleNl: string;
  @Column({ name: 'title_fr', type: 'text' }) titleFr: string;
  @Column({ name: 'title_en', type: 'text' }) titleEn: string;
  @Column({ name: 'explanation_nl', type: 'text' }) explanationNl: string;
  @Column({ name: 'explanation_fr', type: 'text' }) explanationFr: string;
  @Column({ name: 'explanation_en', type: 'text' }) explanationEn: string;
}

/** Which article (of which code) a basis rests on between two dates. */
@Entity({ name: 'legal_basis_references' })
export class LegalBasisReferenceRow {
  @PrimaryColumn({ type: 'text' }) key: string;
  @PrimaryColumn({ name: 'valid_from', type: 'date' }) validFrom: string;
  @Column({ name: 'valid_until', type: 'date', nullable: true }) validUntil: string | null;
  @Column({ type: 'text' }) code: string;
  @Column({ type: 'text' }) reference: string;
  @Column({ type: 'boolean' }) verified: boolean;
}
