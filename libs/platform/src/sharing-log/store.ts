// The sharing log in PostgreSQL: the one writer of entries and signed tree heads, shared by the API
// (appends, export) and the worker (nightly checkpoint), and the streaming verifier. SQL lives here
// so the lock key, the row layout and the signing rules exist once.

import { hash } from 'node:crypto';
import { entryPreimage } from './canonical';
import { GENESIS_HASH, type SharingLogEntry, type SharingLogEntryData } from './entry';
import { LogVerifier, type ChainVerification } from './hash-chain';
import { verifyRange, type RangeResult, type RangeTask } from './range-verify';
import { merkleLeafHash, MerkleFrontier, type Hash, type PerfectNode } from './merkle';
import { checkpointBody, parseCheckpointBody, parseSignedNote, signNote, verifyNoteSignature } from './note';
import { publicKeyFromPrivate } from './keys';
import { entryDataProblem } from './entry-shape';
import { firstRow } from '../rows';

/** Longest stretch of verification between two yields to the event loop. */
const SLICE_MS = 10;

/** Transaction-scoped advisory lock serialising appends and checkpoints (API and worker alike). */
export const SHARING_LOG_APPEND_LOCK = 74_580_002;

/** The log (or its latest tree head) does not check out: nothing may be signed over it. */
export class SharingLogIntegrityError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SharingLogIntegrityError';
  }
}

/** Runs a read and returns its rows as arrays in column order (pg's rowMode 'array'). */
export type SqlArrays = (text: string, params?: unknown[]) => Promise<unknown[][]>;

/** Runs one statement in the caller's transaction and returns its rows (pg Client / TypeORM manager adapters). */
export type Sql = <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;

export interface LogSigner {
  /** The checkpoint origin line, also the signature's key name. */
  origin: string;
  /** base64 PKCS#8 DER Ed25519 (SIGNING_KEY). */
  signingKey: string;
}

export interface TreeHead {
  size: number;
  rootHash: Hash;
  chainHead: string;
  frontier: MerkleFrontier;
  /** The signed C2SP checkpoint note. */
  note: string;
  signedAt: Date;
}

/** What a caller appends: everything but the position, the time and the links. */
export type NewEntry = Omit<SharingLogEntryData, 'seq' | 'at' | 'version' | 'justification' | 'justificationNonce'> & {
  district: string;
  caseAgencyIds: string[];
  legalReference: string | null;
  justificationCommitment: string | null;
};

interface HeadRow {
  log_size: string;
  size: string | null;
  root_hash: Buffer | null;
  chain_head: string | null;
  frontier: Buffer | null;
  note: string | null;
  signed_at: Date | null;
}

/** Takes the append lock, then reads HEAD_SQL's row with a snapshot from after the lock (migration 1795409000000). */
const LOCK_HEAD_SQL = 'SELECT * FROM sharing_log_lock_head($1)';

const HEAD_SQL = `SELECT coalesce((SELECT max(seq) FROM sharing_log), 0)::text AS log_size,
  h.size::text AS size, h.root_hash, h.chain_head, h.frontier, h.note, h.signed_at
  FROM (SELECT 1) one LEFT JOIN LATERAL (SELECT * FROM sharing_log_tree_heads ORDER BY size DESC LIMIT 1) h ON true`;

/** The columns a verifier needs, `at` already in the hashed spelling (no Date round trip per row). */
export const ENTRY_COLUMNS = `seq::int AS seq, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, case_id, protocol_id, district,
  case_agency_ids, contribution_id, from_agency_id, from_user_id, to_agency_ids, legal_basis, categories, justification, consent_id,
  prev_hash, hash, version, legal_reference, justification_commitment`;

export interface EntryRow {
  seq: number;
  at: string;
  case_id: string;
  protocol_id: string;
  district: string;
  case_agency_ids: string[];
  contribution_id: string | null;
  from_agency_id: string;
  from_user_id: string;
  to_agency_ids: string[];
  legal_basis: string;
  categories: string[];
  justification: string | null;
  consent_id: string | null;
  prev_hash: string;
  hash: string;
  version: number;
  legal_reference: string | null;
  justification_commitment: string | null;
}

