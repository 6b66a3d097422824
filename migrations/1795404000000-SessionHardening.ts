import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions that end: a per-user session version carried in access tokens (logout and deactivation
 * bump it, so outstanding access tokens stop at once), the authentication methods of a session kept
 * on its refresh tokens, and single-use MFA tokens.
 */
export class SessionHardening1795404000000 implements MigrationInterface {
  name = 'SessionHardening1795404000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN session_version integer NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE refresh_tokens ADD COLUMN amr text[] NOT NULL DEFAULT '{pwd}'`);
    await q.query(`CREATE TABLE mfa_token_redemptions (jti uuid PRIMARY KEY, user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE, expires_at timestamptz NOT NULL)`);
    await q.query(`CREATE INDEX mfa_token_redemptions_expiry_idx ON mfa_token_redemptions (expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE mfa_token_redemptions`);
    await q.query(`ALTER TABLE refresh_tokens DROP COLUMN amr`);
    await q.query(`ALTER TABLE users DROP COLUMN session_version`);
  }
}
