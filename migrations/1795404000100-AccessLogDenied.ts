import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The access log also records denied attempts (403/404 on case routes): an outcome and the HTTP
 * status, and a case id that may be unknown (an attempt on an id that is no case keeps the id in
 * resource_id). An index serves the DPO's anomaly view (reads per user over time).
 */
export class AccessLogDenied1795404000100 implements MigrationInterface {
  name = 'AccessLogDenied1795404000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE access_log ADD COLUMN outcome text NOT NULL DEFAULT 'READ' CHECK (outcome IN ('READ', 'DENIED'))`);
    await q.query(`ALTER TABLE access_log ADD COLUMN status smallint`);
    await q.query(`ALTER TABLE access_log ALTER COLUMN case_id DROP NOT NULL`);
    await q.query(`CREATE INDEX access_log_user_at_idx ON access_log (user_id, at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX access_log_user_at_idx`);
    await q.query(`DELETE FROM access_log WHERE case_id IS NULL`);
    await q.query(`ALTER TABLE access_log ALTER COLUMN case_id SET NOT NULL`);
    await q.query(`ALTER TABLE access_log DROP COLUMN status`);
    await q.query(`ALTER TABLE access_log DROP COLUMN outcome`);
  }
}
