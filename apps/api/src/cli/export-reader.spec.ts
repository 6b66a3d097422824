import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EntryScanner, readExport } from './export-reader';

// The offline verifier cuts the entries out of the export's bytes with its own tokenizer. Whatever the
// chunk boundaries and whatever the strings hold, it must cut exactly the entries JSON.parse sees, and
// refuse between entries what JSON refuses.

const hostile = [
  { seq: 1, a: '},{"seq":2}', b: 'a "quoted" word', c: 'back\\slash\\', d: '\\"', e: ['[', ']', '{', '}'] },
  { seq: 2, nested: { x: { y: '}' } }, list: [{ z: 1 }, []], text: 'Li\u00e8ge \u{1F600} \u2028' },
  { seq: 3, empty: '', esc: '\u0000\u001f\n\t', quote: '"', brace: '{' },
  {},
];

function scanAll(chunks: Buffer[]): unknown[] {
  const s = new EntryScanner();
  const out: unknown[] = [];
  for (const c of chunks) {
    let from = 0;
    for (;;) {
      const at = s.scan(c, from, (buf, start, end) => {
        out.push(JSON.parse(buf.toString('utf8', start, end)));
        return true;
      });
      if (at === -1 || s.closed) break;
      from = at;
    }
  }
  if (!s.closed) throw new Error('not closed');
  return out;
}

describe('EntryScanner', () => {
  const compact = Buffer.from(`${JSON.stringify(hostile).slice(1)}`); // after the array's [
  const pretty = Buffer.from(`${JSON.stringify(hostile, null, 2).slice(1)}`);

  it.each([
    ['compact', compact],
    ['pretty-printed', pretty],
  ])('cuts the entries JSON.parse sees at every chunk boundary (%s)', (_what, bytes) => {
    for (let i = 0; i <= bytes.length; i++) {
      expect(scanAll([bytes.subarray(0, i), bytes.subarray(i)])).toEqual(hostile);
    }
    // And in one-byte chunks, splitting every multi-byte character.
    expect(scanAll([...bytes].map((b) => Buffer.from([b])))).toEqual(hostile);
  });

  it('stops where the sink asks and resumes after that entry', () => {
    const s = new EntryScanner();
    const seen: number[] = [];
    let at = s.scan(compact, 0, (buf, start, end) => {
      seen.push(end);
      return false;
    });
    expect(seen).toHaveLength(1);
    expect(compact[at - 1]).toBe(0x7d);
    while (!s.closed) at = s.scan(compact, at, () => true);
    expect(at).toBe(compact.length);
  });

  it.each([
    ['two entries without a comma', '{"a":1} {"b":2}]'],
    ['two commas', '{"a":1},,{"b":2}]'],
    ['a leading comma', ',{"a":1}]'],
    ['a trailing comma', '{"a":1},]'],
    ['a value that is not an object', '{"a":1},2]'],
    ['a string between entries', '{"a":1},"x",{"b":2}]'],
    ['a stray closing brace', '{"a":1}},{"b":2}]'],
    ['a byte order mark between entries', '{"a":1},\ufeff{"b":2}]'],
  ])('refuses %s', (_what, text) => {
    expect(() => scanAll([Buffer.from(text)])).toThrow(SyntaxError);
  });

  it('accepts an empty array', () => {
    expect(scanAll([Buffer.from(' \n]')])).toEqual([]);
  });
});

describe('readExport', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'schakel-export-reader-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const doc = { format: 'schakel-sharing-log-export/2', exportedAt: 'x', checkpoint: { note: '"entries":[ in a string' }, entries: hostile };

  async function read(text: string | Buffer) {
    const file = join(dir, 'e.json');
    writeFileSync(file, text);
    const header: Record<string, unknown>[] = [];
    const entries: unknown[] = [];
    await readExport(file, {
      header: (h) => {
        header.push(h);
        return true;
      },
      entry: (e) => {
        entries.push(e);
        return true;
      },
      entryBytes: (buf, start, end) => {
        entries.push(JSON.parse(buf.toString('utf8', start, end)));
        return true;
      },
    });
    return { header, entries };
  }

  it('reads a file with a byte order mark, compact or pretty-printed', async () => {
    for (const text of [JSON.stringify(doc), `\ufeff${JSON.stringify(doc)}`, JSON.stringify(doc, null, 2), `\ufeff${JSON.stringify(doc, null, 4)}\r\n`]) {
      const { header, entries } = await read(text);
      expect(entries).toEqual(hostile);
      expect(header[0]?.['checkpoint']).toEqual(doc.checkpoint);
    }
  });

  it('refuses a document that is not closed properly', async () => {
    await expect(read(JSON.stringify(doc).slice(0, -1))).rejects.toThrow(SyntaxError);
    await expect(read(`${JSON.stringify(doc)}x`)).rejects.toThrow(SyntaxError);
    await expect(read(JSON.stringify(doc).replace('"entries":[', '"entries":[,'))).rejects.toThrow(SyntaxError);
  });
});

// The tests this reader had before it read bytes: its behaviour through the `entry` sink (JSON.parse per entry).
describe('readExport through entry()', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'schakel-reader-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function read(text: string) {
    const file = join(dir, `${Math.random()}.json`);
    writeFileSync(file, text);
    const seen: { header?: Record<string, unknown>; entries: unknown[] } = { entries: [] };
    await readExport(file, { header: (h) => ((seen.header = h), true), entry: (e) => (seen.entries.push(e), true) });
    return seen;
  }

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
