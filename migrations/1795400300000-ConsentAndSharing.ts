import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ConsentAndSharing1795400300000 implements MigrationInterface {
  name = 'ConsentAndSharing1795400300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE consents (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      person_id uuid NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
      status text NOT NULL CHECK (status IN ('GIVEN','REFUSED','WITHDRAWN')),
      method text NOT NULL CHECK (method IN ('WRITTEN','VERBAL','DIGITAL')),
      scope_agency_ids uuid[] NOT NULL,
      scope_data_categories text[] NOT NULL,
      valid_until date,
      evidence text,
      recorded_by uuid NOT NULL REFERENCES users(id),
      recorded_agency_id uuid NOT NULL REFERENCES agencies(id),
      recorded_at timestamptz NOT NULL DEFAULT now(),
      withdrawn_at timestamptz,
      withdrawn_by uuid REFERENCES users(id),
      withdrawal_reason text
    )`);
    await q.query(`CREATE INDEX consents_case_idx ON consents (case_id, person_id)`);
    await q.query(`CREATE TABLE notices (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      person_id uuid NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
      informed_at timestamptz,
      method text,
      withheld boolean NOT NULL DEFAULT false,
      justification text,
      review_date date,
      recorded_by uuid NOT NULL REFERENCES users(id),
      recorded_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((withheld AND justification IS NOT NULL) OR (NOT withheld AND informed_at IS NOT NULL))
    )`);
    await q.query(`CREATE INDEX notices_case_idx ON notices (case_id, person_id)`);
    await q.query(`CREATE TABLE disclosures (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      case_id uuid NOT NULL REFERENCES cases(id),
      contribution_id uuid NOT NULL REFERENCES contributions(id),
      from_agency_id uuid NOT NULL REFERENCES agencies(id),
      from_user_id uuid NOT NULL REFERENCES users(id),
      legal_basis text NOT NULL,
      consent_id uuid REFERENCES consents(id),
      justification text,
      log_seq bigint NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX disclosures_contribution_idx ON disclosures (contribution_id)`);
    await q.query(`CREATE INDEX disclosures_case_idx ON disclosures (case_id)`);
    await q.query(`CREATE TABLE disclosure_recipients (
      disclosure_id uuid NOT NULL REFERENCES disclosures(id),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      PRIMARY KEY (disclosure_id, agency_id)
    )`);
    await q.query(`CREATE INDEX disclosure_recipients_agency_idx ON disclosure_recipients (agency_id, disclosure_id)`);

    // The sharing log: append-only, hash-chained. `district` and `case_agency_ids` are copied at
    // append time so the log can be scoped and verified without joining mutable tables.
    await q.query(`CREATE TABLE sharing_log (
      seq bigint PRIMARY KEY,
      at timestamptz NOT NULL,
      case_id uuid NOT NULL,
      protocol_id uuid NOT NULL,
      district text NOT NULL,
      case_agency_ids uuid[] NOT NULL,
      contribution_id uuid,
      from_agency_id uuid NOT NULL,
      from_user_id uuid NOT NULL,
      to_agency_ids uuid[] NOT NULL,
      legal_basis text NOT NULL,
      categories text[] NOT NULL,
      justification text,
      consent_id uuid,
      prev_hash text NOT NULL,
      hash text NOT NULL UNIQUE
    )`);
    await q.query(`CREATE INDEX sharing_log_case_idx ON sharing_log (case_id, seq)`);
    await q.query(`CREATE INDEX sharing_log_protocol_idx ON sharing_log (protocol_id, seq)`);
    await q.query(`CREATE INDEX sharing_log_district_idx ON sharing_log (district, seq)`);
    await q.query(`CREATE TABLE sharing_log_checkpoints (
      seq bigint PRIMARY KEY REFERENCES sharing_log(seq),
      head_hash text NOT NULL,
      at timestamptz NOT NULL,
      signature text NOT NULL,
      public_key text NOT NULL
    )`);
    await q.query(`CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const table of ['sharing_log', 'sharing_log_checkpoints', 'disclosures', 'disclosure_recipients']) {
      await q.query(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
      await q.query(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['sharing_log_checkpoints', 'sharing_log', 'disclosure_recipients', 'disclosures', 'notices', 'consents']) await q.query(`DROP TABLE ${t}`);
    await q.query(`DROP FUNCTION refuse_change()`);
  }
}
