import { Column, Entity, PrimaryColumn } from 'typeorm';

export type CaseAgencyRole = 'REFERRER' | 'DIRECTOR' | 'INVITED';

/** An agency taking part in a case; its members see the case and contribute to it. */
@Entity({ name: 'case_agencies' })
export class CaseAgency {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' }) caseId: string;
  @PrimaryColumn({ name: 'agency_id', type: 'uuid' }) agencyId: string;
  @Column({ type: 'text' }) role: CaseAgencyRole;
  @Column({ name: 'invited_by', type: 'uuid', nullable: true }) invitedBy: string | null;
  @Column({ name: 'joined_at', type: 'timestamptz', default: () => 'now()' }) joinedAt: Date;
  @Column({ name: 'contribution_waived_at', type: 'timestamptz', nullable: true }) contributionWaivedAt: Date | null;
  @Column({ name: 'waiver_reason', type: 'text', nullable: true }) waiverReason: string | null;
}
