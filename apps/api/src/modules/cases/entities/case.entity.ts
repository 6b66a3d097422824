import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { ClosureReason, RedFlagCode, RiskLevel, Stage, ViolenceForm } from '@schakel/domain';

/** A case ("casus"). `summary` and `policeReference` are encrypted: they may identify people. */
@Entity({ name: 'cases' })
export class CaseRecord {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) reference: string;
  @Column({ name: 'protocol_id', type: 'uuid' }) protocolId: string;
  @Column({ type: 'text' }) stage: Stage;
  @Column({ name: 'stage_entered_at', type: 'timestamptz' }) stageEnteredAt: Date;
  @Column({ name: 'closure_reason', type: 'text', nullable: true }) closureReason: ClosureReason | null;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt: Date | null;
  @Column({ name: 'risk_level', type: 'text', nullable: true }) riskLevel: RiskLevel | null;
  /** Null once anonymised after the retention period. */
  @Column({ type: 'text', nullable: true }) summary: string | null;
  @Column({ name: 'incident_date', type: 'date' }) incidentDate: string;
  @Column({ name: 'incident_types', type: 'text', array: true }) incidentTypes: ViolenceForm[];
  @Column({ name: 'police_reference', type: 'text', nullable: true }) policeReference: string | null;
  @Column({ name: 'red_flags', type: 'text', array: true }) redFlags: RedFlagCode[];
  /** Language the family is supported in (NL|FR|DE|EN|OTHER), for the annual report. */
  @Column({ type: 'text', nullable: true }) language: string | null;
  @Column({ type: 'boolean' }) informed: boolean;
  @Column({ name: 'consent_given', type: 'boolean' }) consentGiven: boolean;
  @Column({ name: 'repeat_referral', type: 'boolean' }) repeatReferral: boolean;
  @Column({ name: 'legal_hold', type: 'boolean' }) legalHold: boolean;
  @Column({ name: 'referrer_id', type: 'uuid' }) referrerId: string;
  @Column({ name: 'referring_agency_id', type: 'uuid' }) referringAgencyId: string;
  @Column({ name: 'director_id', type: 'uuid', nullable: true }) directorId: string | null;
  @Column({ name: 'anonymised_at', type: 'timestamptz', nullable: true }) anonymisedAt: Date | null;
  /** Acute danger: triaged within one working day (`triageDueAt`); `dangerStatement` is encrypted. */
  @Column({ type: 'boolean', default: false }) urgent: boolean;
  @Column({ name: 'danger_statement', type: 'text', nullable: true }) dangerStatement: string | null;
  @Column({ name: 'triage_due_at', type: 'timestamptz', nullable: true }) triageDueAt: Date | null;
  @Column({ name: 'triaged_at', type: 'timestamptz', nullable: true }) triagedAt: Date | null;
  /** The earlier case a repeat referral matched (shown only to those who may see that case). */
  @Column({ name: 'previous_case_id', type: 'uuid', nullable: true }) previousCaseId: string | null;
  @Column({ name: 'reopened_at', type: 'timestamptz', nullable: true }) reopenedAt: Date | null;
  /** Set by an escalating evaluation when no conference was scheduled to put the case on. */
  @Column({ name: 'urgent_conference_requested_at', type: 'timestamptz', nullable: true }) urgentConferenceRequestedAt: Date | null;
  @VersionColumn() version: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
