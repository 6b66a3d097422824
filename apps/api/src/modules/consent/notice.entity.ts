import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** That a person was informed of the processing, or why informing them was withheld (and when to review that). */
@Entity({ name: 'notices' })
export class Notice {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ name: 'person_id', type: 'uuid' }) personId: string;
  @Column({ name: 'informed_at', type: 'timestamptz', nullable: true }) informedAt: Date | null;
  @Column({ type: 'text', nullable: true }) method: string | null;
  @Column({ type: 'boolean', default: false }) withheld: boolean;
  @Column({ type: 'text', nullable: true }) justification: string | null;
  @Column({ name: 'review_date', type: 'date', nullable: true }) reviewDate: string | null;
  @Column({ name: 'recorded_by', type: 'uuid' }) recordedBy: string;
  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' }) recordedAt: Date;
}
