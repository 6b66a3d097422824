// Each entry's hash commits to the previous entry's hash, so altering, deleting, inserting or
// reordering any row changes every hash after it; a signed checkpoint over one head hash then
// vouches for the whole prefix (see checkpoint.ts).

import { createHmac, hash, randomBytes } from 'node:crypto';
import { type BinaryRowEncoder, decodeStoredRow, hexEquals, storedSeq } from './binary-rows';
import type { ExportEntryEncoder } from './export-entry-bytes';
import { entryPreimage, leafData } from './canonical';
import { GENESIS_HASH, HASH_PATTERN, isRedacted, type RedactedSharingLogEntry, type SharingLogEntry, type SharingLogEntryData } from './entry';
import { entryDataProblem } from './entry-shape';
import { merkleLeafHash, MerkleFrontier, type Hash, type PerfectNode } from './merkle';

export interface ChainVerification {
  valid: boolean;
  /** How many entries were given (not how many checked out). */
  entries: number;
  /** The first seq that does not verify; absent when valid. */
  firstBrokenSeq?: number;
  reason?: string;
  /** How many entries were withheld (redacted): linked, but not re-hashed. */
  redacted?: number;
}

/** Lower-case hex SHA-256 of `prevHash + '\n' + canonical(e)` (v1 or v2 by e.version). Throws on a malformed entry. */
export function entryHash(prevHash: string, e: SharingLogEntryData): string {
  const problem = entryDataProblem(e);
  if (problem) throw new TypeError(`cannot canonicalise sharing-log entry: ${problem}`);
  return hash('sha256', entryPreimage(prevHash, e), 'hex');
}

/** The RFC 9162 leaf hash of an entry (see leafData). Call only on well-formed entries. */
export function entryLeafHash(e: SharingLogEntry): Hash {
  return merkleLeafHash(leafData(e.prevHash, e));
}

/** A fresh base64 key for a justification's commitment; it is stored with the disclosure, never in the log. */
export function newCommitmentNonce(): string {
  return randomBytes(32).toString('base64');
}

/** Lower-case hex HMAC-SHA256 keyed by the nonce: hides the text, binds it (ADR 0006). */
export function justificationCommitment(nonceBase64: string, justification: string): string {
  return createHmac('sha256', Buffer.from(nonceBase64, 'base64')).update(justification, 'utf8').digest('hex');
}

/** The entry to append after `prevHash` (GENESIS_HASH for seq 1). Throws on a malformed entry. */
export function sealEntry(prevHash: string, data: SharingLogEntryData): SharingLogEntry {
  return { ...data, prevHash, hash: entryHash(prevHash, data) };
}

/**
 * Verifies `entries` (any order; checked by ascending seq) as one contiguous stretch of the
 * log starting after `startPrevHash`. Starting from GENESIS_HASH the first seq must be 1.
 * Stops at the first problem, because after it every later entry is unverifiable anyway.
 * Never throws: the input may come from an untrusted file.
 */
export function verifyChain(entries: (SharingLogEntry | RedactedSharingLogEntry)[], startPrevHash: string = GENESIS_HASH): ChainVerification {
  if (!Array.isArray(entries)) return { valid: false, entries: 0, reason: 'entries is not an array' };
  const total = entries.length;
  const broken = (seq: number | undefined, reason: string): ChainVerification =>
    seq === undefined ? { valid: false, entries: total, reason } : { valid: false, entries: total, firstBrokenSeq: seq, reason };
  if (typeof startPrevHash !== 'string' || !HASH_PATTERN.test(startPrevHash)) {
    return broken(undefined, 'the starting prevHash is not a lower-case hex SHA-256');
  }

  // A malformed seq cannot be sorted or reported; name its position in the input instead.
  for (let i = 0; i < total; i++) {
    const seq = (entries[i] as unknown as { seq?: unknown } | null)?.seq;
    if (!Number.isSafeInteger(seq) || (seq as number) < 1) return broken(undefined, `entry #${i + 1} has no valid seq`);
  }
  const sorted = [...entries].sort((a, b) => a.seq - b.seq);

  const v = new LogVerifier(startPrevHash, sorted[0]?.seq ?? 1);
  for (const e of sorted) if (!v.push(e)) break;
  const r = v.result();
  return { ...r, entries: total };
}

