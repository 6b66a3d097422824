import { Column, Entity, PrimaryColumn, VersionColumn } from 'typeorm';
import type { DecisionType } from '@schakel/domain';

export interface AttendanceEntry {
  userId: string;
  present: boolean;
}
/** `rationale` is AES-256-GCM ciphertext, like the minutes text. */
export interface StoredMinutesDecision {
  type: DecisionType;
  rationale: string;
}

/** One case on a conference's agenda, with its minutes (encrypted), attendance and decisions. */
@Entity({ name: 'conference_items' })
export class ConferenceItem {
  @PrimaryColumn({ name: 'conference_id', type: 'uuid' }) conferenceId: string;
  @PrimaryColumn({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ type: 'int' }) position: number;
  @Column({ type: 'text', nullable: true }) minutes: string | null;
  @Column({ type: 'jsonb', default: () => "'[]'::jsonb" }) attendance: AttendanceEntry[];
  @Column({ type: 'jsonb', default: () => "'[]'::jsonb" }) decisions: StoredMinutesDecision[];
  @Column({ name: 'minutes_by', type: 'uuid', nullable: true }) minutesBy: string | null;
  @Column({ name: 'minutes_at', type: 'timestamptz', nullable: true }) minutesAt: Date | null;
  @VersionColumn() version: number;
}
