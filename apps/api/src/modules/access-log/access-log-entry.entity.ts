import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One read of case content, or one denied attempt on a case route: who, which case, what. */
@Entity({ name: 'access_log' })
export class AccessLogEntry {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ type: 'timestamptz', default: () => 'now()' }) at: Date;
  @Column({ name: 'user_id', type: 'uuid' }) userId: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId: string;
  /** Null only for a denied attempt on an id that is no case (the id is then in resourceId). */
  @Column({ name: 'case_id', type: 'uuid', nullable: true }) caseId: string | null;
  @Column({ type: 'text' }) resource: string;
  @Column({ name: 'resource_id', type: 'text', nullable: true }) resourceId: string | null;
  /** READ, or DENIED for a 403/404 answered on a case route. */
  @Column({ type: 'text', default: 'READ' }) outcome: 'READ' | 'DENIED';
  @Column({ type: 'smallint', nullable: true }) status: number | null;
}
