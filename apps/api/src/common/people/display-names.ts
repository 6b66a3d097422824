import type { DataSource, EntityManager } from 'typeorm';

/** Display names of staff accounts, for "who decided / assessed / evaluated" in views. */
export async function displayNames(db: DataSource | EntityManager, ids: (string | null | undefined)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((x): x is string => !!x))];
  if (!unique.length) return new Map();
  const rows: { id: string; display_name: string }[] = await db.query('SELECT id, display_name FROM users WHERE id = ANY($1)', [unique]);
  return new Map(rows.map((r) => [r.id, r.display_name]));
}
