import { createHash, generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  checkpointBody,
  GENESIS_HASH,
  entryLeafHash,
  justificationCommitment,
  LogVerifier,
  MerkleFrontier,
  publicKeyFromPrivate,
  publicKeyPem,
  redactEntry,
  sealEntry,
  SHARING_LOG_EXPORT_FORMAT_V2,
  signNote,
  startModuleWorker,
  verifyExportV2,
  WorkerPool,
  type RedactedSharingLogEntry,
  type SharingLogEntry,
  type SharingLogExportV2,
} from '@schakel/platform';
import type { StretchResult, StretchTask } from './export-worker';
import { runCli } from './verify-sharing-log';

// The offline verifier hands stretches of a large export to worker threads and folds their leaves;
// its verdicts must be exactly those of one pass in one thread.

const key = generateKeyPairSync('ed25519').privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
const origin = 'test.schakel/sharing-log';
let dir: string;

function exportText(n: number, change?: (entries: (SharingLogEntry | RedactedSharingLogEntry)[]) => void): string {
  const sealed: SharingLogEntry[] = [];
  for (let seq = 1; seq <= n; seq++) {
    const nonce = createHash('sha256').update(`n${seq}`).digest('base64');
    const justification = seq % 7 === 0 ? `why ${seq}` : null;
    sealed.push(
      sealEntry(sealed.at(-1)?.hash ?? GENESIS_HASH, {
        seq,
        at: new Date(Date.UTC(2026, 10, 23, 9, 0, seq)).toISOString(),
        caseId: randomUUID(),
        protocolId: randomUUID(),
        contributionId: randomUUID(),
        fromAgencyId: randomUUID(),
        fromUserId: randomUUID(),
        toAgencyIds: [randomUUID()],
        legalBasis: 'ART_458TER',
        categories: ['RISK_ASSESSMENT'],
        justification: null,
        consentId: null,
        district: 'Antwerpen',
        caseAgencyIds: [randomUUID()],
        legalReference: 'art. 458ter Sw.',
        justificationCommitment: justification ? justificationCommitment(nonce, justification) : null,
        version: 'v2',
      }),
    );
    if (justification) Object.assign(sealed[seq - 1]!, { justification, justificationNonce: nonce });
  }
  const v = new LogVerifier();
  for (const e of sealed) v.push(e);
  const entries: (SharingLogEntry | RedactedSharingLogEntry)[] = sealed.map((e) =>
    e.seq % 11 === 0 ? redactEntry(e, entryLeafHash(e).toString('base64')) : e,
  );
  change?.(entries);
  const note = signNote(checkpointBody(origin, n, v.root()), origin, key);
  return JSON.stringify({
    format: SHARING_LOG_EXPORT_FORMAT_V2,
    exportedAt: '2026-11-24T08:00:00.000Z',
    checkpoint: { origin, size: n, rootHash: v.root().toString('base64'), note },
    entries,
  });
}

async function both(name: string, text: string, trusted?: string) {
  const file = join(dir, name);
  writeFileSync(file, text);
  writeFileSync(join(dir, 'key.pem'), publicKeyPem(publicKeyFromPrivate(key)));
  if (trusted !== undefined) writeFileSync(join(dir, 'trusted.txt'), trusted);
  const out = async (threads: number) => {
    const lines: string[] = [];
    const code = await runCli(
      [file, '--public-key', join(dir, 'key.pem'), ...(trusted === undefined ? [] : ['--trusted-checkpoint', join(dir, 'trusted.txt')])],
      (s) => lines.push(s),
      { threads },
    );
    return { code, output: lines.join('\n') };
  };
  return { one: await out(1), parallel: await out(2) };
}

/** The verdict of the reference verifier (every entry parsed and pushed) on the whole document, as the CLI words it. */
function reference(text: string, trusted?: string): string {
  let doc: SharingLogExportV2;
  try {
    doc = JSON.parse(text) as SharingLogExportV2;
  } catch {
    return 'INVALID: export is not valid JSON';
  }
  const r = verifyExportV2(doc, publicKeyPem(publicKeyFromPrivate(key)), trusted);
  if (r.valid) return `OK: ${r.entries} entries`;
  return r.firstBrokenSeq !== undefined ? `BROKEN at seq ${r.firstBrokenSeq}: ${r.reason}` : `INVALID: ${r.reason}`;
}