/**
 * Verifies a log in seq order, one entry at a time, in constant memory: the chain links, every
 * content hash, and the Merkle tree of the entries seen (roots checked at chosen sizes). What the
 * API's verify, the export verifier and the checkpoint writer stream rows through.
 */
const CANONICAL_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
/**
 * A uuid[] column read as text ({a,b}: PostgreSQL never quotes a uuid), as the JSON of the sorted
 * array; null when it is anything else (a NULL element, a value not from a uuid[] column).
 * uuids are lower-case hex and dashes, so they need no escaping.
 */
function uuidArrayJson(v: unknown): string | null {
  if (typeof v !== 'string' || v.charCodeAt(0) !== 123 || v.charCodeAt(v.length - 1) !== 125) return null;
  if (v.length === 2) return '[]';
  const inner = v.slice(1, -1);
  if (inner.length === 36) return UUID.test(inner) ? `["${inner}"]` : null;
  // One pattern for the whole list (a test per element showed in profiles).
  if (!UUID_LIST.test(inner)) return null;
  const xs = inner.split(',');
  return `["${sortedStrings(xs).join('","')}"]`;
}
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const UUID_LIST = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?:,[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})*$/;
/** uuid columns concatenated: lower-case hex and dashes need no JSON escaping. */
const HEX_AND_DASHES = /^[0-9a-f-]*$/;
/** A one-string JSON array whose text is already what JSON.stringify gives (array_to_json's usual output). */
const ONE_PLAIN_STRING = /^\["[^"\\\u0000-\u001f\ud800-\udfff]*"\]$/;

/** The general path's form of a uuid[] text column: the array, or the value as it came. */
function uuidArray(v: unknown): unknown {
  const json = uuidArrayJson(v);
  return json === null ? v : JSON.parse(json);
}

/** A text[] column read as array_to_json(...)::text, sorted; null when it is not an array of strings. */
function jsonStringArray(v: unknown): string[] | null {
  if (typeof v !== 'string') return null;
  let xs: unknown;
  try {
    xs = JSON.parse(v);
  } catch {
    return null;
  }
  if (!Array.isArray(xs) || !xs.every((x) => typeof x === 'string')) return null;
  return sortedStrings(xs as string[]);
}

function sortedStrings(xs: string[]): string[] {
  for (let i = 1; i < xs.length; i++) if (xs[i - 1]! > xs[i]!) return xs.sort();
  return xs;
}

/**
 * The columns pushStoredRow() reads, in order. The arrays come as text so the driver does not
 * parse them per row; everything the leaf hash covers is here.
 */
export const STORED_ROW_COLUMNS = `seq::int, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), case_id::text, protocol_id::text, district,
  case_agency_ids::text, contribution_id::text, from_agency_id::text, from_user_id::text, to_agency_ids::text, legal_basis, array_to_json(categories)::text,
  justification, consent_id::text, prev_hash, hash, version, legal_reference, justification_commitment`;

/** A STORED_ROW_COLUMNS row as an entry, for the general path (v1 rows, odd values). */
function entryFromStoredRow(r: unknown[]): SharingLogEntry {
  const e = {
    seq: r[0],
    at: r[1],
    caseId: r[2],
    protocolId: r[3],
    contributionId: r[6],
    fromAgencyId: r[7],
    fromUserId: r[8],
    toAgencyIds: uuidArray(r[9]),
    legalBasis: r[10],
    categories: jsonStringArray(r[11]) ?? r[11],
    justification: r[12],
    consentId: r[13],
    district: r[4],
    caseAgencyIds: uuidArray(r[5]),
    legalReference: r[17],
    justificationCommitment: r[18],
    prevHash: r[14],
    hash: r[15],
  } as unknown as SharingLogEntry;
  if (r[16] === 2) e.version = 'v2';
  else if (r[16] !== 1) (e as { version?: unknown }).version = `v${String(r[16])}`;
  return e;
}

