import type { Pool } from 'pg';
import { eraseCases, selectExpiredCases } from '../../../api/src/database/case-erasure';

/**
 * Anonymises closed cases whose protocol retention period has passed (and that are not on legal
 * hold). The worker only orchestrates: each module erases its own tables (apps/api …/*.retention.ts)
 * and the case's data key is destroyed; the skeleton, its timeline and the sharing log stay.
 */
export async function anonymiseExpiredCases(pool: Pool): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const ids = await selectExpiredCases(client);
    await eraseCases(client, ids, 'ANONYMISED');
    await client.query('COMMIT');
    return ids.length;
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  } finally {
    client.release();
  }
}
