import type { Sql } from '../../database/sql';

/** The consent module's part of an erasure: consents and notices name a person and what they said. */
export async function eraseConsentRecords(sql: Sql, caseIds: string[]): Promise<void> {
  if (!caseIds.length) return;
  await sql.query(`DELETE FROM consents WHERE case_id = ANY($1)`, [caseIds]);
  await sql.query(`DELETE FROM notices WHERE case_id = ANY($1)`, [caseIds]);
}
