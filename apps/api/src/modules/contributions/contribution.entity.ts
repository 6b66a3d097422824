import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { DataCategory } from '@schakel/domain';

/** What one agency knows about a case; `content` is encrypted and readable by that agency only until disclosed. */
@Entity({ name: 'contributions' })
export class Contribution {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId: string;
  @Column({ name: 'author_id', type: 'uuid' }) authorId: string;
  @Column({ type: 'text' }) category: DataCategory;
  /** Null once the case is anonymised after the retention period. */
  @Column({ type: 'text', nullable: true }) content: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
}
