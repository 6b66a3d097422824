import type { Sql } from '../../database/sql';

/**
 * The conferences module's part of an erasure: a sealed agenda item cannot be updated (trigger), so
 * the case's items go; the conference, its seal and the other cases' items stay.
 */
export async function eraseConferenceItems(sql: Sql, caseIds: string[]): Promise<void> {
  if (!caseIds.length) return;
  await sql.query(`DELETE FROM conference_items WHERE case_id = ANY($1)`, [caseIds]);
}
