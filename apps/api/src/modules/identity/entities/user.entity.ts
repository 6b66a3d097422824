import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { Role } from '@schakel/domain';

@Entity({ name: 'users' })
export class User {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** Stored lower-cased; unique. */
  @Column({ type: 'text' }) email: string;
  @Column({ name: 'display_name', type: 'text' }) displayName: string;
  /** The agency (agencies module): read it through agencies/agency-directory, not a relation. */
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId: string;
  @Column({ type: 'text', array: true }) roles: Role[];
  @Column({ type: 'text', default: 'nl' }) locale: string;
  @Column({ name: 'password_hash', type: 'text', nullable: true }) passwordHash: string | null;
  @Column({ type: 'boolean', default: true }) active: boolean;
  /** TOTP secret, encrypted with the field key ring. */
  @Column({ name: 'mfa_secret', type: 'text', nullable: true }) mfaSecret: string | null;
  @Column({ name: 'mfa_enabled', type: 'boolean', default: false }) mfaEnabled: boolean;
  /** Last accepted TOTP time step: a code is never accepted twice. */
  @Column({ name: 'mfa_last_step', type: 'bigint', nullable: true }) mfaLastStep: string | null;
  @Column({ name: 'failed_logins', type: 'int', default: 0 }) failedLogins: number;
  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true }) lockedUntil: Date | null;
  /**
   * Carried in access tokens as `sv`; bumping it ends every outstanding access token at once. Only
   * ever changed by SQL (TokenService.endAccessTokens), never written back by an entity save.
   */
  @Column({ name: 'session_version', type: 'int', default: 0, insert: false, update: false }) sessionVersion: number;
  /** Sessions ended by logout: `{ sessionId: epoch seconds after which the entry can be forgotten }`. SQL-only, like sessionVersion. */
  @Column({ name: 'ended_sessions', type: 'jsonb', default: {}, insert: false, update: false }) endedSessions: Record<string, number>;
  @VersionColumn() version: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
