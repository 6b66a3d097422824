import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Conferences1795400500000 implements MigrationInterface {
  name = 'Conferences1795400500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE conferences (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      protocol_id uuid NOT NULL REFERENCES protocols(id),
      chair_id uuid NOT NULL REFERENCES users(id),
      chair_agency_id uuid NOT NULL REFERENCES agencies(id),
      scheduled_at timestamptz NOT NULL,
      location text NOT NULL,
      status text NOT NULL DEFAULT 'SCHEDULED' CHECK (status IN ('SCHEDULED','IN_PROGRESS','CLOSED')),
      started_at timestamptz,
      closed_at timestamptz,
      minutes_hash text,
      minutes_signature text,
      signing_public_key text,
      version integer NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (status <> 'CLOSED' OR (closed_at IS NOT NULL AND minutes_hash IS NOT NULL AND minutes_signature IS NOT NULL))
    )`);
    await q.query(`CREATE INDEX conferences_chair_idx ON conferences (chair_id, scheduled_at DESC, id DESC)`);
    await q.query(`CREATE TABLE conference_items (
      conference_id uuid NOT NULL REFERENCES conferences(id) ON DELETE CASCADE,
      case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      position integer NOT NULL,
      minutes text,
      attendance jsonb NOT NULL DEFAULT '[]'::jsonb,
      decisions jsonb NOT NULL DEFAULT '[]'::jsonb,
      minutes_by uuid REFERENCES users(id),
      minutes_at timestamptz,
      version integer NOT NULL,
      PRIMARY KEY (conference_id, case_id),
      UNIQUE (conference_id, position)
    )`);
    await q.query(`COMMENT ON COLUMN conference_items.minutes IS 'AES-256-GCM ciphertext (ENCRYPTION_KEYS)'`);
    await q.query(`CREATE INDEX conference_items_case_idx ON conference_items (case_id)`);
    await q.query(`CREATE TABLE conference_invitees (
      conference_id uuid NOT NULL REFERENCES conferences(id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users(id),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      invited_at timestamptz NOT NULL DEFAULT now(),
      acknowledged_at timestamptz,
      acknowledgement text,
      PRIMARY KEY (conference_id, user_id),
      CHECK ((acknowledged_at IS NULL) = (acknowledgement IS NULL))
    )`);
    await q.query(`CREATE INDEX conference_invitees_user_idx ON conference_invitees (user_id, conference_id)`);

    // Sealed minutes stay sealed even for a writer that bypasses the API. Deletes stay possible:
    // retention removes a case and, through the cascade, its agenda items.
    await q.query(`CREATE FUNCTION conference_minutes_locked() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_TABLE_NAME = 'conferences' THEN
          IF OLD.status = 'CLOSED' THEN
            RAISE EXCEPTION 'conference % is closed: its minutes are locked', OLD.id USING ERRCODE = 'insufficient_privilege';
          END IF;
        ELSIF EXISTS (SELECT 1 FROM conferences WHERE id = OLD.conference_id AND status = 'CLOSED') THEN
          RAISE EXCEPTION 'conference % is closed: its minutes are locked', OLD.conference_id USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER conferences_minutes_locked BEFORE UPDATE ON conferences FOR EACH ROW EXECUTE FUNCTION conference_minutes_locked()`);
    await q.query(`CREATE TRIGGER conference_items_minutes_locked BEFORE UPDATE ON conference_items FOR EACH ROW EXECUTE FUNCTION conference_minutes_locked()`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['conference_invitees', 'conference_items', 'conferences']) await q.query(`DROP TABLE ${t}`);
    await q.query(`DROP FUNCTION conference_minutes_locked()`);
  }
}
