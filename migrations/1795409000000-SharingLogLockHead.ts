import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The append lock and the tree head in one round trip (issue 8: appends at half the raw cost or
 * better). VOLATILE, so in READ COMMITTED the head query takes its snapshot after the lock is
 * granted: it sees every append committed before this one could start, as two statements did.
 * PL/pgSQL keeps the head query's plan, which a statement sent as text re-plans on every append.
 */
export class SharingLogLockHead1795409000000 implements MigrationInterface {
  name = 'SharingLogLockHead1795409000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION sharing_log_lock_head(lock_key bigint)
      RETURNS TABLE (log_size text, size text, root_hash bytea, chain_head text, frontier bytea, note text, signed_at timestamptz)
      LANGUAGE plpgsql VOLATILE AS $$
      #variable_conflict use_column
      BEGIN
        PERFORM pg_advisory_xact_lock(lock_key);
        RETURN QUERY SELECT coalesce((SELECT max(l.seq) FROM sharing_log l), 0)::text, h.size::text, h.root_hash, h.chain_head, h.frontier, h.note, h.signed_at
          FROM (SELECT 1) one LEFT JOIN LATERAL (SELECT * FROM sharing_log_tree_heads t ORDER BY t.size DESC LIMIT 1) h ON true;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP FUNCTION sharing_log_lock_head(bigint)');
  }
}
