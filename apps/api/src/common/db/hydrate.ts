import { EntityManager, type DataSource, type EntityMetadata, type EntityTarget, type ObjectLiteral } from 'typeorm';

/**
 * Entities from the rows of a raw `SELECT t.*`, by the entity's column metadata: what TypeORM's
 * hydration gives, without its query building. A column added to the entity later is picked up
 * without touching the query. `date` columns come back as 'YYYY-MM-DD' strings, as TypeORM returns them.
 * Entities are made as TypeORM makes them from rows (`create` with `fromDeserializer`: the constructor
 * runs unless the data source sets `entitySkipConstructor`).
 */
export function hydrate<T extends ObjectLiteral>(db: DataSource | EntityManager, target: EntityTarget<T>, rows: Record<string, unknown>[]): T[] {
  const meta = (db instanceof EntityManager ? db.dataSource : db).getMetadata(target);
  let make = hydratorOf.get(meta);
  if (!make) hydratorOf.set(meta, (make = compileHydrator(meta)));
  return rows.map(make) as T[];
}

type Row = Record<string, unknown>;
// Per entity, made once (metadata never changes after the data source is built).
const hydratorOf = new WeakMap<object, (row: Row) => unknown>();

/**
 * One row → one entity, as straight-line code made once per entity: every entity of a kind gets its
 * properties in the same order from the same code, so V8 keeps one shape and plain property stores
 * (a loop of `entity[name] = …` was a megamorphic keyed store per column, 5% of the list's CPU, issue 14).
 * The names come from the entity's column metadata (our code, never input) and are quoted with
 * JSON.stringify. An entity with lazy relations, or a data source adding a type name, goes through
 * TypeORM's own `create` as before.
 */
function compileHydrator(meta: EntityMetadata): (row: Row) => unknown {
  const columns = meta.columns.map((c) => ({ property: c.propertyName, column: c.databaseName, isDate: c.type === 'date' }));
  if (meta.lazyRelations.length || meta.dataSource.options.typename || typeof meta.target !== 'function') {
    return (row) => {
      const entity = meta.create(undefined, { fromDeserializer: true }) as Row;
      for (const c of columns) {
        const value = row[c.column];
        entity[c.property] = c.isDate && value instanceof Date ? localDay(value) : value;
      }
      return entity;
    };
  }
  const body = columns
    .map((c, i) => {
      const read = `row[${JSON.stringify(c.column)}]`;
      return c.isDate
        ? `const v${i} = ${read}; e[${JSON.stringify(c.property)}] = v${i} instanceof Date ? localDay(v${i}) : v${i};`
        : `e[${JSON.stringify(c.property)}] = ${read};`;
    })
    .join('\n');
  // As TypeORM's `create`: the constructor runs unless the data source is set to skip it (entitySkipConstructor).
  const make = meta.isAlwaysUsingConstructor ? 'new Target()' : 'Object.create(Target.prototype)';
  const factory = new Function('Target', 'localDay', `return function hydrateRow(row) {\nconst e = ${make};\n${body}\nreturn e;\n};`) as (
    target: unknown,
    day: typeof localDay,
  ) => (row: Row) => unknown;
  return factory(meta.target, localDay);
}

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
