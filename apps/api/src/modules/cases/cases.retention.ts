import { rowsOf, type Sql } from '../../database/sql';

/**
 * Closed cases past their protocol's retention period and not on legal hold, locked for erasure
 * (SKIP LOCKED: two workers never take the same case).
 */
export async function selectExpiredCases(sql: Sql): Promise<string[]> {
  const rows = await rowsOf<{ id: string }>(
    sql,
    `
    SELECT c.id FROM cases c JOIN protocols p ON p.id = c.protocol_id
    WHERE c.stage = 'AFGESLOTEN' AND NOT c.legal_hold AND c.anonymised_at IS NULL
      AND c.closed_at < now() - make_interval(months => p.retention_months)
    FOR UPDATE OF c SKIP LOCKED`,
  );
  return rows.map((r) => r.id);
}

/**
 * The cases module's part of an erasure: the persons go (with what hangs on them by cascade), the
 * ring-encrypted summary, police reference, danger statement, incidents' PV numbers and waiver
 * reasons are cleared (they are under the key ring, not the case key, so destroying that key alone
 * would leave them readable); the skeleton (reference,
 * stage, dates, codes) and the timeline's types stay, and the timeline records the erasure.
 */
export async function anonymiseCaseRecords(sql: Sql, caseIds: string[], kind: 'ANONYMISED' | 'ERASED'): Promise<void> {
  if (!caseIds.length) return;
  await sql.query(`DELETE FROM persons WHERE case_id = ANY($1)`, [caseIds]);
  await sql.query(`UPDATE case_agencies SET waiver_reason = NULL WHERE case_id = ANY($1) AND waiver_reason IS NOT NULL`, [caseIds]);
  await sql.query(`UPDATE case_incidents SET police_reference = NULL WHERE case_id = ANY($1) AND police_reference IS NOT NULL`, [caseIds]);
  await sql.query(
    `UPDATE cases SET summary = NULL, police_reference = NULL, danger_statement = NULL, anonymised_at = now(), version = version + 1 WHERE id = ANY($1)`,
    [caseIds],
  );
  await sql.query(`INSERT INTO case_events (case_id, type, detail) SELECT unnest($1::uuid[]), $2, '{}'::jsonb`, [caseIds, kind]);
}
