import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Casework as it happens: a case team (deputies beside the director), incidents the referrer adds,
 * urgent referrals with a triage deadline, repeat referrals linked to the earlier case, reopening,
 * and a per-user notification inbox.
 */
export class Casework1795405000000 implements MigrationInterface {
  name = 'Casework1795405000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE case_team_members (
      case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users(id),
      role text NOT NULL CHECK (role IN ('DEPUTY')),
      added_by uuid REFERENCES users(id),
      added_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (case_id, user_id)
    )`);
    await q.query(`CREATE INDEX case_team_members_user_idx ON case_team_members (user_id, case_id)`);

    await q.query(`ALTER TABLE cases ADD COLUMN urgent boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE cases ADD COLUMN danger_statement text`);
    await q.query(`COMMENT ON COLUMN cases.danger_statement IS 'AES-256-GCM ciphertext (ENCRYPTION_KEYS)'`);
    await q.query(`ALTER TABLE cases ADD COLUMN triage_due_at timestamptz`);
    await q.query(`ALTER TABLE cases ADD COLUMN triaged_at timestamptz`);
    await q.query(`ALTER TABLE cases ADD COLUMN previous_case_id uuid REFERENCES cases(id) ON DELETE SET NULL`);
    await q.query(`ALTER TABLE cases ADD COLUMN reopened_at timestamptz`);
    await q.query(`ALTER TABLE cases ADD COLUMN urgent_conference_requested_at timestamptz`);
    await q.query(`CREATE INDEX cases_triage_idx ON cases (triage_due_at) WHERE stage = 'AANMELDING' AND urgent`);

    await q.query(`CREATE TABLE case_incidents (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      incident_date date NOT NULL,
      types text[] NOT NULL,
      police_reference text,
      agency_id uuid NOT NULL REFERENCES agencies(id),
      added_by uuid NOT NULL REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT clock_timestamp()
    )`);
    await q.query(`COMMENT ON COLUMN case_incidents.police_reference IS 'AES-256-GCM ciphertext (ENCRYPTION_KEYS)'`);
    await q.query(`CREATE INDEX case_incidents_case_idx ON case_incidents (case_id, created_at)`);

    await q.query(`CREATE TABLE notifications (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      type text NOT NULL,
      case_id uuid REFERENCES cases(id) ON DELETE CASCADE,
      case_reference text,
      subject_id uuid,
      dedupe_key text,
      created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      read_at timestamptz,
      emailed_at timestamptz
    )`);
    await q.query(`CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC, id DESC)`);
    await q.query(`CREATE UNIQUE INDEX notifications_dedupe_idx ON notifications (user_id, dedupe_key) WHERE dedupe_key IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notifications`);
    await q.query(`DROP TABLE case_incidents`);
    await q.query(`DROP INDEX cases_triage_idx`);
    for (const c of ['urgent_conference_requested_at', 'reopened_at', 'previous_case_id', 'triaged_at', 'triage_due_at', 'danger_statement', 'urgent']) {
      await q.query(`ALTER TABLE cases DROP COLUMN ${c}`);
    }
    await q.query(`DROP TABLE case_team_members`);
  }
}
