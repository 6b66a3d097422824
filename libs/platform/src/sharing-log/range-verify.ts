// One seq range of the stored log, verified on its own: what a verification worker thread runs
// (see verify-workers.ts), and what verifyStoredLog() runs in-process without workers.
//
// Two modes. A *chunk* (no `frontier` given) builds its own Merkle tree from leaf 0: the chunk
// starts at a multiple of its power-of-two width, so its complete subtrees are subtrees of the
// log's tree and the caller appends them exactly (MerkleFrontier.extend); it starts from the stored
// hash of the entry before it, which the caller checks against the previous chunk's verified head.
// A *continuation* (`frontier` given) carries on the log's own tree and checks the expected roots
// on the way: the tail past the chunks, and the exact re-run from the first chunk that did not check out.

import { BinaryRowEncoder, copyRangeSql, COPY_ROW_FIELDS, CopyTupleReader } from './binary-rows';
import { GENESIS_HASH, HASH_PATTERN } from './entry';
import { LogVerifier, STORED_ROW_COLUMNS, type ChainVerification } from './hash-chain';
import { MerkleFrontier } from './merkle';

/** Runs a read and returns its rows as arrays in column order (pg's rowMode 'array'). */
export type RangeSql = (text: string, params?: unknown[]) => Promise<unknown[][]>;

/** Runs a `COPY … TO STDOUT` and yields its raw data as it arrives (pg-copy-streams' copy-to stream). */
export type CopyOut = (text: string) => AsyncIterable<Buffer>;

export interface RangeTask {
  /** Entries lo+1 .. hi; hi null: to the end of the log (keyset pages until a short one). */
  lo: number;
  hi: number | null;
  /** What entry lo+1 must follow; absent: the stored hash of entry lo (GENESIS_HASH for lo = 0). */
  prevHash?: string;
  /** Continuation: the log's tree at size lo (MerkleFrontier.toBytes()). */
  frontier?: Uint8Array;
  /** Continuation: roots the tree must have at these sizes (base64 would do too; bytes travel cheaper). */
  expect?: { size: number; root: Uint8Array; what: string }[];
  /** Binary rows without chain hashes (LogVerifier.deferChainHashes): only when a signed root is checked over the range. */
  deferChainHashes?: boolean;
  /** Chunk: report the chunk's own tree when the log reaches these sizes. */
  snapshots?: number[];
  pageSize?: number;
}

export interface RangeResult {
  lo: number;
  /** The hash the range was verified as following. */
  startPrev: string;
  /** Entries looked at. */
  count: number;
  /** Tree size: the chunk's own (chunk), the log's (continuation). */
  size: number;
  headHash: string;
  frontier: Uint8Array;
  snapshots: { size: number; frontier: Uint8Array }[];
  verdict: ChainVerification;
}

/**
 * Verifies one range; `pause` (in-process runs) is awaited now and then so the event loop keeps
 * serving. With `copy` (a worker's own connection to a UTF8 database) the rows come as one binary
 * COPY stream instead of text pages.
 */
export async function verifyRange(sql: RangeSql, task: RangeTask, pause?: () => Promise<void> | undefined, copy?: CopyOut): Promise<RangeResult> {
  const pageSize = task.pageSize ?? 5000;
  const { lo, hi } = task;
  let startPrev = task.prevHash;
  if (startPrev === undefined) {
    if (lo === 0) startPrev = GENESIS_HASH;
    else {
      const h = (await sql('SELECT hash FROM sharing_log WHERE seq = $1', [lo]))[0]?.[0];
      // Entry lo missing or odd: the chunk before this one fails and is re-run exactly; this start is never used.
      startPrev = typeof h === 'string' && HASH_PATTERN.test(h) ? h : 'f'.repeat(64);
    }
  }
  const verifier = task.frontier
    ? new LogVerifier(startPrev, lo + 1, MerkleFrontier.fromBytes(lo, Buffer.from(task.frontier.buffer, task.frontier.byteOffset, task.frontier.byteLength)))
    : new LogVerifier(startPrev, lo + 1);
  for (const e of task.expect ?? []) verifier.expectRoot(e.size, Buffer.from(e.root.buffer, e.root.byteOffset, e.root.byteLength), e.what);
  const snapAt = (task.snapshots ?? [])
    .filter((s) => s > lo && (hi === null || s <= hi))
    .map((s) => s - lo)
    .sort((a, b) => a - b);
  const snapshots: RangeResult['snapshots'] = [];
  let nextSnap = snapAt.shift() ?? -1;

  if (copy) {
    // One statement for the whole range; its stream is read to the end even after a failure, so the connection is left clean.
    const encoder = new BinaryRowEncoder();
    verifier.deferChainHashes = task.deferChainHashes === true;
    const reader = new CopyTupleReader(COPY_ROW_FIELDS, (buf, offs) => {
      if (!verifier.pushBinaryRow(buf, offs, encoder)) return;
      if (verifier.size === nextSnap) {
        snapshots.push({ size: lo + nextSnap, frontier: verifier.frontierState().toBytes() });
        nextSnap = snapAt.shift() ?? -1;
      }
    });
    if (hi === null || lo < hi) {
      for await (const chunk of copy(copyRangeSql(lo, hi))) if (verifier.ok) reader.feed(chunk);
      if (verifier.ok && !reader.ended) throw new Error('the COPY stream of the sharing log ended early');
    }
    verifier.settle();
    const verdict = verifier.result();
    return {
      lo,
      startPrev,
      count: verdict.entries,
      size: verifier.size,
      headHash: verifier.headHash,
      frontier: verifier.frontierState().toBytes(),
      snapshots,
      verdict,
    };
  }

  // Bounded: fixed seq windows, the next one asked for before the current one is hashed. Open: keyset pages.
  const page = (after: number) => {
    const q =
      hi === null
        ? sql(`SELECT ${STORED_ROW_COLUMNS} FROM sharing_log WHERE seq > $1 ORDER BY seq LIMIT ${pageSize}`, [after])
        : sql(`SELECT ${STORED_ROW_COLUMNS} FROM sharing_log WHERE seq > $1 AND seq <= $2 ORDER BY seq`, [after, Math.min(after + pageSize, hi)]);
    q.catch(() => undefined); // never leave a prefetch unobserved when verification stops early
    return q;
  };
  let after = lo;
  let pending: Promise<unknown[][]> | null = hi === null || lo < hi ? page(lo) : null;
  while (pending) {
    const rows = await pending;
    pending = null;
    if (hi !== null) {
      after = Math.min(after + pageSize, hi);
      if (after < hi) pending = page(after);
    } else if (rows.length === pageSize) {
      after = Number(rows.at(-1)?.[0]);
      pending = page(after);
    }
    for (let i = 0; i < rows.length; i++) {
      if (!verifier.pushStoredRow(rows[i]!)) break;
      if (verifier.size === nextSnap) {
        snapshots.push({ size: lo + nextSnap, frontier: verifier.frontierState().toBytes() });
        nextSnap = snapAt.shift() ?? -1;
      }
      if ((i & 255) === 255 && pause) {
        const p = pause();
        if (p) await p;
      }
    }
    if (!verifier.ok) break;
  }
  const verdict = verifier.result();
  return {
    lo,
    startPrev,
    count: verdict.entries,
    size: verifier.size,
    headHash: verifier.headHash,
    frontier: verifier.frontierState().toBytes(),
    snapshots,
    verdict,
  };
}
