/**
 * The row a statement always returns (an aggregate without GROUP BY, `SELECT … FROM (SELECT 1)`,
 * `INSERT … RETURNING` of one row). @throws Error naming the statement when it returned none.
 */
export function firstRow<T>(rows: readonly T[], what: string): T {
  const row = rows[0];
  if (row === undefined) throw new Error(`expected a row from ${what}, got none`);
  return row;
}
