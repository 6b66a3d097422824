import type { DataSource } from 'typeorm';

// Arbitrary but fixed: every replica of the API takes the same lock, so exactly one migrates.
const MIGRATION_LOCK_KEY = 74_580_001;

/** Runs pending migrations under a PostgreSQL advisory lock, so replicas starting together don't race. */
export async function runMigrationsLocked(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
}
