import type { Sql } from '../../database/sql';

/**
 * Destroys the data keys of these cases: every field sealed under them (justifications, rationales,
 * minutes, timeline reasons… also in append-only tables) becomes unreadable at once.
 */
export async function destroyCaseKeys(sql: Sql, caseIds: string[]): Promise<void> {
  if (!caseIds.length) return;
  await sql.query(
    `INSERT INTO case_keys (case_id, wrapped_key, destroyed_at) SELECT unnest($1::uuid[]), NULL, now()
     ON CONFLICT (case_id) DO UPDATE SET wrapped_key = NULL, destroyed_at = COALESCE(case_keys.destroyed_at, now())`,
    [caseIds],
  );
}
