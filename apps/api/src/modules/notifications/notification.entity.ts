import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One line of a user's inbox. It names a case by its reference only: the inbox and the e-mail that
 * may follow it carry no personal data.
 */
@Entity({ name: 'notifications' })
export class Notification {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId: string;
  @Column({ type: 'text' }) type: string;
  @Column({ name: 'case_id', type: 'uuid', nullable: true }) caseId: string | null;
  @Column({ name: 'case_reference', type: 'text', nullable: true }) caseReference: string | null;
  /** The conference, protocol, action… the notice is about, for the link. */
  @Column({ name: 'subject_id', type: 'uuid', nullable: true }) subjectId: string | null;
  /** Scheduled reminders are written once per user and key (e.g. `PROTOCOL_EXPIRING:<id>:30`). */
  @Column({ name: 'dedupe_key', type: 'text', nullable: true }) dedupeKey: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'clock_timestamp()' }) createdAt: Date;
  @Column({ name: 'read_at', type: 'timestamptz', nullable: true }) readAt: Date | null;
  @Column({ name: 'emailed_at', type: 'timestamptz', nullable: true }) emailedAt: Date | null;
}