const HEX_DIGITS = Buffer.from('0123456789abcdef', 'latin1');

/** Whether the 64 bytes at `p` are the lower-case hex of `digest` (32 latin1 characters). */
function hexEqualsLatin1(buf: Buffer, p: number, digest: string): boolean {
  for (let i = 0; i < 32; i++) {
    const d = digest.charCodeAt(i);
    if (buf[p + 2 * i] !== HEX_DIGITS[d >> 4] || buf[p + 2 * i + 1] !== HEX_DIGITS[d & 15]) return false;
  }
  return true;
}

export class LogVerifier {
  /**
   * The hash the next entry must link to. Binary rows keep it as the stored bytes (prevBytes) and
   * it becomes a string only when something reads it: two strings per row showed in profiles.
   */
  private prevText = GENESIS_HASH;
  private readonly prevBytes = Buffer.alloc(64);
  private prevInBytes = false;
  private get prevHash(): string {
    if (this.prevInBytes) {
      this.prevText = this.prevBytes.toString('latin1');
      this.prevInBytes = false;
    }
    return this.prevText;
  }

  private set prevHash(h: string) {
    this.prevText = h;
    this.prevInBytes = false;
  }

  private expectedSeq: number;
  private readonly frontier: MerkleFrontier;
  private count = 0;
  private redactedCount = 0;
  private failure: { seq?: number; reason: string } | null = null;
  private treeUnknownAt: number | undefined;
  /** Roots to check when the tree reaches a size: trusted or stored checkpoints. */
  private readonly expected = new Map<number, { root: Hash; what: string }>();
  /** Receives the complete subtrees as they close, when set (the checkpoint writer stores them). */
  onNodes?: (nodes: PerfectNode[]) => void;
  /**
   * Receives each leaf hash instead of the tree, when set: a worker verifying a stretch of an export
   * whose tree it builds itself (verifyExportStretch). Expected roots are not checked then.
   */
  onLeaf?: (leaf: Hash) => void;

  /** Starts after `startPrevHash` at `firstSeq`; the Merkle tree is only meaningful from seq 1 (or a given frontier). */
  constructor(startPrevHash: string = GENESIS_HASH, firstSeq = 1, frontier?: MerkleFrontier) {
    this.prevHash = startPrevHash;
    this.expectedSeq = firstSeq;
    this.frontier = frontier ? frontier.clone() : MerkleFrontier.empty();
    if (typeof startPrevHash !== 'string' || !HASH_PATTERN.test(startPrevHash))
      this.failure = { reason: 'the starting prevHash is not a lower-case hex SHA-256' };
    else if (startPrevHash === GENESIS_HASH && firstSeq !== 1)
      this.failure = { seq: firstSeq, reason: `log starts at seq ${firstSeq}: entries 1..${firstSeq - 1} are missing` };
  }

  /** Asks for the tree root to equal `root` once `size` entries have been pushed. */
  expectRoot(size: number, root: Hash, what: string): void {
    if (size === this.frontier.size) this.checkRoot(root, what);
    else this.expected.set(size, { root, what });
  }

  get ok(): boolean {
    return this.failure === null;
  }

  get size(): number {
    return this.frontier.size;
  }

  get headHash(): string {
    return this.prevHash;
  }

  root(): Hash {
    return this.frontier.root();
  }

  frontierState(): MerkleFrontier {
    return this.frontier.clone();
  }

