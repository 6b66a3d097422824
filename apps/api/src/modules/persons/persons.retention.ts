import type { Sql } from '../../database/sql';

/** The persons module's part of an erasure: relationships, person disclosures and data requests (the sharing log keeps the evidence). */
export async function erasePersonRecords(sql: Sql, caseIds: string[]): Promise<void> {
  if (!caseIds.length) return;
  for (const table of ['person_relationships', 'person_disclosures', 'person_data_requests']) {
    await sql.query(`DELETE FROM ${table} WHERE case_id = ANY($1)`, [caseIds]);
  }
}
