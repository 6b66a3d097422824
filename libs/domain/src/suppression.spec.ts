import fc from 'fast-check';
import { MINIMUM_CELL, isSmallCount, protectBreakdown, protectTable } from './suppression';

/**
 * The reader's side, written independently of the algorithm: the published table as linear
 * equations (every row and column adds up to its total, the totals to the grand total) over the
 * hidden entries, each an integer ≥ 1. Returns the values `target` can take up to `bound`.
 */
type Cell = number | null;
interface Published {
  cells: Cell[][];
  rowTotals: Cell[];
  columnTotals: Cell[];
  total: Cell;
}

function feasibleValues(pub: Published, target: [number, number] | ['row', number] | ['col', number] | ['total'], bound: number, stopAfter = 2): Set<number> {
  // Variables: every entry, known or not. Constraints: lists of [entryIndex, coefficient] summing to 0.
  const rows = pub.cells.length;
  const cols = pub.cells[0]?.length ?? 0;
  const known: Cell[] = [...pub.cells.flat(), ...pub.rowTotals, ...pub.columnTotals, pub.total];
  const cell = (r: number, c: number) => r * cols + c;
  const rowT = (r: number) => rows * cols + r;
  const colT = (c: number) => rows * cols + rows + c;
  const grand = rows * cols + rows + cols;
  const constraints: [number, number][][] = [];
  for (let r = 0; r < rows; r++) constraints.push([...Array.from({ length: cols }, (_, c): [number, number] => [cell(r, c), 1]), [rowT(r), -1]]);
  for (let c = 0; c < cols; c++) constraints.push([...Array.from({ length: rows }, (_, r): [number, number] => [cell(r, c), 1]), [colT(c), -1]]);
  constraints.push([...Array.from({ length: rows }, (_, r): [number, number] => [rowT(r), 1]), [grand, -1]]);
  constraints.push([...Array.from({ length: cols }, (_, c): [number, number] => [colT(c), 1]), [grand, -1]]);
  const t =
    target[0] === 'row' ? rowT(target[1]) : target[0] === 'col' ? colT(target[1]) : target[0] === 'total' ? grand : cell(target[0], target[1] as number);
  return solveValues(known, constraints, t, bound, stopAfter);
}

function breakdownValues(pub: { cells: Cell[]; total: Cell }, target: number | 'total', bound: number): Set<number> {
  const known = [...pub.cells, pub.total];
  const constraint: [number, number][] = [...pub.cells.map((_, i): [number, number] => [i, 1]), [pub.cells.length, -1]];
  return solveValues(known, [constraint], target === 'total' ? pub.cells.length : target, bound, 2);
}

/** Depth-first search with propagation: a constraint with one unknown left fixes it. */
function solveValues(known: Cell[], constraints: [number, number][][], target: number, bound: number, stopAfter: number): Set<number> {
  const found = new Set<number>();
  const feasible = (vals: Cell[]): boolean => {
    const v = [...vals];
    for (let changed = true; changed;) {
      changed = false;
      for (const k of constraints) {
        const unknown = k.filter(([i]) => v[i] === null);
        const rest = k.reduce((s, [i, a]) => s + (v[i] === null ? 0 : a * v[i]!), 0);
        if (unknown.length === 0) {
          if (rest !== 0) return false;
          continue;
        }
        if (unknown.length === 1) {
          const [i, a] = unknown[0]!;
          const value = -rest / a;
          if (!Number.isInteger(value) || value < 1 || value > bound) return false;
          v[i] = value;
          changed = true;
        }
      }
    }
    const open = v.findIndex((x) => x === null);
    if (open < 0) return true;
    for (let x = 1; x <= bound; x++) {
      const next = [...v];
      next[open] = x;
      if (feasible(next)) return true;
    }
    return false;
  };
  for (let x = 1; x <= bound && found.size < stopAfter; x++) {
    const v = [...known];
    v[target] = x;
    if (feasible(v)) found.add(x);
  }
  return found;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
// Small counts on purpose: most cells 0–9, so that 1–4 are frequent.
const count = fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 12 }));
const table = fc
  .integer({ min: 1, max: 3 })
  .chain((rows) =>
    fc.integer({ min: 1, max: 4 }).chain((cols) => fc.array(fc.array(count, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows })),
  );

