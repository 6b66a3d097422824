import type { AppAbility } from './define-ability';
import type { Action, SubjectType } from './subjects';

export interface SqlCondition { sql: string; params: Record<string, unknown> }

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

  const allowed = rules.filter((r) => !r.inverted);
  const denied = rules.filter((r) => r.inverted);
  if (allowed.length === 0) return NO_ROWS;
  const allow = allowed.map((r) => conditionSql(r.conditions as Record<string, unknown> | undefined));
  let sql = allow.includes('TRUE') ? 'TRUE' : `(${allow.join(' OR ')})`;
  for (const r of denied) sql = `${sql} AND NOT ${conditionSql(r.conditions as Record<string, unknown> | undefined)}`;
  return { sql, params };
}
