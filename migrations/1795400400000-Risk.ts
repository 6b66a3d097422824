import type { MigrationInterface, QueryRunner } from 'typeorm';

// Risk assessments (product.md step 3 "Weging"): one row per structured professional judgement
// about one person, with the instrument key + version that makes a person's history comparable.
// `answers` and `level_rationale` hold CryptoService ciphertext (notes may name people).
export class Risk1795400400000 implements MigrationInterface {
  name = 'Risk1795400400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE risk_assessments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      person_id uuid NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
      instrument_key text NOT NULL,
      instrument_version integer NOT NULL CHECK (instrument_version > 0),
      answers text NOT NULL,
      indicators jsonb NOT NULL,
      prompts jsonb NOT NULL,
      score numeric,
      suggested_level text CHECK (suggested_level IN ('LOW','MEDIUM','HIGH','VERY_HIGH')),
      level text NOT NULL CHECK (level IN ('LOW','MEDIUM','HIGH','VERY_HIGH')),
      level_rationale text,
      violence_pattern text CHECK (violence_pattern IN ('SITUATIONAL','INTIMATE_TERRORISM','UNCLEAR')),
      assessed_by uuid NOT NULL REFERENCES users(id),
      assessed_agency_id uuid NOT NULL REFERENCES agencies(id),
      created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      CHECK (suggested_level IS NULL OR score IS NOT NULL)
    )`);
    await q.query(`CREATE INDEX risk_assessments_case_idx ON risk_assessments (case_id, created_at)`);
    await q.query(`CREATE INDEX risk_assessments_person_idx ON risk_assessments (person_id, instrument_key, instrument_version, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE risk_assessments`);
  }
}
