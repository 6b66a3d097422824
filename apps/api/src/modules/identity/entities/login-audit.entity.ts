import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const LOGIN_EVENTS = [
  'LOGIN_SUCCEEDED',
  'LOGIN_FAILED',
  'ACCOUNT_LOCKED',
  'ACCOUNT_UNLOCKED',
  'MFA_CHALLENGE_FAILED',
  'MFA_ENROLLED',
  'MFA_RESET',
  'ROLES_CHANGED',
  'ACCOUNT_DEACTIVATED',
  'ACCOUNT_REACTIVATED',
  'PASSWORD_CHANGED',
  'LOGOUT',
  'REFRESH_TOKEN_REUSED',
  'OIDC_LOGIN_SUCCEEDED',
  'OIDC_LOGIN_FAILED',
] as const;
export type LoginEvent = (typeof LOGIN_EVENTS)[number];

/** Security events of accounts, for the DPO. Never holds a password, code or token. */
@Entity({ name: 'login_audit' })
export class LoginAudit {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @CreateDateColumn({ type: 'timestamptz' }) at: Date;
  @Column({ type: 'text' }) event: LoginEvent;
  /** The account concerned (null for an unknown email). */
  @Column({ name: 'user_id', type: 'uuid', nullable: true }) userId: string | null;
  /** Who caused it, when not the account itself (an administrator changing roles). */
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId: string | null;
  @Column({ type: 'text', nullable: true }) ip: string | null;
  @Column({ type: 'jsonb', default: () => "'{}'::jsonb" }) detail: Record<string, unknown>;
}
