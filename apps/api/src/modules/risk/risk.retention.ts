import type { Sql } from '../../database/sql';

/** The risk module's part of an erasure: assessments are answers about a person. */
export async function eraseRiskAssessments(sql: Sql, caseIds: string[]): Promise<void> {
  if (!caseIds.length) return;
  await sql.query(`DELETE FROM risk_assessments WHERE case_id = ANY($1)`, [caseIds]);
}
