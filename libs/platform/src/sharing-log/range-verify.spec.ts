import { createHash, generateKeyPairSync, randomUUID } from 'node:crypto';
import { GENESIS_HASH, type SharingLogEntry, type SharingLogEntryData } from './entry';
import { LogVerifier, sealEntry } from './hash-chain';
import { storedTextRow } from './stored-row.testing';
import { merkleLeafHash, MerkleFrontier } from './merkle';
import { checkpointBody, signNote } from './note';
import { verifyRange } from './range-verify';
import { verifyStoredLog, type Sql, type SqlArrays } from './store';

// Parallel verification cuts the log into aligned power-of-two ranges and folds their trees; it must
// give exactly the verdicts of one sequential pass, wherever the log is broken.

describe('MerkleFrontier.extend', () => {
  it('folds aligned ranges into the tree a sequential append builds', () => {
    const leaves = Array.from({ length: 70 }, (_, i) => merkleLeafHash(`leaf ${i}`));
    for (const width of [1, 2, 4, 8, 32]) {
      for (let n = 0; n <= leaves.length; n++) {
        const seq = MerkleFrontier.empty();
        for (const l of leaves.slice(0, n)) seq.append(l);
        const folded = MerkleFrontier.empty();
        for (let lo = 0; lo < n; lo += width) {
          const part = MerkleFrontier.empty();
          for (const l of leaves.slice(lo, Math.min(lo + width, n))) part.append(l);
          folded.extend(part);
        }
        expect({ width, n, size: folded.size, root: folded.root().toString('hex') }).toEqual({ width, n, size: n, root: seq.root().toString('hex') });
      }
    }
  });

  it('refuses a subtree that is not aligned', () => {
    const f = MerkleFrontier.empty();
    f.append(merkleLeafHash('a'));
    const two = MerkleFrontier.empty();
    two.append(merkleLeafHash('b'));
    two.append(merkleLeafHash('c'));
    expect(() => f.extend(two)).toThrow(RangeError);
  });
});

const key = generateKeyPairSync('ed25519').privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
const signer = { origin: 'test.schakel/sharing-log', signingKey: key };

function data(seq: number): SharingLogEntryData {
  return {
    seq,
    at: new Date(Date.UTC(2026, 10, 23, 12, 0, seq)).toISOString(),
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
    justificationCommitment: createHash('sha256').update(String(seq)).digest('hex'),
    version: 'v2',
  };
}

/** An in-memory sharing_log answering the statements verifyStoredLog and verifyRange issue. */
function fakeLog(n: number, witnessedAt: number[] = []) {
  const entries: SharingLogEntry[] = [];
  for (let i = 1; i <= n; i++) entries.push(sealEntry(entries.at(-1)?.hash ?? GENESIS_HASH, data(i)));
  const rows = entries.map((e) => storedTextRow(e));
  const v = new LogVerifier();
  const heads = new Map<number, { root: Buffer; frontier: Buffer; chainHead: string }>();
  const want = new Set([...witnessedAt, n]);
  for (const r of rows) {
    v.pushStoredRow(r);
    if (want.has(v.size)) heads.set(v.size, { root: v.root(), frontier: v.frontierState().toBytes(), chainHead: v.headHash });
  }
  const head = heads.get(n)!;
  const note = signNote(checkpointBody(signer.origin, n, head.root), signer.origin, key);
  const signedAt = new Date();
  const sql: Sql = async <T>(text: string) => {
    if (text.includes('FROM sharing_log_tree_heads ORDER BY size DESC')) {
      return [
        {
          log_size: String(rows.length),
          size: String(n),
          root_hash: head.root,
          chain_head: head.chainHead,
          frontier: head.frontier,
          note,
          signed_at: signedAt,
        },
      ] as T[];
    }
    if (text.includes('sharing_log_cosignatures')) return witnessedAt.map((s) => ({ size: String(s), root_hash: heads.get(s)!.root })) as T[];
    if (text.includes('max(seq)')) return [{ n: String(Math.max(0, ...rows.map((r) => r[0] as number))) }] as T[];
    throw new Error(`unexpected statement ${text}`);
  };
  const arrays: SqlArrays = async (text, params = []) => {
    const [a = 0, b = 0] = params as number[];
    if (text.startsWith('SELECT hash FROM sharing_log WHERE seq = $1')) return rows.filter((r) => r[0] === a).map((r) => [r[15]]);
    const limit = /LIMIT (\d+)/.exec(text);
    if (limit) return rows.filter((r) => (r[0] as number) > a).slice(0, Number(limit[1]));
    if (text.includes('seq > $1 AND seq <= $2')) return rows.filter((r) => (r[0] as number) > a && (r[0] as number) <= b);
    throw new Error(`unexpected statement ${text}`);
  };
  return { rows, sql, arrays };
}

