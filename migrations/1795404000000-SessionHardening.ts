import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions that end: a per-user session version carried in access tokens (deactivation and a
 * password reset bump it, so every outstanding access token stops at once), the sessions ended by
 * logout (their access tokens stop at once too), the authentication methods of a session kept
 * on its refresh tokens, and single-use MFA tokens.
 */
export class SessionHardening1795404000000 implements MigrationInterface {
  name = 'SessionHardening1795404000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN session_version integer NOT NULL DEFAULT 0`);
    // Sessions ended by logout whose access tokens could still be alive: { sessionId: forgetAfterEpochSeconds }.
    await q.query(`ALTER TABLE users ADD COLUMN ended_sessions jsonb NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE refresh_tokens ADD COLUMN amr text[] NOT NULL DEFAULT '{pwd}'`);
    await q.query(
      `CREATE TABLE mfa_token_redemptions (jti uuid PRIMARY KEY, user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE, expires_at timestamptz NOT NULL)`,
    );
    await q.query(`CREATE INDEX mfa_token_redemptions_expiry_idx ON mfa_token_redemptions (expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE mfa_token_redemptions`);
    await q.query(`ALTER TABLE refresh_tokens DROP COLUMN amr`);
    await q.query(`ALTER TABLE users DROP COLUMN ended_sessions`);
    await q.query(`ALTER TABLE users DROP COLUMN session_version`);
  }
}