/** Both thread counts say what the reference says. */
async function asReference(name: string, text: string, trusted?: string) {
  const { one, parallel } = await both(name, text, trusted);
  const want = reference(text, trusted);
  for (const r of [one, parallel]) expect(r.output.split('\n')[0]!.slice(0, want.length)).toBe(want);
  expect(parallel).toEqual(one);
  return one;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'schakel-verify-parallel-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('verify-sharing-log on worker threads', () => {
  it('hands a stretch to a worker thread and gets the tree of its leaves back', async () => {
    const entries = (JSON.parse(exportText(300)) as { entries: unknown[] }).entries;
    const texts = entries.slice(256).map((e) => Buffer.from(JSON.stringify(e)));
    const offs = new Int32Array(texts.length * 2);
    let at = 0;
    texts.forEach((t, i) => {
      offs[2 * i] = at;
      at += t.length;
      offs[2 * i + 1] = at;
    });
    const pool = new WorkerPool<StretchTask, StretchResult>(() => startModuleWorker(__dirname, 'export-worker'), 1);
    try {
      const r = await pool.run({ bytes: Buffer.concat(texts), offs, count: texts.length, marks: [3] });
      expect(r).toMatchObject({ valid: true, firstSeq: 257, count: 44, redacted: 4 });
      // 44 = 32 + 8 + 4 leaves: three complete subtrees; at 3: two.
      expect(r.tree.byteLength).toBe(3 * 32);
      expect(r.snapshots.map(([size, b]) => [size, b.byteLength])).toEqual([[3, 64]]);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('accepts an intact export, withheld entries and justifications included', async () => {
    const { one, parallel } = await both('ok.json', exportText(5000));
    expect(one.code).toBe(0);
    expect(parallel).toEqual(one);
  }, 120_000);

  it.each([
    [
      'a changed column',
      (es: (SharingLogEntry | RedactedSharingLogEntry)[]) => {
        (es[2999] as SharingLogEntry).district = 'Gent';
      },
    ],
    [
      'a dropped entry at a stretch edge',
      (es: (SharingLogEntry | RedactedSharingLogEntry)[]) => {
        es.splice(2048, 1);
      },
    ],
    [
      'a changed leaf hash of a withheld entry',
      (es: (SharingLogEntry | RedactedSharingLogEntry)[]) => {
        (es[4399] as RedactedSharingLogEntry).leafHash = Buffer.alloc(32).toString('base64');
      },
    ],
    [
      'a justification that does not match',
      (es: (SharingLogEntry | RedactedSharingLogEntry)[]) => {
        (es[13] as SharingLogEntry).justification = 'other';
      },
    ],
  ])(
    'names the same entry as one pass for %s',
    async (_what, change) => {
      const { one, parallel } = await both('bad.json', exportText(5000, change));
      expect(one.code).toBe(1);
      expect(parallel).toEqual(one);
    },
    120_000,
  );

  // Every column of entry 3001 (inside a stretch, not at its edge) changed: the reference verdict.
  const sample = (JSON.parse(exportText(3)) as { entries: Record<string, unknown>[] }).entries[0]!;
  it.each(Object.keys(sample).filter((k) => k !== 'justification'))(
    'gives the reference verdict with %s changed in an entry',
    async (column) => {
      const text = exportText(5000, (es) => {
        const e = es[3000] as unknown as Record<string, unknown>;
        const v = e[column];
        e[column] =
          typeof v === 'string'
            ? `${v.slice(0, -1)}${v.endsWith('0') ? '1' : '0'}`
            : typeof v === 'number'
              ? v + 1
              : Array.isArray(v)
                ? [...(v as string[]), 'x']
                : 'x';
      });
      expect((await asReference('column.json', text)).code).toBe(1);
    },
    120_000,
  );

  it('checks a trusted checkpoint whose size falls inside a stretch', async () => {
    const text = exportText(5000);
    const entries = (JSON.parse(text) as { entries: (SharingLogEntry | RedactedSharingLogEntry)[] }).entries;
    const at3000 = MerkleFrontier.empty();
    for (const e of entries.slice(0, 3000)) at3000.append('redacted' in e ? Buffer.from(e.leafHash!, 'base64') : entryLeafHash(e));
    const good = signNote(checkpointBody(origin, 3000, at3000.root()), origin, key);
    expect((await asReference('trusted.json', text, good)).code).toBe(0);
    const other = signNote(checkpointBody(origin, 3000, Buffer.alloc(32, 7)), origin, key);
    const bad = await asReference('trusted.json', text, other);
    expect(bad.code).toBe(1);
    expect(bad.output).toContain('does not extend the trusted checkpoint of size 3000');
  }, 120_000);

  it('gives the reference verdict for a pretty-printed export with a byte order mark', async () => {
    const text = `\ufeff${JSON.stringify(JSON.parse(exportText(3000)), null, 2)}`;
    const { one, parallel } = await both('pretty.json', text);
    expect(one.code).toBe(0);
    expect(parallel).toEqual(one);
  }, 120_000);

  it.each([0, 1])(
    'gives the same verdicts when the main thread verifies stretches too (%d queued per worker)',
    async (perWorker) => {
      for (const [name, text] of [
        ['ok.json', exportText(9000)],
        [
          'bad.json',
          exportText(9000, (es) => {
            (es[6999] as SharingLogEntry).caseId = randomUUID();
          }),
        ],
      ] as const) {
        const file = join(dir, name);
        writeFileSync(file, text);
        writeFileSync(join(dir, 'key.pem'), publicKeyPem(publicKeyFromPrivate(key)));
        const lines: string[] = [];
        const code = await runCli([file, '--public-key', join(dir, 'key.pem')], (s) => lines.push(s), { threads: 2, perWorker });
        expect(lines[0]!.slice(0, reference(text).length)).toBe(reference(text));
        expect(code).toBe(name === 'ok.json' ? 0 : 1);
      }
    },
    120_000,
  );

  it('says the same as one pass about an entry that is not JSON', async () => {
    const text = exportText(3000).replace('"seq":2500,', '"seq":2500,,');
    const { one, parallel } = await both('notjson.json', text);
    expect(one.code).toBe(1);
    expect(parallel).toEqual(one);
  }, 120_000);
});
