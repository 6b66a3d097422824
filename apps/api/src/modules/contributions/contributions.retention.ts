import type { Sql } from '../../database/sql';

/** The contributions module's part of an erasure: the content goes; who contributed in which category stays. */
export async function eraseContributionContent(sql: Sql, caseIds: string[]): Promise<void> {
  if (!caseIds.length) return;
  await sql.query(`UPDATE contributions SET content = NULL WHERE case_id = ANY($1)`, [caseIds]);
}
