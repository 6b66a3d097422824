import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1795400000000 implements MigrationInterface {
  name = 'Foundation1795400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE job_runs (
      id bigserial PRIMARY KEY,
      queue text NOT NULL,
      job_name text NOT NULL,
      job_id text,
      started_at timestamptz NOT NULL,
      finished_at timestamptz NOT NULL,
      result jsonb NOT NULL DEFAULT '{}'::jsonb
    )`);
    await q.query(`CREATE INDEX job_runs_finished_at_idx ON job_runs (finished_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE job_runs`);
  }
}