  /** Checks one entry; false once the log is broken (later entries are then not looked at). */
  push(e: SharingLogEntry | RedactedSharingLogEntry): boolean {
    if (this.failure) return false;
    this.count++;
    const seq = (e as { seq?: unknown } | null)?.seq;
    if (!Number.isSafeInteger(seq) || (seq as number) < 1) return this.fail(undefined, `entry #${this.count} has no valid seq`);
    if (seq !== this.expectedSeq) {
      if ((seq as number) < this.expectedSeq) return this.fail(seq as number, `seq ${seq as number} appears more than once`);
      const gap = (seq as number) - 1 === this.expectedSeq ? `entry ${this.expectedSeq} is` : `entries ${this.expectedSeq}..${(seq as number) - 1} are`;
      return this.fail(seq as number, `${gap} missing before seq ${seq as number}`);
    }
    if (typeof e.hash !== 'string') return this.fail(e.seq, 'hash is not a lower-case hex SHA-256');
    const redacted = isRedacted(e);
    // A content hash is compared with the lower-case hex digest, so only a mismatch needs the
    // pattern test to say which of the two problems it is; a withheld entry has nothing to compare.
    if ((redacted || e.prevHash !== this.prevHash) && !HASH_PATTERN.test(e.hash)) return this.fail(e.seq, 'hash is not a lower-case hex SHA-256');
    if (e.prevHash !== this.prevHash) return this.fail(e.seq, 'prevHash does not match the previous entry');
    let leaf: Hash;
    if (redacted) {
      this.redactedCount++;
      if (typeof e.leafHash === 'string' && /^[A-Za-z0-9+/]{43}=$/.test(e.leafHash)) leaf = Buffer.from(e.leafHash, 'base64');
      else {
        // Exports of format 1 withheld entries as links only: the chain still checks, the tree cannot.
        this.treeUnknownAt ??= e.seq;
        leaf = Buffer.alloc(32);
      }
    } else {
      const badHash = () => this.fail(e.seq, HASH_PATTERN.test(e.hash) ? 'hash mismatch' : 'hash is not a lower-case hex SHA-256');
      const problem = entryDataProblem(e);
      if (problem) return this.fail(e.seq, HASH_PATTERN.test(e.hash) ? `malformed entry: ${problem}` : 'hash is not a lower-case hex SHA-256');
      if ((e.version ?? 'v1') === 'v2') {
        if (this.hashV2(entryPreimage(this.prevHash, e)) !== e.hash) return badHash();
        leaf = this.leafOut;
      } else {
        if (hash('sha256', entryPreimage(this.prevHash, e), 'hex') !== e.hash) return badHash();
        leaf = merkleLeafHash(leafData(this.prevHash, e));
      }
      if (e.version === 'v2' && e.justification !== null && e.justification !== undefined) {
        if (typeof e.justification !== 'string' || typeof e.justificationNonce !== 'string')
          return this.fail(e.seq, 'justification given without the key of its commitment');
        if (justificationCommitment(e.justificationNonce, e.justification) !== e.justificationCommitment)
          return this.fail(e.seq, 'justification does not match its commitment');
      }
    }
    return this.accept(e.seq, e.hash, leaf);
  }

