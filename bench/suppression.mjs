#!/usr/bin/env node
// Benchmark: what complementary suppression (ADR 0014) costs per published table, against naive
// small-cell suppression, and how many more cells it hides. Run after `nx run api:build`
// (`npm run bench` builds it) or directly: `node bench/suppression.mjs`.
// Environment: BENCH_TABLES (default 2000 random tables per shape).
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const root = new URL('..', import.meta.url).pathname;
const { protectTable, protectBreakdown, isSmallCount } = require(join(root, 'dist/api/libs/domain/src/suppression.js'));

const N = Number(process.env.BENCH_TABLES ?? 2000);
let seed = 20261129;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const count = () => (rand() < 0.4 ? Math.floor(rand() * 5) : Math.floor(rand() * 40));
const shapes = [
  {
    name: 'breakdown 8 cells (overview)',
    make: () => Array.from({ length: 8 }, count),
    run: (c) =>
      protectBreakdown(
        c,
        c.reduce((a, b) => a + b, 0),
        true,
      ),
    oneWay: true,
  },
  { name: 'table 2x4 (role x gender)', make: () => [0, 1].map(() => Array.from({ length: 4 }, count)), run: protectTable },
  { name: 'table 6x8', make: () => Array.from({ length: 6 }, () => Array.from({ length: 8 }, count)), run: protectTable },
];
for (const s of shapes) {
  const tables = Array.from({ length: N }, s.make);
  const t0 = process.hrtime.bigint();
  let hidden = 0;
  let small = 0;
  let withheld = 0;
  for (const t of tables) {
    const out = s.run(t);
    const cells = s.oneWay ? t : t.flat();
    small += cells.filter(isSmallCount).length;
    if (out === null) {
      withheld++;
      continue;
    }
    hidden += (s.oneWay ? out.cells : out.cells.flat()).filter((c) => c === null).length;
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const t1 = process.hrtime.bigint();
  for (const t of tables) (s.oneWay ? t : t.flat()).map((c) => (isSmallCount(c) ? null : c));
  const naiveMs = Number(process.hrtime.bigint() - t1) / 1e6;
  console.log(
    `${s.name}: ${((ms / N) * 1000).toFixed(1)} µs/table (naive ${((naiveMs / N) * 1000).toFixed(2)} µs, ratio ${(ms / Math.max(naiveMs, 1e-6)).toFixed(0)}x); cells hidden ${hidden} vs ${small} small (${(hidden / Math.max(small, 1)).toFixed(2)}x)${withheld ? `; withheld ${withheld}/${N}` : ''}`,
  );
}