describe('protectTable (two-way table with margins)', () => {
  it('hides every count from 1 to 4, publishes the rest unchanged or hidden', () => {
    const out = protectTable([
      [1, 6, 0],
      [7, 8, 12],
    ]);
    expect(out.cells[0]![0]).toBeNull();
    expect(out.cells[0]![2]).toBe(0);
    expect(out.total).toBe(34);
  });

  it('naive suppression leaks by subtraction; complementary suppression does not', () => {
    const cells = [
      [1, 6],
      [7, 8],
    ];
    const naive: Published = {
      cells: [
        [null, 6],
        [7, 8],
      ],
      rowTotals: [7, 15],
      columnTotals: [8, 14],
      total: 22,
    };
    expect([...feasibleValues(naive, [0, 0], 40, 40)]).toEqual([1]);
    const out = protectTable(cells);
    expect(out.cells).toEqual([
      [null, null],
      [null, null],
    ]);
    expect(feasibleValues(out, [0, 0], 40).size).toBe(2);
  });

  it('protects a small margin too', () => {
    const out = protectTable([
      [2, 0],
      [9, 10],
    ]);
    expect(out.rowTotals[0]).toBeNull();
    expect(feasibleValues(out, ['row', 0], 60).size).toBe(2);
    expect(feasibleValues(out, [0, 0], 60).size).toBe(2);
  });

  it('brute force: over random small tables, every hidden entry admits at least two values', () => {
    fc.assert(
      fc.property(table, (cells) => {
        const out = protectTable(cells);
        const rows = cells.length;
        const cols = cells[0]!.length;
        const bound = sum(cells.flat()) + 2;
        const targets: { at: Parameters<typeof feasibleValues>[1]; truth: number; shown: Cell }[] = [
          ...cells.flatMap((row, r) => row.map((v, c) => ({ at: [r, c] as [number, number], truth: v, shown: out.cells[r]![c]! }))),
          ...cells.map((row, r) => ({ at: ['row', r] as ['row', number], truth: sum(row), shown: out.rowTotals[r]! })),
          ...Array.from({ length: cols }, (_, c) => ({
            at: ['col', c] as ['col', number],
            truth: sum(cells.map((row) => row[c]!)),
            shown: out.columnTotals[c]!,
          })),
          { at: ['total'] as ['total'], truth: sum(cells.flat()), shown: out.total },
        ];
        expect(targets).toHaveLength(rows * cols + rows + cols + 1);
        for (const { at, truth, shown } of targets) {
          if (shown !== null) expect(shown).toBe(truth); // published values are the real ones
          if (isSmallCount(truth)) expect(shown).toBeNull();
          // Every hidden entry, small or complementary, could be something else.
          if (shown === null) expect([at, feasibleValues(out, at, bound).size]).toEqual([at, 2]);
        }
      }),
      { seed: 20261129, numRuns: 300 },
    );
  });
});

describe('protectBreakdown (one-way breakdown next to its total)', () => {
  it('hides a second cell so the first cannot be computed from the total', () => {
    expect(protectBreakdown([1, 5, 9])).toEqual({ cells: [null, null, 9], total: 15 });
  });

  it('two ones alone would add up to exactly two: a third cell is hidden', () => {
    const out = protectBreakdown([1, 1, 6, 8])!;
    expect(out.cells.filter((c) => c === null).length).toBeGreaterThanOrEqual(3);
    expect(breakdownValues(out, 0, 30).size).toBe(2);
  });

  it('withholds a breakdown whose total is fixed elsewhere when only the total could protect it', () => {
    expect(protectBreakdown([1, 1, 1, 1, 1], 5, true)).toBeNull();
    expect(protectBreakdown([2, 3], 5, true)).toEqual({ cells: [null, null], total: 5 });
    expect(protectBreakdown([3], 3, true)).toBeNull();
    expect(protectBreakdown([3], 3, false)).toEqual({ cells: [null], total: null });
  });

  it('publishes everything when nothing is small', () => {
    expect(protectBreakdown([0, 5, 7])).toEqual({ cells: [0, 5, 7], total: 12 });
    expect(MINIMUM_CELL).toBe(5);
  });

  it('brute force: every hidden cell admits at least two values', () => {
    fc.assert(
      fc.property(fc.array(count, { minLength: 1, maxLength: 6 }), fc.boolean(), (cells, fixed) => {
        const out = protectBreakdown(cells, sum(cells), fixed);
        if (out === null) return; // withheld entirely
        if (fixed) expect(out.total).toBe(sum(cells));
        cells.forEach((v, i) => {
          if (out.cells[i] !== null) expect(out.cells[i]).toBe(v);
          if (isSmallCount(v)) expect(out.cells[i]).toBeNull();
          if (out.cells[i] === null) expect(breakdownValues(out, i, sum(cells) + 2).size).toBe(2);
        });
        if (isSmallCount(sum(cells))) expect(breakdownValues(out, 'total', sum(cells) + 2).size).toBeGreaterThanOrEqual(2);
      }),
      { seed: 20261129, numRuns: 500 },
    );
  });
});
