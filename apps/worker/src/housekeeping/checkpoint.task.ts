import type { Pool } from 'pg';
import { signCheckpoint } from '@schakel/platform';

/**
 * Signs a sharing-log checkpoint at the current head when the head has moved since the last one, so
 * a quiet log is still sealed at least daily (the API also signs every CHECKPOINT_EVERY entries).
 * Returns the checkpointed seq, or 0 when there was nothing new.
 */
export async function checkpointSharingLog(pool: Pool, signingKey: string): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // The API's append lock: no entry is added while the head is read and sealed.
    await client.query('SELECT pg_advisory_xact_lock(74580002)');
    const head = await client.query<{ seq: string; hash: string }>('SELECT seq, hash FROM sharing_log ORDER BY seq DESC LIMIT 1');
    const last = await client.query<{ seq: string }>('SELECT seq FROM sharing_log_checkpoints ORDER BY seq DESC LIMIT 1');
    const row = head.rows[0];
    if (!row || (last.rows[0] && last.rows[0].seq === row.seq)) {
      await client.query('COMMIT');
      return 0;
    }
    const signed = signCheckpoint({ seq: Number(row.seq), headHash: row.hash, at: new Date().toISOString() }, signingKey);
    await client.query('INSERT INTO sharing_log_checkpoints (seq, head_hash, at, signature, public_key) VALUES ($1, $2, $3, $4, $5)',
      [row.seq, signed.headHash, signed.at, signed.signature, signed.publicKey]);
    await client.query('COMMIT');
    return signed.seq;
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  } finally {
    client.release();
  }
}
