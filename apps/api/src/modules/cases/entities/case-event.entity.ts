import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One line of a case's timeline, written in the same transaction as the change it records. */
@Entity({ name: 'case_events' })
export class CaseEvent {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ type: 'timestamptz', default: () => 'clock_timestamp()' }) at: Date;
  @Column({ type: 'text' }) type: string;
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId: string | null;
  @Column({ name: 'actor_agency_id', type: 'uuid', nullable: true }) actorAgencyId: string | null;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @Column({ type: 'jsonb', default: () => "'{}'::jsonb" }) detail: Record<string, unknown>;
}
