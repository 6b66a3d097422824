import type { Pool } from 'pg';
import { checkpointAtHead, type LogSigner, type Sql } from '@schakel/platform';

/**
 * Makes sure a signed checkpoint covers the whole sharing log, so a log written around the API is
 * still sealed (after verification) at least daily. The writer, lock and signing rules are the
 * API's own (libs/platform sharing-log/store.ts). Returns the checkpointed size, or 0 when the
 * latest checkpoint already covered every entry.
 */
export async function checkpointSharingLog(pool: Pool, signer: LogSigner): Promise<number> {
  const client = await pool.connect();
  const sql: Sql = async (text, params) => (await client.query(text, params as unknown[])).rows;
  try {
    await client.query('BEGIN');
    const { head, signed } = await checkpointAtHead(sql, signer);
    await client.query('COMMIT');
    return signed && head ? head.size : 0;
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  } finally {
    client.release();
  }
}