  /**
   * A stored row in STORED_ROW_COLUMNS order (rowMode 'array'). A well-formed v2 row is encoded
   * straight from its columns, with no entry object; anything else (v1, an odd value) goes through
   * push() and gets exactly the verdict push() gives.
   */
  pushStoredRow(r: unknown[]): boolean {
    if (this.failure) return false;
    const seq = r[0];
    const commitment = r[18];
    if (
      r[16] !== 2 ||
      seq !== this.expectedSeq ||
      r[14] !== this.prevHash ||
      typeof r[15] !== 'string' ||
      r[12] !== null ||
      typeof r[1] !== 'string' ||
      !CANONICAL_AT.test(r[1]) ||
      typeof r[2] !== 'string' ||
      typeof r[3] !== 'string' ||
      typeof r[4] !== 'string' ||
      typeof r[7] !== 'string' ||
      typeof r[8] !== 'string' ||
      typeof r[10] !== 'string' ||
      (r[6] !== null && typeof r[6] !== 'string') ||
      (r[13] !== null && typeof r[13] !== 'string') ||
      (r[17] !== null && typeof r[17] !== 'string') ||
      (commitment !== null && (typeof commitment !== 'string' || !HASH_PATTERN.test(commitment)))
    ) {
      return this.push(entryFromStoredRow(r));
    }
    const caseAgencyIds = uuidArrayJson(r[5]);
    const toAgencyIds = uuidArrayJson(r[9]);
    const categoriesText = r[11];
    // Usually one category: its array_to_json text is already the canonical form.
    let categories: string | null = null;
    if (typeof categoriesText === 'string' && ONE_PLAIN_STRING.test(categoriesText)) categories = categoriesText;
    else {
      const xs = jsonStringArray(categoriesText);
      if (xs) categories = JSON.stringify(xs);
    }
    if (!caseAgencyIds || !toAgencyIds || !categories) return this.push(entryFromStoredRow(r));
    // uuid columns need no escaping: checked here (one pattern over all of them), or the row takes the general path.
    const idLengths = (r[2] as string).length + (r[3] as string).length + (r[7] as string).length + (r[8] as string).length;
    if (
      idLengths !== 144 ||
      (r[6] !== null && (r[6] as string).length !== 36) ||
      (r[13] !== null && (r[13] as string).length !== 36) ||
      !HEX_AND_DASHES.test(`${r[2] as string}${r[3] as string}${r[7] as string}${r[8] as string}${(r[6] ?? '') as string}${(r[13] ?? '') as string}`)
    ) {
      return this.push(entryFromStoredRow(r));
    }
    this.count++;
    const q = JSON.stringify;
    const preimage = `${this.prevHash}\n{"at":"${r[1]}","caseAgencyIds":${caseAgencyIds},"caseId":"${r[2] as string}","categories":${
      categories
    },"consentId":${r[13] === null ? 'null' : `"${r[13] as string}"`},"contributionId":${r[6] === null ? 'null' : `"${r[6] as string}"`},"district":${q(
      r[4],
    )},"fromAgencyId":"${r[7] as string}","fromUserId":"${r[8] as string}","justificationCommitment":${
      commitment === null ? 'null' : `"${commitment as string}"`
    },"legalBasis":${q(r[10])},"legalReference":${q(r[17])},"protocolId":"${r[3] as string}","seq":${seq},"toAgencyIds":${toAgencyIds},"version":"v2"}`;
    if (this.hashV2(preimage) !== r[15]) return this.fail(seq, HASH_PATTERN.test(r[15]) ? 'hash mismatch' : 'hash is not a lower-case hex SHA-256');
    return this.accept(seq, r[15], this.leafOut);
  }

  /**
   * A COPY_ROW_COLUMNS tuple in binary COPY form (binary-rows.ts). A well-formed v2 row that links on
   * and matches its hash is hashed from its stored bytes; anything else, a mismatch included, gets
   * exactly pushStoredRow's verdict on the same row read as text.
   */
  pushBinaryRow(buf: Buffer, offs: Int32Array, encoder: BinaryRowEncoder): boolean {
    if (this.failure) return false;
    const n = encoder.encode(buf, offs);
    if (n > 0 && storedSeq(buf, offs) === this.expectedSeq && this.linksOn(buf, offs[28]!)) {
      const [whole, preimage] = encoder.views(n);
      const at = offs[30]!;
      const exact = !this.deferChainHashes;
      // Deferred: checked by the next entry's link and leaf, or by settle() if this stays the last one.
      if (!exact || hexEquals(buf, at, hash('sha256', preimage, 'buffer') as unknown as Buffer)) {
        this.count++;
        const seq = this.expectedSeq;
        const pb = this.prevBytes;
        for (let i = 0; i < 64; i++) pb[i] = buf[at + i]!;
        this.prevInBytes = true;
        this.unsettled = exact ? null : { seq, preimage };
        return this.acceptLeaf(seq, hash('sha256', whole, 'buffer') as unknown as Buffer);
      }
    }
    this.unsettled = null;
    return this.pushStoredRow(decodeStoredRow(buf, offs));
  }

