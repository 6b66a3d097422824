import { EntityManager, type DataSource, type EntityTarget, type ObjectLiteral } from 'typeorm';

/**
 * Entities from the rows of a raw `SELECT t.*`, by the entity's column metadata: what TypeORM's
 * hydration gives, without its query building. A column added to the entity later is picked up
 * without touching the query. `date` columns come back as 'YYYY-MM-DD' strings, as TypeORM returns them.
 * Entities are made as TypeORM makes them from rows (`fromDeserializer`: the prototype without running
 * the constructor, so the class fields are not first defined as undefined).
 */
export function hydrate<T extends ObjectLiteral>(db: DataSource | EntityManager, target: EntityTarget<T>, rows: Record<string, unknown>[]): T[] {
  const meta = (db instanceof EntityManager ? db.dataSource : db).getMetadata(target);
  let columns = columnsOf.get(meta);
  if (!columns) columnsOf.set(meta, (columns = meta.columns.map((c) => ({ property: c.propertyName, column: c.databaseName, isDate: c.type === 'date' }))));
  return rows.map((row) => {
    const entity = meta.create(undefined, { fromDeserializer: true }) as T;
    for (const c of columns) {
      const value = row[c.column];
      (entity as Record<string, unknown>)[c.property] = c.isDate && value instanceof Date ? localDay(value) : value;
    }
    return entity;
  });
}

// Per entity, made once (metadata never changes after the data source is built).
const columnsOf = new WeakMap<object, { property: string; column: string; isDate: boolean }[]>();

const TIMESTAMP_TYPES = new Set<unknown>(['timestamptz', 'timestamp', 'timestamp with time zone', 'timestamp without time zone', Date]);
const STRING_NUMBER_TYPES = new Set<unknown>(['bigint', 'int8', 'numeric', 'decimal']);

/**
 * Entities from rows PostgreSQL rendered as JSON (`json_agg(t)`, `row_to_json(t)`): as hydrate(),
 * with what JSON loses put back as node-postgres would give it: timestamps become Dates, bigint and
 * numeric columns strings (a `date` is already 'YYYY-MM-DD').
 */
export function hydrateJson<T extends ObjectLiteral>(db: DataSource | EntityManager, target: EntityTarget<T>, rows: Record<string, unknown>[]): T[] {
  const meta = (db instanceof EntityManager ? db.dataSource : db).getMetadata(target);
  const columns = meta.columns.map((c) => ({
    property: c.propertyName,
    column: c.databaseName,
    kind: TIMESTAMP_TYPES.has(c.type) ? 'time' : STRING_NUMBER_TYPES.has(c.type) ? 'string' : 'as-is',
  }));
  return rows.map((row) => {
    const entity = meta.create(undefined, { fromDeserializer: true }) as T;
    for (const c of columns) {
      const value = row[c.column];
      (entity as Record<string, unknown>)[c.property] =
        value === null || value === undefined ? value : c.kind === 'time' ? new Date(value as string) : c.kind === 'string' ? String(value) : value;
    }
    return entity;
  });
}

// node-postgres parses a `date` as local midnight: read it back in local time.
function localDay(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
