import { EntityManager, type DataSource, type EntityTarget, type ObjectLiteral } from 'typeorm';

/**
 * Entities from the rows of a raw `SELECT t.*`, by the entity's column metadata: what TypeORM's
 * hydration gives, without its query building. A column added to the entity later is picked up
 * without touching the query. `date` columns come back as 'YYYY-MM-DD' strings, as TypeORM returns them.
 */
export function hydrate<T extends ObjectLiteral>(db: DataSource | EntityManager, target: EntityTarget<T>, rows: Record<string, unknown>[]): T[] {
  const meta = (db instanceof EntityManager ? db.dataSource : db).getMetadata(target);
  const columns = meta.columns.map((c) => ({ property: c.propertyName, column: c.databaseName, isDate: c.type === 'date' }));
  return rows.map((row) => {
    const entity = meta.create() as T;
    for (const c of columns) {
      const value = row[c.column];
      (entity as Record<string, unknown>)[c.property] = c.isDate && value instanceof Date ? localDay(value) : value;
    }
    return entity;
  });
}

// node-postgres parses a `date` as local midnight: read it back in local time.
function localDay(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
