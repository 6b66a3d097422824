import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const REVIEW_OUTCOMES = ['REVIEWED', 'QUESTIONED'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

/** The DPO's review of a disclosure made under the state of necessity; the latest one counts. */
@Entity({ name: 'disclosure_reviews' })
export class DisclosureReview {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ name: 'disclosure_id', type: 'uuid' }) disclosureId: string;
  @Column({ type: 'text' }) outcome: ReviewOutcome;
  @Column({ type: 'text' }) note: string;
  @Column({ name: 'reviewed_by', type: 'uuid' }) reviewedBy: string;
  @Column({ name: 'reviewed_at', type: 'timestamptz', default: () => 'now()' }) reviewedAt: Date;
}
