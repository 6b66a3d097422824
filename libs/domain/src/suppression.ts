/**
 * Small-cell suppression with complementary suppression (ADR 0014).
 *
 * A count from 1 to 4 is never published: a handful of families can be recognised. Hiding it is not
 * enough when totals are published next to it — the hidden value is then the total minus the rest. So
 * more cells ("complements") are hidden until every hidden small count can take at least two values
 * given everything that is published.
 *
 * What the reader is assumed to know: every published value, every published total, that a hidden
 * entry is at least 1 (zeros are published as 0 and never chosen as complements), and nothing more —
 * small and complementary cells are published alike as `null`, so no upper bound of 4 applies.
 *
 * Why the check is exact: a table with its margins is a network (each entry sits on exactly two
 * lines that sum to zero once totals are negated), so its constraint matrix is totally unimodular.
 * A hidden entry can take a second integer value iff a ±1 move around a cycle of hidden entries keeps
 * every entry ≥ 1 — a path search in a small directed graph.
 */

/** Cells under this count are not published: small numbers can re-identify a family. */
export const MINIMUM_CELL = 5;

/** 1…4: a count that must not be published. 0 is published. */
export function isSmallCount(n: number): boolean {
  return n > 0 && n < MINIMUM_CELL;
}

/** The lines an entry sits on (a row-type and a column-type line) and its sign in both. */
export interface SuppressionEntry {
  value: number;
  row: string;
  col: string;
  /** +1 for a cell and the grand total, -1 for a margin (lines sum to zero with margins negated). */
  sign: 1 | -1;
  /** Order of preference when choosing complements: cells before margins before the grand total. */
  rank: number;
}

/** Whether y can go up by one without a hidden entry dropping below 1. */
const canIncrease = (e: SuppressionEntry) => e.sign === 1 || e.value > 1;
const canDecrease = (e: SuppressionEntry) => e.sign === -1 || e.value > 1;

/**
 * Whether the hidden entry `target` admits another value than its own, given the other hidden
 * entries (everything else published). Search a directed path closing a cycle through the target:
 * row→col over entries whose y can rise, col→row over entries whose y can fall.
 */
