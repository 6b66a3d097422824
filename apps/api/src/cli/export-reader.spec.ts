import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readExport } from './export-reader';

const dir = mkdtempSync(join(tmpdir(), 'schakel-reader-'));

async function read(text: string) {
  const file = join(dir, `${Math.random()}.json`);
  writeFileSync(file, text);
  const seen: { header?: Record<string, unknown>; entries: unknown[] } = { entries: [] };
  await readExport(file, { header: (h) => ((seen.header = h), true), entry: (e) => (seen.entries.push(e), true) });
  return seen;
}

describe('readExport', () => {
  const entries = Array.from({ length: 3000 }, (_, i) => ({ seq: i + 1, note: `a "quoted" {brace} ] text ${'x'.repeat(i % 700)}`, list: ['a', 'b'] }));

  it('streams entries spanning chunk boundaries, strings with braces and brackets included', async () => {
    const seen = await read(JSON.stringify({ format: 'f', checkpoint: { size: 3000 }, entries }));
    expect(seen.header).toMatchObject({ format: 'f', checkpoint: { size: 3000 } });
    expect(seen.entries).toEqual(entries);
  });

  it('keeps escaped quotes and backslashes inside strings, at any chunk boundary', async () => {
    // Over 3 MB with entry lengths stepping by one, so 1 MB chunk edges fall on every escape position.
    const tricky = Array.from({ length: 20000 }, (_, i) => ({ seq: i + 1, note: `${'y'.repeat(i % 300)}\\ "}" \\\\" \u0022 ]{ \\`, tail: '\\' }));
    const seen = await read(JSON.stringify({ format: 'f', checkpoint: { size: 20000 }, entries: tricky }));
    expect(seen.entries).toEqual(tricky);
  });

  it('falls back to a whole parse when the checkpoint comes after the entries (format 1)', async () => {
    const seen = await read(JSON.stringify({ format: 'f', entries: entries.slice(0, 2), checkpoint: { seq: 2 } }, null, 2));
    expect(seen.header).toMatchObject({ checkpoint: { seq: 2 } });
    expect(seen.entries).toHaveLength(2);
  });

  it('rejects a truncated document', async () => {
    await expect(read(JSON.stringify({ format: 'f', checkpoint: {}, entries }).slice(0, -1))).rejects.toThrow();
  });
});
