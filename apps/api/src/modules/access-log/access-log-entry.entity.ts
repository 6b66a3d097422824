import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One read of case content: who, which case, what. */
@Entity({ name: 'access_log' })
export class AccessLogEntry {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ type: 'timestamptz', default: () => 'now()' }) at: Date;
  @Column({ name: 'user_id', type: 'uuid' }) userId: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ type: 'text' }) resource: string;
  @Column({ name: 'resource_id', type: 'text', nullable: true }) resourceId: string | null;
}