type Log = ReturnType<typeof fakeLog>;
const sequential = (log: Log) => verifyStoredLog(log.sql, signer, { arrays: log.arrays, chunkSize: 2 ** 20, pageSize: 7 });
const chunked = (log: Log, chunkSize: number) =>
  verifyStoredLog(log.sql, signer, {
    arrays: log.arrays,
    chunkSize,
    pageSize: 3,
    parallel: 3,
    run: (task) => verifyRange(log.arrays, task),
  });

describe('verifyStoredLog in aligned ranges', () => {
  it('verifies a log whatever the range size, with the root of one sequential pass', async () => {
    const log = fakeLog(37, [5, 16, 20]);
    const ref = await sequential(log);
    expect(ref).toMatchObject({ valid: true, entries: 37, treeSize: 37 });
    for (const chunkSize of [1, 2, 4, 8, 16, 64]) expect(await chunked(log, chunkSize)).toEqual(ref);
    // In this thread, sliced, without a runner.
    expect(await verifyStoredLog(log.sql, signer, { arrays: log.arrays, chunkSize: 8, pageSize: 5 })).toEqual(ref);
  });

  it.each([1, 4, 5, 8, 9, 16, 17, 33, 37])('names the same entry as one sequential pass when entry %i is changed, dropped or unlinked', async (seq) => {
    const tamper: ((log: Log) => void)[] = [
      (log) => {
        log.rows[seq - 1]![4] = 'Gent';
      },
      (log) => {
        log.rows.splice(seq - 1, 1);
      },
      (log) => {
        log.rows[seq - 1]![14] = 'a'.repeat(64);
      },
      (log) => {
        log.rows[seq - 1]![15] = 'b'.repeat(64);
      },
      (log) => {
        log.rows[seq - 1]![0] = seq + 100;
        log.rows.sort((x, y) => (x[0] as number) - (y[0] as number));
      },
    ];
    for (const [i, t] of tamper.entries()) {
      const log = fakeLog(37, [12, 20]);
      t(log);
      const ref = await sequential(log);
      expect(ref.valid).toBe(false);
      for (const chunkSize of [4, 8, 16]) expect({ i, chunkSize, v: await chunked(log, chunkSize) }).toEqual({ i, chunkSize, v: ref });
    }
  });

  it('checks a cosigned root inside a range', async () => {
    const log = fakeLog(20, [6]);
    const wrong = fakeLog(20, [6]);
    // Another log's cosigned root at size 6: the tree there differs, whatever the chain says.
    const sql: Sql = async <T>(text: string, params?: unknown[]) =>
      text.includes('sharing_log_cosignatures') ? await wrong.sql<T>(text, params) : log.sql<T>(text, params);
    const ref = await verifyStoredLog(sql, signer, { arrays: log.arrays, chunkSize: 2 ** 20 });
    expect(ref).toMatchObject({ valid: false, firstBrokenSeq: 6 });
    expect(await verifyStoredLog(sql, signer, { arrays: log.arrays, chunkSize: 4, parallel: 2, run: (task) => verifyRange(log.arrays, task) })).toEqual(ref);
  });
});
