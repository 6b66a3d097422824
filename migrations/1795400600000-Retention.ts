import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Anonymisation after the protocol's retention period: identity and content go, the skeleton stays. */
export class Retention1795400600000 implements MigrationInterface {
  name = 'Retention1795400600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cases ADD COLUMN anonymised_at timestamptz`);
    await q.query(`ALTER TABLE cases ALTER COLUMN summary DROP NOT NULL`);
    await q.query(`ALTER TABLE contributions ALTER COLUMN content DROP NOT NULL`);
    await q.query(`CREATE INDEX cases_retention_idx ON cases (closed_at) WHERE stage = 'AFGESLOTEN' AND anonymised_at IS NULL AND NOT legal_hold`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX cases_retention_idx`);
    await q.query(`ALTER TABLE cases DROP COLUMN anonymised_at`);
  }
}
