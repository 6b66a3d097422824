/**
 * The least a module's erasure functions need from a database connection: a pg client (worker) and a
 * TypeORM EntityManager (API, inside its transaction) both fit, so both run the same module code.
 */
export interface Sql {
  query(text: string, params?: unknown[]): Promise<unknown>;
}

/** Rows of a query through either kind of connection (pg answers `{ rows }`, TypeORM the rows). */
export async function rowsOf<T>(sql: Sql, text: string, params?: unknown[]): Promise<T[]> {
  const r = (await sql.query(text, params)) as T[] | { rows: T[] };
  return Array.isArray(r) ? r : r.rows;
}
