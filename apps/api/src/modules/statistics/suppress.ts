import { MINIMUM_CELL, isSmallCount, protectBreakdown } from '@schakel/domain';

export { MINIMUM_CELL };

/** A count published on its own (no total next to it): 0 stays 0, 1…4 becomes null. */
export function suppress(count: number): number | null {
  return isSmallCount(count) ? null : count;
}

export interface Breakdown<K> {
  key: K;
  count: number;
}

/**
 * Breakdowns of the same cases, each published next to their common total: small cells and their
 * complements become null (libs/domain/suppression). A breakdown that could only be protected by
 * hiding the shared total is withheld (empty) and named in `withheld`; a total of 1–4 withholds all.
 */
export function protectBreakdowns<T extends Record<string, Breakdown<unknown>[]>>(total: number, breakdowns: T) {
  const withheld: (keyof T & string)[] = [];
  const out = {} as { [P in keyof T]: { key: T[P][number]['key']; count: number | null }[] };
  for (const [name, rows] of Object.entries(breakdowns) as [keyof T & string, Breakdown<unknown>[]][]) {
    const result = isSmallCount(total)
      ? null
      : protectBreakdown(
          rows.map((r) => r.count),
          total,
          true,
        );
    if (result === null && rows.length) withheld.push(name);
    out[name] = (result === null ? [] : rows.map((r, i) => ({ key: r.key, count: result.cells[i] ?? null }))) as never;
  }
  return { total: suppress(total), breakdowns: out, withheld };
}
