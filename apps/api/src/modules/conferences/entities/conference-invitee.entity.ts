import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A person invited to a conference. `acknowledgedAt` records when they confirmed their duty of
 * confidentiality (art. 458ter Sw.), and `acknowledgement` which statement they confirmed; until then
 * the agenda shows them case references and stages only.
 */
@Entity({ name: 'conference_invitees' })
export class ConferenceInvitee {
  @PrimaryColumn({ name: 'conference_id', type: 'uuid' }) conferenceId: string;
  @PrimaryColumn({ name: 'user_id', type: 'uuid' }) userId: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId: string;
  @Column({ name: 'invited_at', type: 'timestamptz', default: () => 'now()' }) invitedAt: Date;
  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true }) acknowledgedAt: Date | null;
  @Column({ type: 'text', nullable: true }) acknowledgement: string | null;
}
