import type { AppAbility } from './define-ability';
import type { Action, SubjectType } from './subjects';

export interface SqlCondition {
  sql: string;
  params: Record<string, unknown>;
}

/**
 * How one rule field becomes SQL: given the parameter name to bind the rule's value to, return
 * the expression (e.g. `agencyIds` → `EXISTS (SELECT 1 FROM case_agencies … = :p)`).
 */
export type FieldSql = (param: string, value: unknown) => string;
export type FieldSqlMap = Record<string, FieldSql>;

const NO_ROWS: SqlCondition = { sql: 'FALSE', params: {} };

/**
 * Turns the caller's CASL rules for (action, subject) into a WHERE clause, so list endpoints
 * filter in the database with exactly the rules the row checks use. Each permitted rule is an OR
 * branch (its conditions ANDed); an inverted rule is ANDed as NOT. A field without a mapping throws:
 * silently ignoring a condition would widen what a user sees.
 */
export function rulesToSql(ability: AppAbility, action: Action, subject: SubjectType, fields: FieldSqlMap, prefix = 'casl'): SqlCondition {
  const rules = ability.rulesFor(action, subject);
  const params: Record<string, unknown> = {};
  let n = 0;
  const bind = (value: unknown) => {
    const name = `${prefix}_${n++}`;
    params[name] = value;
    return name;
  };
  const conditionSql = (conditions: Record<string, unknown> | undefined): string => {
    if (!conditions || Object.keys(conditions).length === 0) return 'TRUE';
    const parts = Object.entries(conditions).map(([field, value]) => {
      const toSql = fields[field];
      if (!toSql) throw new Error(`rulesToSql: no SQL mapping for field "${field}" of ${subject}`);
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        const ops = value as Record<string, unknown>;
        if ('$in' in ops && Array.isArray(ops['$in'])) {
          const values = ops['$in'] as unknown[];
          return values.length ? `(${values.map((v) => toSql(bind(v), v)).join(' OR ')})` : 'FALSE';
        }
        if ('$eq' in ops) return toSql(bind(ops['$eq']), ops['$eq']);
        throw new Error(`rulesToSql: unsupported operator in ${field}: ${Object.keys(ops).join(',')}`);
      }
      return toSql(bind(value), value);
    });
    return parts.length === 1 ? parts[0]! : `(${parts.join(' AND ')})`;
  };

  // A rule granted twice (e.g. by two roles of one user) is one branch: the database would otherwise
  // evaluate the same subquery twice for every row it skips.
  const seen = new Set<string>();
  const allowed = rules.filter((r) => {
    if (r.inverted) return false;
    const key = JSON.stringify(r.conditions ?? {});
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const denied = rules.filter((r) => r.inverted);
  if (allowed.length === 0) return NO_ROWS;
  // Cheap branches first (a column comparison before a subquery): PostgreSQL evaluates OR arms in order.
  const allow = allowed.map((r) => conditionSql(r.conditions as Record<string, unknown> | undefined)).sort((a, b) => cost(a) - cost(b));
  let sql = allow.includes('TRUE') ? 'TRUE' : `(${allow.join(' OR ')})`;
  for (const r of denied) sql = `${sql} AND NOT ${conditionSql(r.conditions as Record<string, unknown> | undefined)}`;
  return { sql, params };
}

/** A rough evaluation cost of a branch: how many subqueries it runs. */
function cost(sql: string): number {
  return sql.split(/\bSELECT\b/i).length - 1;
}
