import type { Pool } from 'pg';

/**
 * Anonymises closed cases whose protocol retention period has passed (and that are not on legal
 * hold): persons (with their consents and notices), contribution content and the case summary are
 * removed; the case skeleton, its timeline and the sharing log stay as the record of what was done.
 */
export async function anonymiseExpiredCases(pool: Pool): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<{ id: string }>(`
      SELECT c.id FROM cases c JOIN protocols p ON p.id = c.protocol_id
      WHERE c.stage = 'AFGESLOTEN' AND NOT c.legal_hold AND c.anonymised_at IS NULL
        AND c.closed_at < now() - make_interval(months => p.retention_months)
      FOR UPDATE OF c SKIP LOCKED`);
    const ids = rows.map((r) => r.id);
    if (ids.length) {
      // Tables of later modules that hold personal data about persons of the case.
      for (const table of ['risk_assessments', 'conference_items']) {
        const exists = await client.query(`SELECT to_regclass($1) AS t`, [table]);
        if (exists.rows[0].t) await client.query(`DELETE FROM ${table} WHERE case_id = ANY($1)`, [ids]);
      }
      await client.query(`DELETE FROM persons WHERE case_id = ANY($1)`, [ids]);
      await client.query(`UPDATE contributions SET content = NULL WHERE case_id = ANY($1)`, [ids]);
      await client.query(`UPDATE cases SET summary = NULL, police_reference = NULL, anonymised_at = now(), version = version + 1 WHERE id = ANY($1)`, [ids]);
      await client.query(`INSERT INTO case_events (case_id, type, detail) SELECT unnest($1::uuid[]), 'ANONYMISED', '{}'::jsonb`, [ids]);
    }
    await client.query('COMMIT');
    return ids.length;
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  } finally {
    client.release();
  }
}