/** A stored row as the entry it was hashed as; every column is carried so a change to any of them is seen. */
export function entryFromRow(r: EntryRow): SharingLogEntry {
  const e: SharingLogEntry = {
    seq: Number(r.seq),
    at: r.at,
    caseId: r.case_id,
    protocolId: r.protocol_id,
    contributionId: r.contribution_id,
    fromAgencyId: r.from_agency_id,
    fromUserId: r.from_user_id,
    toAgencyIds: r.to_agency_ids,
    legalBasis: r.legal_basis,
    categories: r.categories,
    justification: r.justification,
    consentId: r.consent_id,
    district: r.district,
    caseAgencyIds: r.case_agency_ids,
    legalReference: r.legal_reference,
    justificationCommitment: r.justification_commitment,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
  if (Number(r.version) === 2) e.version = 'v2';
  else if (Number(r.version) !== 1) (e as { version?: unknown }).version = `v${r.version}`;
  return e;
}

function treeHeadFrom(r: HeadRow): TreeHead | null {
  if (r.size === null) return null;
  const size = Number(r.size);
  return {
    size,
    rootHash: r.root_hash!,
    chainHead: r.chain_head!,
    frontier: MerkleFrontier.fromBytes(size, r.frontier!),
    note: r.note!,
    signedAt: r.signed_at!,
  };
}

/** Notes this process signed or whose signature it checked: re-reading its own head costs no Ed25519 verification. */
const trustedNotes = new Set<string>();
function remember(note: string): void {
  if (trustedNotes.size > 64) trustedNotes.clear();
  trustedNotes.add(note);
}

/**
 * A tree head read back from the database must be one this key signed, with a frontier that folds to its
 * root. Only the signature check is skipped for a note already known: the row's other columns (frontier,
 * root) are checked against the note every time, so a genuine note beside a rewritten frontier is refused.
 */
function assertGenuine(head: TreeHead, signer: LogSigner): void {
  const body = parseCheckpointBody(parseSignedNote(head.note).body);
  const ok =
    body.origin === signer.origin &&
    body.size === head.size &&
    body.rootHash === head.rootHash.toString('base64') &&
    head.frontier.root().equals(head.rootHash) &&
    (trustedNotes.has(head.note) || verifyNoteSignature(head.note, signer.origin, publicKeyFromPrivate(signer.signingKey)));
  if (!ok) throw new SharingLogIntegrityError(`sharing-log tree head at size ${head.size} is not genuine: refusing to extend it`);
  remember(head.note);
}

function signedHead(signer: LogSigner, size: number, frontier: MerkleFrontier, chainHead: string): TreeHead {
  const rootHash = frontier.root();
  const note = signNote(checkpointBody(signer.origin, size, rootHash), signer.origin, signer.signingKey);
  remember(note);
  return { size, rootHash, chainHead, frontier, note, signedAt: new Date() };
}

function insertSql(entries: SharingLogEntry[], nodes: PerfectNode[], head: TreeHead): { text: string; params: unknown[] } {
  const params: unknown[] = [];
  const p = (v: unknown, cast = '') => {
    params.push(v);
    return `$${params.length}${cast}`;
  };
  const ctes: string[] = [];
  if (entries.length) {
    const rows = entries.map(
      (e) =>
        `(${[
          p(e.seq),
          p(e.at, '::timestamptz'),
          p(e.caseId, '::uuid'),
          p(e.protocolId, '::uuid'),
          p(e.district),
          p(e.caseAgencyIds, '::uuid[]'),
          p(e.contributionId, '::uuid'),
          p(e.fromAgencyId, '::uuid'),
          p(e.fromUserId, '::uuid'),
          p(e.toAgencyIds, '::uuid[]'),
          p(e.legalBasis),
          p(e.categories, '::text[]'),
          p(e.consentId, '::uuid'),
          p(e.prevHash),
          p(e.hash),
          p(e.legalReference),
          p(e.justificationCommitment),
        ].join(', ')}, 2)`,
    );
    ctes.push(`e AS (INSERT INTO sharing_log (seq, at, case_id, protocol_id, district, case_agency_ids, contribution_id, from_agency_id, from_user_id,
      to_agency_ids, legal_basis, categories, consent_id, prev_hash, hash, legal_reference, justification_commitment, version) VALUES ${rows.join(', ')})`);
  }
  if (nodes.length) {
    ctes.push(`n AS (INSERT INTO sharing_log_nodes (level, idx, hash) VALUES ${nodes.map((x) => `(${p(x.level)}, ${p(x.idx)}, ${p(x.hash)})`).join(', ')})`);
  }
  ctes.push(`h AS (INSERT INTO sharing_log_tree_heads (size, root_hash, chain_head, frontier, note, signed_at)
    VALUES (${p(head.size)}, ${p(head.rootHash)}, ${p(head.chainHead)}, ${p(head.frontier.toBytes())}, ${p(head.note)}, ${p(head.signedAt, '::timestamptz')}))`);
  return { text: `WITH ${ctes.join(', ')} SELECT 1`, params };
}

/**
 * Entries in the log but not in the latest tree head (a log from before tree heads, or rows added
 * behind Schakel's back) are verified from that head on, before anything is signed over them:
 * a checkpoint is never signed over a chain that does not check out.
 */
async function catchUp(sql: Sql, logSize: number, head: TreeHead | null): Promise<{ verifier: LogVerifier; nodes: PerfectNode[] }> {
  const from = head?.size ?? 0;
  const verifier = new LogVerifier(head?.chainHead ?? GENESIS_HASH, from + 1, head?.frontier);
  const nodes: PerfectNode[] = [];
  verifier.onNodes = (closed) => nodes.push(...closed);
  let after = from;
  while (after < logSize) {
    const rows = await sql<EntryRow>(`SELECT ${ENTRY_COLUMNS} FROM sharing_log WHERE seq > $1 ORDER BY seq LIMIT 5000`, [after]);
    const last = rows.at(-1);
    if (!last) break;
    for (const r of rows) verifier.push(entryFromRow(r));
    after = Number(last.seq);
  }
  const v = verifier.result();
  if (!v.valid)
    throw new SharingLogIntegrityError(`sharing log does not verify (seq ${v.firstBrokenSeq ?? '?'}: ${v.reason}): refusing to sign a checkpoint over it`);
  return { verifier, nodes };
}

function chunk<T>(xs: T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

/**
 * Appends `items` (one transaction: the caller's) and signs one checkpoint over the result. All
 * hashing that does not depend on the position is done by the caller beforehand; here the lock is
 * taken, the head read, the entries sealed and everything written in a single statement.
 * The caller commits right after.
 */
export async function appendEntries(sql: Sql, signer: LogSigner, items: NewEntry[]): Promise<{ entries: SharingLogEntry[]; head: TreeHead }> {
  if (!items.length) throw new Error('nothing to append');
  const row = firstRow(await sql<HeadRow>(LOCK_HEAD_SQL, [SHARING_LOG_APPEND_LOCK]), 'the tree head query');
  const head = treeHeadFrom(row);
  if (head) assertGenuine(head, signer);
  const logSize = Number(row.log_size);
  let frontier = head?.frontier.clone() ?? MerkleFrontier.empty();
  let prevHash = head?.chainHead ?? GENESIS_HASH;
  const nodes: PerfectNode[] = [];
  if (logSize !== (head?.size ?? 0)) {
    const caught = await catchUp(sql, logSize, head);
    frontier = caught.verifier.frontierState();
    prevHash = caught.verifier.headHash;
    for (const c of chunk(caught.nodes, 1000)) {
      const q = insertNodesSql(c);
      await sql(q.text, q.params);
    }
  }
  const at = new Date().toISOString();
  const entries: SharingLogEntry[] = [];
  for (const item of items) {
    const data: SharingLogEntryData = { ...item, seq: frontier.size + 1, at, justification: null, version: 'v2' };
    const problem = entryDataProblem(data);
    if (problem) throw new TypeError(`cannot append sharing-log entry: ${problem}`);
    const preimage = entryPreimage(prevHash, data);
    const entry: SharingLogEntry = { ...data, prevHash, hash: hash('sha256', preimage, 'hex') };
    nodes.push(...frontier.push(merkleLeafHash(preimage)));
    entries.push(entry);
    prevHash = entry.hash;
  }
  const newHead = signedHead(signer, frontier.size, frontier, prevHash);
  const q = insertSql(entries, nodes, newHead);
  await sql(q.text, q.params);
  return { entries, head: newHead };
}

/** The latest signed tree head, or null before the first one. */
export async function latestTreeHead(sql: Sql): Promise<TreeHead | null> {
  return treeHeadFrom(firstRow(await sql<HeadRow>(HEAD_SQL), 'the tree head query'));
}

/**
 * Makes sure a signed checkpoint covers the whole log (the worker's nightly task, and export):
 * entries not yet covered are verified first. Returns the head and whether it was signed now.
 */
export async function checkpointAtHead(sql: Sql, signer: LogSigner): Promise<{ head: TreeHead | null; signed: boolean }> {
  const row = firstRow(await sql<HeadRow>(LOCK_HEAD_SQL, [SHARING_LOG_APPEND_LOCK]), 'the tree head query');
  const head = treeHeadFrom(row);
  if (head) assertGenuine(head, signer);
  const logSize = Number(row.log_size);
  if (logSize === (head?.size ?? 0)) return { head, signed: false };
  const { verifier, nodes } = await catchUp(sql, logSize, head);
  const newHead = signedHead(signer, verifier.size, verifier.frontierState(), verifier.headHash);
  const batches = chunk(nodes, 1000);
  const lastBatch = batches.pop() ?? [];
  for (const batch of batches) {
    const q = insertNodesSql(batch);
    await sql(q.text, q.params);
  }
  const q = insertSql([], lastBatch, newHead);
  await sql(q.text, q.params);
  return { head: newHead, signed: true };
}

function insertNodesSql(nodes: PerfectNode[]): { text: string; params: unknown[] } {
  const params: unknown[] = [];
  const values = nodes.map((x) => {
    params.push(x.level, x.idx, x.hash);
    return `($${params.length - 2}, $${params.length - 1}, $${params.length})`;
  });
  return { text: `INSERT INTO sharing_log_nodes (level, idx, hash) VALUES ${values.join(', ')}`, params };
}

export interface LogVerification extends ChainVerification {
  treeSize: number;
  /** Base64 root of the tree recomputed from the entries. */
  rootHash: string;
  /** The latest signed checkpoint, checked against the recomputed tree. */
  checkpoint: { size: number; signedAt: string; valid: boolean } | null;
}

/** Runs one range of a verification: in this thread, or in a worker (VerifyWorkers.run). */
export type RangeRunner = (task: RangeTask) => Promise<RangeResult>;

export interface VerifyStoredLogOptions {
  /** Rows per page (default 5,000). */
  pageSize?: number;
  /** Reads pages as arrays (pg rowMode 'array'); default via `sql`. */
  arrays?: SqlArrays;
  /** Where ranges run (worker threads); default in this thread, in time-bounded slices. */
  run?: RangeRunner;
  /** Ranges in flight at once with `run` (the number of workers); 1 in this thread. */
  parallel?: number;
  /** Entries per range, a power of two (default 2^14). */
  chunkSize?: number;
  /** Every chain hash computed, even where a signed root covers the entries (the re-run after a failure). */
  exact?: boolean;
}

/** Ranges of 16,384 entries: enough of them that the workers finish together (at 100k, 7 ranges over 2 threads). */
const CHUNK = 2 ** 14;

const bytesOf = (u: Uint8Array): Buffer => Buffer.from(u.buffer, u.byteOffset, u.byteLength);

/**
 * Recomputes the whole log from the rows, in pages, so memory does not grow with the log. Checks
 * every link and hash, the tree root against the latest signed checkpoint, and against every
 * checkpoint a witness cosigned.
 *
 * Up to the size at the start the log is cut into aligned power-of-two ranges verified on their own
 * (in parallel with `run`): each range's tree is a subtree of the log's tree, so their roots fold
 * into it exactly, and each range starts from the stored hash before it, checked against the
 * previous range's verified head. Then the rows appended meanwhile are verified as a continuation
 * of the folded tree. If a range does not check out, verification re-runs from that range's start
 * as one continuation, so the verdict (first broken seq, reason) is exactly the sequential one.
 */
export async function verifyStoredLog(sql: Sql, signer: LogSigner, options: VerifyStoredLogOptions = {}): Promise<LogVerification> {
  const pageSize = options.pageSize ?? 5000;
  const chunkSize = options.chunkSize ?? CHUNK;
  if (!Number.isSafeInteger(chunkSize) || chunkSize < 1 || (chunkSize & (chunkSize - 1)) !== 0) throw new RangeError('chunkSize must be a power of two');
  const arrays: SqlArrays = options.arrays ?? (async (text, params) => (await sql(text, params)).map((r) => Object.values(r)));
  let sliceStart = performance.now();
  // In this thread: bounded slices, so requests are served in between (by time, not count, so a loaded machine does not stretch them).
  const pause = () =>
    performance.now() - sliceStart > SLICE_MS
      ? new Promise<void>((r) => setImmediate(r)).then(() => {
          sliceStart = performance.now();
        })
      : undefined;
  const run: RangeRunner = options.run ?? ((task) => verifyRange(arrays, task, pause));
  const parallel = options.run ? Math.max(1, options.parallel ?? 1) : 1;

  const head = await latestTreeHead(sql);
  const expected: { size: number; root: Hash; what: string }[] = [];
  let checkpointValid: boolean | null = null;
  if (head) {
    let genuine = true;
    try {
      assertGenuine(head, signer);
    } catch {
      genuine = false;
    }
    checkpointValid = genuine;
    if (genuine) expected.push({ size: head.size, root: head.rootHash, what: 'the latest signed checkpoint' });
  }
  const witnessed = await sql<{ size: string; root_hash: Buffer }>(
    `SELECT DISTINCT h.size::text AS size, h.root_hash FROM sharing_log_cosignatures c JOIN sharing_log_tree_heads h ON h.size = c.tree_size`,
  );
  for (const w of witnessed) expected.push({ size: Number(w.size), root: w.root_hash, what: 'a checkpoint cosigned by a witness' });

  // Leaves without chain hashes only under a genuine signed checkpoint, whose root then covers every entry (see
  // LogVerifier.deferChainHashes); whatever fails in that mode is verified again in full, below.
  const defer = options.exact !== true && checkpointValid === true;
  const last = Number(firstRow(await sql<{ n: string }>('SELECT coalesce(max(seq), 0)::text AS n FROM sharing_log'), 'max(seq)').n);
  const chunks: { lo: number; hi: number }[] = [];
  for (let lo = 0; lo < last; lo += chunkSize) chunks.push({ lo, hi: Math.min(lo + chunkSize, last) });
  const tree = MerkleFrontier.empty();
  let prev = GENESIS_HASH;
  let counted = 0;
  const sizesIn = (c: { lo: number; hi: number }) => [...new Set(expected.filter((e) => e.size > c.lo && e.size <= c.hi).map((e) => e.size))];
  const accept = (r: RangeResult, c: { lo: number; hi: number }): boolean => {
    const n = c.hi - c.lo;
    if (!r.verdict.valid || r.startPrev !== prev || r.count !== n || r.size !== n) return false;
    const wanted = sizesIn(c);
    if (r.snapshots.length !== wanted.length) return false;
    for (const s of r.snapshots) {
      const t = tree.clone();
      t.extend(MerkleFrontier.fromBytes(s.size - c.lo, bytesOf(s.frontier)));
      const root = t.root();
      if (expected.some((e) => e.size === s.size && !e.root.equals(root))) return false;
    }
    tree.extend(MerkleFrontier.fromBytes(n, bytesOf(r.frontier)));
    prev = r.headHash;
    counted += r.count;
    return true;
  };
  const inflight = new Map<number, Promise<RangeResult>>();
  let next = 0;
  let stopAt = chunks.length;
  try {
    for (const [i, chunk] of chunks.entries()) {
      for (let c = chunks[next]; c && inflight.size < parallel; c = chunks[next]) {
        const p = run({ lo: c.lo, hi: c.hi, snapshots: sizesIn(c), pageSize, deferChainHashes: defer });
        p.catch(() => undefined);
        inflight.set(next++, p);
      }
      const r = await inflight.get(i)!;
      inflight.delete(i);
      if (!accept(r, chunk)) {
        stopAt = i;
        break;
      }
    }
  } finally {
    await Promise.allSettled(inflight.values());
  }
  // The rows appended since `last`, or the exact re-run from the first range that did not check out.
  const from = chunks[stopAt]?.lo ?? last;
  const tail = await run({ lo: from, hi: null, prevHash: prev, frontier: tree.toBytes(), expect: expected.filter((e) => e.size >= from), pageSize });
  const res: ChainVerification = { ...tail.verdict, entries: tail.verdict.entries + counted };
  if (res.valid && head && tail.size > head.size) {
    // Every append is signed: rows past the latest checkpoint were written around Schakel.
    Object.assign(res, {
      valid: false,
      firstBrokenSeq: head.size + 1,
      reason: `entries ${head.size + 1}..${tail.size} are not covered by a signed checkpoint`,
    });
  }
  if (defer && !res.valid) return verifyStoredLog(sql, signer, { ...options, exact: true });
  if (checkpointValid === false && res.valid) Object.assign(res, { valid: false, reason: "the latest checkpoint is not signed by this log's key" });
  return {
    ...res,
    treeSize: tail.size,
    rootHash: MerkleFrontier.fromBytes(tail.size, bytesOf(tail.frontier)).root().toString('base64'),
    checkpoint: head ? { size: head.size, signedAt: head.signedAt.toISOString(), valid: checkpointValid === true && res.valid } : null,
  };
}
