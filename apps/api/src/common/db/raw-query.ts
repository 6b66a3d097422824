import { EntityManager, QueryFailedError, type DataSource } from 'typeorm';

interface PgPool {
  query(text: string, values: unknown[]): Promise<{ rows: unknown[] }>;
}

/**
 * A raw statement on the hot read paths, straight on TypeORM's node-postgres pool when no transaction
 * is open: `DataSource.query` builds a query runner, takes and releases a pool client and wraps the
 * result on every call, a cost the case list and detail pay several times per request (issue 14).
 * Inside a transaction (an EntityManager with its query runner) it is the manager's query. A
 * failure is TypeORM's QueryFailedError either way, so the exception filter maps it the same.
 */
export async function rawQuery<R>(db: DataSource | EntityManager, text: string, values: unknown[] = []): Promise<R[]> {
  const ds = db instanceof EntityManager ? (db.queryRunner ? null : db.dataSource) : db;
  const pool = ds ? (ds.driver as unknown as { master?: PgPool }).master : undefined;
  if (!pool) return (await db.query(text, values)) as R[];
  try {
    return (await pool.query(text, values)).rows as R[];
  } catch (e) {
    throw new QueryFailedError(text, values, e as Error);
  }
}