export function admitsAnotherValue(entries: readonly SuppressionEntry[], hidden: ReadonlySet<number>, target: number): boolean {
  const t = entries[target]!;
  const path = (from: string, to: string) => {
    const seen = new Set([from]);
    const queue = [from];
    while (queue.length) {
      const v = queue.shift()!;
      if (v === to) return true;
      for (const i of hidden) {
        if (i === target) continue;
        const e = entries[i]!;
        const next = e.row === v && canIncrease(e) ? e.col : e.col === v && canDecrease(e) ? e.row : null;
        if (next !== null && !seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    return false;
  };
  // Raise y of the target (row→col), come back col→…→row; or lower it (col→row), come back row→…→col.
  return (canIncrease(t) && path(t.col, t.row)) || (canDecrease(t) && path(t.row, t.col));
}

/**
 * Hide every small entry, then add complements until each small entry admits two values. Greedy:
 * prefer one complement that protects on its own (lowest rank, then smallest value); otherwise hide
 * the cheapest candidate sharing a line with the target. Each step hides one more entry and hiding
 * everything protects everything, so it ends.
 */
function protect(entries: readonly SuppressionEntry[]): Set<number> {
  const hidden = new Set<number>();
  entries.forEach((e, i) => {
    if (isSmallCount(e.value)) hidden.add(i);
  });
  const candidates = () =>
    entries
      .map((_, i) => i)
      .filter((i) => !hidden.has(i) && entries[i]!.value > 0)
      .sort((a, b) => entries[a]!.rank - entries[b]!.rank || entries[a]!.value - entries[b]!.value || a - b);
  for (;;) {
    const target = [...hidden].find((i) => isSmallCount(entries[i]!.value) && !admitsAnotherValue(entries, hidden, i));
    if (target === undefined) return publishImplied(entries, hidden);
    const options = candidates();
    const alone = options.find((c) => admitsAnotherValue(entries, new Set([...hidden, c]), target));
    const t = entries[target]!;
    const near = options.find((c) => [entries[c]!.row, entries[c]!.col].some((l) => l === t.row || l === t.col));
    const pick = alone ?? near ?? options[0];
    if (pick === undefined) return hidden; // nothing left to hide: cannot happen with entries ≥ 1 (see tests)
    hidden.add(pick);
  }
}

/**
 * A complement that ended up off every cycle is implied by what is published anyway: showing it
 * changes nothing the reader can infer, and "hidden" then always means "could be something else".
 */
function publishImplied(entries: readonly SuppressionEntry[], hidden: Set<number>): Set<number> {
  for (const i of [...hidden]) {
    if (!isSmallCount(entries[i]!.value) && !admitsAnotherValue(entries, hidden, i)) hidden.delete(i);
  }
  return hidden;
}

export interface ProtectedTable {
  cells: (number | null)[][];
  rowTotals: (number | null)[];
  columnTotals: (number | null)[];
  total: number | null;
}

/** Entries of a rows×columns table with row totals, column totals and the grand total. */
export function tableEntries(cells: readonly (readonly number[])[]): SuppressionEntry[] {
  const rows = cells.length;
  const cols = rows ? cells[0]!.length : 0;
  const entries: SuppressionEntry[] = [];
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) entries.push({ value: cells[r]![c]!, row: `r${r}`, col: `c${c}`, sign: 1, rank: 0 });
  for (let r = 0; r < rows; r++) entries.push({ value: sum(cells[r]!), row: `r${r}`, col: 'cT', sign: -1, rank: 1 });
  for (let c = 0; c < cols; c++) entries.push({ value: sum(cells.map((row) => row[c]!)), row: 'rT', col: `c${c}`, sign: -1, rank: 1 });
  entries.push({ value: sum(cells.map(sum)), row: 'rT', col: 'cT', sign: 1, rank: 2 });
  return entries;
}

/** A two-way table published with its margins, small counts and their complements as `null`. */
export function protectTable(cells: readonly (readonly number[])[]): ProtectedTable {
  const rows = cells.length;
  const cols = rows ? cells[0]!.length : 0;
  if (cells.some((r) => r.length !== cols)) throw new Error('protectTable: ragged table');
  const entries = tableEntries(cells);
  const hidden = protect(entries);
  const out = (i: number) => (hidden.has(i) ? null : entries[i]!.value);
  return {
    cells: cells.map((row, r) => row.map((_, c) => out(r * cols + c))),
    rowTotals: cells.map((_, r) => out(rows * cols + r)),
    columnTotals: Array.from({ length: cols }, (_, c) => out(rows * cols + rows + c)),
    total: out(rows * cols + rows + cols),
  };
}

/** Entries of a one-way breakdown with its total: one line, the other side unconstrained. */
export function breakdownEntries(cells: readonly number[], total: number): SuppressionEntry[] {
  return [
    ...cells.map((value): SuppressionEntry => ({ value, row: 'line', col: 'free', sign: 1, rank: 0 })),
    { value: total, row: 'line', col: 'free', sign: -1, rank: 1 },
  ];
}

export interface ProtectedBreakdown {
  cells: (number | null)[];
  total: number | null;
}

/**
 * A breakdown published next to its total (e.g. cases per stage and the number of cases).
 * `totalFixed`: the total is published elsewhere too (several breakdowns of the same cases), so it
 * cannot be hidden here; if protection needs the total hidden (it is itself 1–4, or every hidden cell
 * is 1 and they add up to what the total leaves), the answer is `null`: withhold the whole breakdown,
 * since even the number of its non-zero categories could give the counts away.
 */
export function protectBreakdown(cells: readonly number[], total = sum(cells), totalFixed = false): ProtectedBreakdown | null {
  if (total !== sum(cells)) throw new Error('protectBreakdown: cells do not add up to the total');
  const entries = breakdownEntries(cells, total);
  const hidden = protect(entries);
  if (totalFixed && hidden.has(cells.length)) return null;
  return { cells: cells.map((c, i) => (hidden.has(i) ? null : c)), total: hidden.has(cells.length) ? null : total };
}

function sum(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}
