import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { ConferenceStatus } from '@schakel/domain';

export { CONFERENCE_STATUSES, type ConferenceStatus } from '@schakel/domain';

/**
 * A case conference (casusoverleg) under one art. 458ter protocol, chaired by a case director.
 * Closing it seals the minutes: `minutesHash` is the SHA-256 of their canonical JSON and
 * `minutesSignature` the Ed25519 signature with SIGNING_KEY; the database refuses any later update.
 */
@Entity({ name: 'conferences' })
export class Conference {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'protocol_id', type: 'uuid' }) protocolId: string;
  @Column({ name: 'chair_id', type: 'uuid' }) chairId: string;
  @Column({ name: 'chair_agency_id', type: 'uuid' }) chairAgencyId: string;
  @Column({ name: 'scheduled_at', type: 'timestamptz' }) scheduledAt: Date;
  @Column({ type: 'text' }) location: string;
  @Column({ type: 'text', default: 'SCHEDULED' }) status: ConferenceStatus;
  @Column({ name: 'started_at', type: 'timestamptz', nullable: true }) startedAt: Date | null;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt: Date | null;
  @Column({ name: 'minutes_hash', type: 'text', nullable: true }) minutesHash: string | null;
  @Column({ name: 'minutes_signature', type: 'text', nullable: true }) minutesSignature: string | null;
  /** base64 SPKI DER of the key that signed; informational, the trust anchor is the key handed out separately. */
  @Column({ name: 'signing_public_key', type: 'text', nullable: true }) signingPublicKey: string | null;
  @VersionColumn() version: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