  /**
   * One export entry as its JSON bytes, `buf[start, end)` (export-entry-bytes.ts). An entry in the
   * server's layout that links on and matches its hash is hashed from its bytes; anything else, a
   * mismatch included, gets exactly push()'s verdict on the entry JSON.parse gives. Throws (as
   * JSON.parse does) when the bytes are not JSON.
   */
  pushExportEntry(buf: Buffer, start: number, end: number, encoder: ExportEntryEncoder): boolean {
    if (this.failure) return false;
    const n = encoder.encode(buf, start, end, this.expectedSeq);
    if (n > 0 && this.linksOn(buf, encoder.prevAt)) {
      const [bytes, preimage] = encoder.views(n);
      const at = encoder.hashAt;
      // Digests as latin1 strings: a Buffer of its own per digest cost more than the hash itself.
      if (hexEqualsLatin1(buf, at, hash('sha256', preimage, 'binary'))) {
        this.count++;
        const seq = this.expectedSeq;
        const pb = this.prevBytes;
        for (let i = 0; i < 64; i++) pb[i] = buf[at + i]!;
        this.prevInBytes = true;
        return this.acceptLeaf(seq, Buffer.from(hash('sha256', bytes, 'binary'), 'latin1'));
      }
    }
    return this.push(JSON.parse(buf.toString('utf8', start, end)) as SharingLogEntry);
  }

  /** Whether the 64 bytes at `p` are the hash the next entry must link to. */
  private linksOn(buf: Buffer, p: number): boolean {
    if (!this.prevInBytes) return buf.toString('latin1', p, p + 64) === this.prevText;
    const pb = this.prevBytes;
    for (let i = 0; i < 64; i++) if (buf[p + i] !== pb[i]) return false;
    return true;
  }

  /**
   * Leaves only, no chain hashes, for binary rows (set by verifyStoredLog when a genuine signed
   * checkpoint covers the log): an entry's stored hash is then checked by the next entry's link,
   * whose leaf covers it, and the tree by the checkpoint's root; settle() checks the last one. Any
   * failure in this mode is re-run with every hash computed, which names the first broken entry.
   */
  deferChainHashes = false;
  private unsettled: { seq: number; preimage: Buffer } | null = null;

  /** Checks the chain hash of the last entry taken without one (its bytes are still the encoder's last row). */
  settle(): boolean {
    const u = this.unsettled;
    this.unsettled = null;
    if (!u || this.failure) return this.failure === null;
    if (hash('sha256', u.preimage, 'hex') !== this.prevHash)
      return this.fail(u.seq, HASH_PATTERN.test(this.prevHash) ? 'hash mismatch' : 'hash is not a lower-case hex SHA-256');
    return true;
  }

  /** Scratch for 0x00 ‖ preimage, reused across entries. */
  private scratch = Buffer.allocUnsafe(4096);
  private leafOut: Hash = Buffer.alloc(0);

  /** The chain hash (hex) of a v2 preimage; leaves its RFC 9162 leaf hash, over 0x00 and the same bytes, in leafOut. */
  private hashV2(preimage: string): string {
    if (preimage.length * 3 + 1 > this.scratch.length) this.scratch = Buffer.allocUnsafe(preimage.length * 3 + 1);
    this.scratch[0] = 0;
    const n = this.scratch.write(preimage, 1, 'utf8');
    const bytes = this.scratch.subarray(0, n + 1);
    this.leafOut = hash('sha256', bytes, 'buffer') as unknown as Buffer;
    return hash('sha256', bytes.subarray(1), 'hex');
  }

  /** No withheld entry without its leaf hash so far: the tree is the log's. */
  get treeKnown(): boolean {
    return this.treeUnknownAt === undefined;
  }

