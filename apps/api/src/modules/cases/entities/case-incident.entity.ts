import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ViolenceForm } from '@schakel/domain';

/** A later incident the referring agency adds to its referral; `policeReference` (PV number) is encrypted. */
@Entity({ name: 'case_incidents' })
export class CaseIncident {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ name: 'incident_date', type: 'date' }) date: string;
  @Column({ type: 'text', array: true }) types: ViolenceForm[];
  @Column({ name: 'police_reference', type: 'text', nullable: true }) policeReference: string | null;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId: string;
  @Column({ name: 'added_by', type: 'uuid' }) addedBy: string;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'clock_timestamp()' }) createdAt: Date;
}
