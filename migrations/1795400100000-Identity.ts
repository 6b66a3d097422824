import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Identity1795400100000 implements MigrationInterface {
  name = 'Identity1795400100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE agencies (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL,
      type text NOT NULL CHECK (type IN ('POLICE','PROSECUTION','JUSTICE_HOUSE','CAW','CHILD_PROTECTION','MENTAL_HEALTH','FAMILY_JUSTICE_CENTRE','OTHER')),
      district text NOT NULL,
      active boolean NOT NULL DEFAULT true,
      version integer NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX agencies_created_idx ON agencies (created_at, id)`);
    await q.query(`CREATE TABLE users (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      email text NOT NULL,
      display_name text NOT NULL,
      agency_id uuid NOT NULL REFERENCES agencies(id),
      roles text[] NOT NULL,
      locale text NOT NULL DEFAULT 'nl',
      password_hash text,
      active boolean NOT NULL DEFAULT true,
      mfa_secret text,
      mfa_enabled boolean NOT NULL DEFAULT false,
      mfa_last_step bigint,
      failed_logins integer NOT NULL DEFAULT 0,
      locked_until timestamptz,
      version integer NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT users_roles_valid CHECK (roles <@ ARRAY['case_director','referrer','agency_member','prosecutor_liaison','dpo','admin']::text[])
    )`);
    await q.query(`CREATE UNIQUE INDEX users_email_key ON users (email)`);
    await q.query(`CREATE INDEX users_agency_idx ON users (agency_id)`);
    await q.query(`CREATE INDEX users_created_idx ON users (created_at, id)`);
    await q.query(`CREATE TABLE refresh_tokens (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      family_id uuid NOT NULL,
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      token_hash text NOT NULL,
      expires_at timestamptz NOT NULL,
      rotated_at timestamptz,
      revoked_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id)`);
    await q.query(`CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id)`);
    await q.query(`CREATE INDEX refresh_tokens_expires_idx ON refresh_tokens (expires_at)`);
    await q.query(`CREATE TABLE login_audit (
      id bigserial PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      event text NOT NULL,
      user_id uuid REFERENCES users(id) ON DELETE SET NULL,
      actor_id uuid REFERENCES users(id) ON DELETE SET NULL,
      ip text,
      detail jsonb NOT NULL DEFAULT '{}'::jsonb
    )`);
    await q.query(`CREATE INDEX login_audit_at_idx ON login_audit (at DESC, id DESC)`);
    await q.query(`CREATE INDEX login_audit_user_idx ON login_audit (user_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE login_audit`);
    await q.query(`DROP TABLE refresh_tokens`);
    await q.query(`DROP TABLE users`);
    await q.query(`DROP TABLE agencies`);
  }
}