  /**
   * Entries checked elsewhere as one aligned range: `count` entries firstSeq.. whose chain starts at
   * `firstPrev` and ends at `headHash`, given as the tree of their own leaves (`tree`, built from its
   * first leaf) plus that tree at the sizes `snapshots` holds (counts within the range), for the
   * expected roots inside the range. False when the range does not follow on from here, is not
   * aligned, lacks a snapshot it needs, or an expected root does not match: the caller then verifies
   * again entry by entry, which names the first broken one.
   */
  pushVerifiedTree(
    firstSeq: number,
    firstPrev: string,
    count: number,
    headHash: string,
    tree: MerkleFrontier,
    snapshots: ReadonlyMap<number, MerkleFrontier>,
    redacted = 0,
  ): boolean {
    if (this.failure || this.onLeaf || this.onNodes || this.treeUnknownAt !== undefined) return false;
    // From here on a false also marks this verifier failed: its state may be half updated.
    const giveUp = () => this.fail(undefined, 'a range verified on its own does not fit on here: verify entry by entry');
    if (count < 1 || tree.size !== count || firstSeq !== this.expectedSeq || firstPrev !== this.prevHash || typeof headHash !== 'string') return giveUp();
    const base = this.frontier.size;
    let atEnd: { root: Hash; what: string } | undefined;
    try {
      for (const [size, want] of this.expected) {
        if (size <= base || size > base + count) continue;
        if (size === base + count) {
          atEnd = want;
          continue;
        }
        const snap = snapshots.get(size - base);
        if (!snap || snap.size !== size - base) return giveUp();
        const f = this.frontier.clone();
        f.extend(snap);
        if (!f.root().equals(want.root)) return giveUp();
        this.expected.delete(size);
      }
      this.frontier.extend(tree);
    } catch {
      return giveUp(); // not aligned
    }
    this.count += count;
    this.redactedCount += redacted;
    this.expectedSeq = firstSeq + count;
    this.prevHash = headHash;
    if (atEnd) {
      this.expected.delete(base + count);
      if (!this.frontier.root().equals(atEnd.root)) return giveUp();
    }
    return true;
  }

  private accept(seq: number, entryHash: string, leaf: Hash): boolean {
    this.prevHash = entryHash;
    return this.acceptLeaf(seq, leaf);
  }

  /** Takes the leaf of entry `seq`, whose hash is already the one the next entry must link to. */
  private acceptLeaf(seq: number, leaf: Hash): boolean {
    this.expectedSeq = seq + 1;
    if (this.onLeaf) {
      this.onLeaf(leaf);
      return true;
    }
    if (this.onNodes) this.onNodes(this.frontier.push(leaf));
    else this.frontier.append(leaf);
    if (this.expected.size) {
      const expected = this.expected.get(this.frontier.size);
      if (expected) {
        this.expected.delete(this.frontier.size);
        return this.checkRoot(expected.root, expected.what);
      }
    }
    return true;
  }

  private checkRoot(root: Hash, what: string): boolean {
    if (this.treeUnknownAt !== undefined)
      return this.fail(this.treeUnknownAt, `withheld entry ${this.treeUnknownAt} has no leafHash: the ${what} cannot be checked`);
    if (this.frontier.root().equals(root)) return true;
    return this.fail(
      this.frontier.size,
      `${what} at size ${this.frontier.size} has a different root hash: entries up to seq ${this.frontier.size} were changed`,
    );
  }

  private fail(seq: number | undefined, reason: string): false {
    this.failure = seq === undefined ? { reason } : { seq, reason };
    return false;
  }

  /** The verdict so far; sizes expected but never reached are reported as missing entries. */
  result(): ChainVerification {
    if (!this.failure) {
      const missing = [...this.expected.entries()].find(([size]) => size > this.frontier.size);
      if (missing)
        this.failure = { seq: this.frontier.size + 1, reason: `${missing[1].what} has size ${missing[0]} but the log ends at ${this.frontier.size}` };
    }
    const base: ChainVerification = { valid: this.failure === null, entries: this.count };
    if (this.failure?.seq !== undefined) base.firstBrokenSeq = this.failure.seq;
    if (this.failure) base.reason = this.failure.reason;
    if (this.redactedCount) base.redacted = this.redactedCount;
    return base;
  }
}
