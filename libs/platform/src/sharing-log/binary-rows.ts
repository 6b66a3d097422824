// The stored log read in PostgreSQL's binary COPY format: what the verification workers stream
// (issue 8, verification at 200,000 entries a second).
//
// Read as text, every row cost PostgreSQL its output functions (uuid_out, array_out, to_char), the
// pg driver 19 JS strings and a row array, and the verifier one more string it then encoded to
// UTF-8 again. Binary COPY hands over the stored bytes, and a well-formed v2 row is written straight
// into the bytes its hashes are computed over (BinaryRowEncoder). Every other row, and any row whose
// hash does not match, is decoded into the text row form (decodeStoredRow) and goes through
// LogVerifier.pushStoredRow: the verdict and its reason are always the text path's.
//
// Why a byte-built preimage is no weaker: it is built injectively from the stored values (uuids in
// full, text bytes as stored, arrays sorted as the canonical form sorts them), so a match means the
// stored values are the ones the writer hashed; a mismatch is re-judged by the reference encoder.

import { CANONICAL_V2_PIECES, LOWER_HEX_DIGIT } from './canonical-pieces';

/** The columns, in STORED_ROW_COLUMNS order (hash-chain.ts), raw. */
export const COPY_ROW_COLUMNS =
  'seq, at, case_id, protocol_id, district, case_agency_ids, contribution_id, from_agency_id, from_user_id, to_agency_ids, ' +
  'legal_basis, categories, justification, consent_id, prev_hash, hash, version, legal_reference, justification_commitment';
export const COPY_ROW_FIELDS = 19;

/** COPY of entries lo+1..hi (hi null: to the end), in seq order, binary. COPY takes no parameters: the bounds are checked integers. */
export function copyRangeSql(lo: number, hi: number | null): string {
  if (!Number.isSafeInteger(lo) || lo < 0 || (hi !== null && (!Number.isSafeInteger(hi) || hi < lo)))
    throw new RangeError(`not a seq range: ${lo}..${String(hi)}`);
  return `COPY (SELECT ${COPY_ROW_COLUMNS} FROM sharing_log WHERE seq > ${lo}${hi === null ? '' : ` AND seq <= ${hi}`} ORDER BY seq) TO STDOUT (FORMAT binary)`;
}

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');

/**
 * Splits a binary COPY stream into tuples, whatever the chunk boundaries. `onTuple` gets the buffer
 * and the fields' [start, length] pairs (length -1: NULL); both are only valid during the call.
 */
export class CopyTupleReader {
  private carry: Buffer | null = null;
  private headerRead = false;
  /** The trailer was seen: the stream is complete. */
  ended = false;
  private readonly offs: Int32Array;

  constructor(
    private readonly fields: number,
    private readonly onTuple: (buf: Buffer, offs: Int32Array) => void,
  ) {
    this.offs = new Int32Array(fields * 2);
  }

  feed(chunk: Buffer): void {
    if (this.ended) return;
    const buf = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    this.carry = null;
    let pos = 0;
    if (!this.headerRead) {
      if (buf.length < 19) {
        this.carry = buf;
        return;
      }
      if (!buf.subarray(0, 11).equals(SIGNATURE)) throw new Error('not a binary COPY stream');
      const extension = buf.readUInt32BE(15);
      if (buf.length < 19 + extension) {
        this.carry = buf;
        return;
      }
      pos = 19 + extension;
      this.headerRead = true;
    }
    const n = buf.length;
    const offs = this.offs;
    while (pos + 2 <= n) {
      const count = buf.readInt16BE(pos);
      if (count === -1) {
        this.ended = true;
        return;
      }
      if (count !== this.fields) throw new Error(`COPY tuple has ${count} fields, expected ${this.fields}`);
      let p = pos + 2;
      let f = 0;
      for (; f < count; f++) {
        if (p + 4 > n) break;
        const len = buf.readInt32BE(p);
        p += 4;
        if (len < 0) {
          offs[2 * f] = p;
          offs[2 * f + 1] = -1;
          continue;
        }
        if (p + len > n) break;
        offs[2 * f] = p;
        offs[2 * f + 1] = len;
        p += len;
      }
      if (f < count) break;
      this.onTuple(buf, offs);
      pos = p;
    }
    if (pos < n) this.carry = buf.subarray(pos);
  }
}

const UUID_OID = 2950;
const TEXT_OID = 25;
const EPOCH_2000_MS = 946_684_800_000;
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
/** For byte b: its two lower-case hex digits as char codes at 2b and 2b+1. */
const HEX_CODES = new Uint8Array(512);
for (let i = 0; i < 256; i++) {
  HEX_CODES[2 * i] = HEX[i]!.charCodeAt(0);
  HEX_CODES[2 * i + 1] = HEX[i]!.charCodeAt(1);
}

/** Whether the 64 bytes at `p` spell `digest` in lower-case hex. */
export function hexEquals(buf: Buffer, p: number, digest: Uint8Array): boolean {
  for (let i = 0; i < 32; i++) {
    const d = digest[i]! * 2;
    if (buf[p + 2 * i] !== HEX_CODES[d] || buf[p + 2 * i + 1] !== HEX_CODES[d + 1]) return false;
  }
  return true;
}

const int64 = (buf: Buffer, p: number): number => buf.readInt32BE(p) * 4_294_967_296 + buf.readUInt32BE(p + 4);

/** The seq of a COPY_ROW_COLUMNS tuple; NaN when it is not a bigint. */
export const storedSeq = (buf: Buffer, offs: Int32Array): number => (offs[1] === 8 ? int64(buf, offs[0]!) : Number.NaN);

/**
 * A timestamptz (µs since 2000-01-01 UTC) as to_char(... 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') spells it:
 * milliseconds truncated, the year as its absolute value in at least four digits; null where
 * to_char gives no date (infinity) or JavaScript has none.
 */
function timestampIso(buf: Buffer, p: number): string | null {
  const micros = int64(buf, p);
  const rest = micros % 1000;
  const ms = EPOCH_2000_MS + (micros - rest) / 1000 - (rest < 0 ? 1 : 0);
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return null;
  const d = new Date(ms);
  const year = d.getUTCFullYear();
  if (year >= 1 && year <= 9999) return d.toISOString();
  // BC years (astronomical 0 is 1 BC) and years past 9999, as to_char writes them.
  return `${String(year <= 0 ? 1 - year : year).padStart(4, '0')}${d.toISOString().slice(d.toISOString().indexOf('-', 1))}`;
}

function uuidString(buf: Buffer, p: number, len: number): string {
  if (len !== 16) return buf.toString('hex', p, p + len);
  let s = '';
  for (let i = 0; i < 16; i++) {
    if (i === 4 || i === 6 || i === 8 || i === 10) s += '-';
    s += HEX[buf[p + i]!]!;
  }
  return s;
}

/** A one-dimensional array's elements as [start, length] pairs (length -1: NULL); null for any other shape or element type. */
function arrayElements(buf: Buffer, p: number, len: number, oid: number): number[] | null {
  if (len < 12) return null;
  const ndim = buf.readInt32BE(p);
  if (buf.readUInt32BE(p + 8) !== oid) return null;
  if (ndim === 0) return [];
  if (ndim !== 1 || len < 20) return null;
  const count = buf.readInt32BE(p + 12);
  const out: number[] = [];
  let q = p + 20;
  const end = p + len;
  for (let i = 0; i < count; i++) {
    if (q + 4 > end) return null;
    const l = buf.readInt32BE(q);
    q += 4;
    if (l > 0 && q + l > end) return null;
    out.push(q, l);
    if (l > 0) q += l;
  }
  return out;
}

/** A uuid[] as its text output ({a,b}; NULL for a null element); '{?}' for anything that is not a one-dimensional uuid[]. */
function uuidArrayText(buf: Buffer, p: number, len: number): string {
  const els = arrayElements(buf, p, len, UUID_OID);
  if (!els) return '{?}';
  const parts: string[] = [];
  for (let i = 0; i < els.length; i += 2) parts.push(els[i + 1]! < 0 ? 'NULL' : uuidString(buf, els[i]!, els[i + 1]!));
  return `{${parts.join(',')}}`;
}

/** A text[] as array_to_json(...)::text would give it (elements as JSON strings or null); '[[]]' for any other shape. */
function textArrayJson(buf: Buffer, p: number, len: number): string {
  const els = arrayElements(buf, p, len, TEXT_OID);
  if (!els) return '[[]]';
  const xs: (string | null)[] = [];
  for (let i = 0; i < els.length; i += 2) xs.push(els[i + 1]! < 0 ? null : buf.toString('utf8', els[i]!, els[i]! + els[i + 1]!));
  return JSON.stringify(xs);
}

/**
 * A COPY tuple of COPY_ROW_COLUMNS in the text row form the STORED_ROW_COLUMNS query returns
 * (rowMode 'array'), for LogVerifier.pushStoredRow's general path.
 */
export function decodeStoredRow(buf: Buffer, offs: Int32Array): unknown[] {
  const start = (f: number) => offs[2 * f]!;
  const len = (f: number) => offs[2 * f + 1]!;
  const text = (f: number) => (len(f) < 0 ? null : buf.toString('utf8', start(f), start(f) + len(f)));
  const uuid = (f: number) => (len(f) < 0 ? null : uuidString(buf, start(f), len(f)));
  return [
    len(0) === 8 ? int64(buf, start(0)) : null,
    len(1) === 8 ? timestampIso(buf, start(1)) : null,
    uuid(2),
    uuid(3),
    text(4),
    len(5) < 0 ? null : uuidArrayText(buf, start(5), len(5)),
    uuid(6),
    uuid(7),
    uuid(8),
    len(9) < 0 ? null : uuidArrayText(buf, start(9), len(9)),
    text(10),
    len(11) < 0 ? null : textArrayJson(buf, start(11), len(11)),
    text(12),
    uuid(13),
    text(14),
    text(15),
    len(16) === 2 ? buf.readInt16BE(start(16)) : null,
    text(17),
    text(18),
  ];
}

const K = (s: string) => Buffer.from(s, 'latin1');
const P = CANONICAL_V2_PIECES;
const K_AT = K(P.at);
const K_CASE_AGENCIES = K(P.caseAgencyIds);
const K_CASE = K(P.caseId);
const K_CATEGORIES = K(P.categories);
const K_CONSENT = K(P.consentId);
const K_CONTRIBUTION = K(P.contributionId);
const K_DISTRICT = K(P.district);
const K_FROM_AGENCY = K(P.fromAgencyId);
const K_FROM_USER = K(P.fromUserId);
const K_COMMITMENT = K(P.justificationCommitment);
const K_BASIS = K(P.legalBasis);
const K_REFERENCE = K(P.legalReference);
const K_PROTOCOL = K(P.protocolId);
const K_SEQ = K(P.seq);
const K_TO = K(P.toAgencyIds);
const K_END = K(P.end);
const K_NULL = K('null');

/** Bytes JSON.stringify leaves as they are: none below 0x20, no quote, no backslash (UTF-8 above 0x7f passes through). */
const PLAIN = new Uint8Array(256).map((_, b) => (b >= 0x20 && b !== 0x22 && b !== 0x5c ? 1 : 0));
/** The same, ASCII only: sorted bytes are then sorted UTF-16 code units, as the canonical form sorts. */
const PLAIN_ASCII = PLAIN.map((ok, b) => (ok && b < 0x7f ? 1 : 0));

/**
 * Writes the v2 hash input of a stored row, `0x00 ‖ prev_hash "\n" canonicalV2`, from its binary
 * fields (the leaf hash is over all of it, the chain hash over all but the first byte). Only for the
 * common shape: anything else is left to the reference encoder.
 */
export class BinaryRowEncoder {
  private scratch = Buffer.allocUnsafe(4096);
  private pos = 0;
  /** Element starts of the array being written, reused. */
  private readonly els: number[] = [];

  get bytes(): Buffer {
    return this.scratch;
  }

  private viewLength = -1;
  private whole = Buffer.alloc(0);
  private tail = Buffer.alloc(0);

  /**
   * The last encoded row's hash inputs: `0x00 ‖ preimage` (the leaf's) and the preimage (the chain's),
   * as views kept while rows keep their length (most do), so no two views are made per row.
   */
  views(n: number): [whole: Buffer, tail: Buffer] {
    if (n !== this.viewLength || this.whole.buffer !== this.scratch.buffer) {
      this.whole = this.scratch.subarray(0, n);
      this.tail = this.scratch.subarray(1, n);
      this.viewLength = n;
    }
    return [this.whole, this.tail];
  }

  /** The hash input's length in `bytes`, or -1 when the row must take the reference path. */
  encode(buf: Buffer, o: Int32Array): number {
    // version 2, no justification text in the row (erasable text is never in the fast path), fixed widths.
    if (o[33] !== 2 || buf.readInt16BE(o[32]!) !== 2 || o[25] !== -1 || o[1] !== 8 || o[3] !== 8 || o[29] !== 64 || o[31] !== 64) return -1;
    if (o[5] !== 16 || o[7] !== 16 || o[15] !== 16 || o[17] !== 16 || (o[13] !== 16 && o[13] !== -1) || (o[27] !== 16 && o[27] !== -1)) return -1;
    if (o[9]! < 0 || o[21]! < 0 || o[11]! < 0 || o[19]! < 0 || o[23]! < 0) return -1;
    if (o[37]! >= 0 && o[37] !== 64) return -1;

    // Upper bound: uuids grow to 36 of 16 bytes, array elements gain quotes and commas, the rest is the keys.
    const need = 512 + 3 * (o[9]! + o[11]! + o[19]! + o[21]! + o[23]! + (o[35]! > 0 ? o[35]! : 0));
    if (need > this.scratch.length) this.scratch = Buffer.allocUnsafe(need * 2);
    const s = this.scratch;
    s[0] = 0;
    this.pos = 1;
    this.raw(buf, o[28]!, 64);
    this.put(K_AT);
    if (!this.timestamp(buf, o[2]!)) return -1;
    this.put(K_CASE_AGENCIES);
    if (!this.uuidArray(buf, o[10]!, o[11]!)) return -1;
    this.put(K_CASE);
    this.quotedUuid(buf, o[4]!);
    this.put(K_CATEGORIES);
    if (!this.textArray(buf, o[22]!, o[23]!)) return -1;
    this.put(K_CONSENT);
    this.quotedUuidOrNull(buf, o[26]!, o[27]!);
    this.put(K_CONTRIBUTION);
    this.quotedUuidOrNull(buf, o[12]!, o[13]!);
    this.put(K_DISTRICT);
    if (!this.quoted(buf, o[8]!, o[9]!, PLAIN)) return -1;
    this.put(K_FROM_AGENCY);
    this.quotedUuid(buf, o[14]!);
    this.put(K_FROM_USER);
    this.quotedUuid(buf, o[16]!);
    this.put(K_COMMITMENT);
    if (o[37]! < 0) this.put(K_NULL);
    else if (!this.quoted(buf, o[36]!, 64, LOWER_HEX_DIGIT)) return -1;
    this.put(K_BASIS);
    if (!this.quoted(buf, o[20]!, o[21]!, PLAIN)) return -1;
    this.put(K_REFERENCE);
    if (o[35]! < 0) this.put(K_NULL);
    else if (!this.quoted(buf, o[34]!, o[35]!, PLAIN)) return -1;
    this.put(K_PROTOCOL);
    this.quotedUuid(buf, o[6]!);
    this.put(K_SEQ);
    if (!this.digits(int64(buf, o[0]!))) return -1;
    this.put(K_TO);
    if (!this.uuidArray(buf, o[18]!, o[19]!)) return -1;
    this.put(K_END);
    return this.pos;
  }

  // Byte loops, not Buffer#copy: the pieces are a few dozen bytes, and each copy() call cost more
  // than the bytes it moved (profiled).
  private put(k: Uint8Array): void {
    const s = this.scratch;
    const w = this.pos;
    for (let i = 0; i < k.length; i++) s[w + i] = k[i]!;
    this.pos = w + k.length;
  }

  private raw(buf: Buffer, p: number, len: number): void {
    const s = this.scratch;
    const w = this.pos;
    for (let i = 0; i < len; i++) s[w + i] = buf[p + i]!;
    this.pos = w + len;
  }

  /** A non-negative safe integer in decimal. */
  private digits(n: number): boolean {
    if (!Number.isSafeInteger(n) || n < 0) return false;
    let len = 1;
    for (let x = n; x >= 10; x = Math.floor(x / 10)) len++;
    const s = this.scratch;
    for (let i = this.pos + len - 1, x = n; i >= this.pos; i--, x = Math.floor(x / 10)) s[i] = 0x30 + (x % 10);
    this.pos += len;
    return true;
  }

  /** The day of the last timestamp written, and its "YYYY-MM-DDT": a log's entries come day by day. */
  private day = Number.NaN;
  private readonly dayPrefix = new Uint8Array(11);

  /** A timestamptz as timestampIso() spells it, for years 1..9999 (false otherwise). */
  private timestamp(buf: Buffer, p: number): boolean {
    const micros = int64(buf, p);
    const rest = micros % 1000;
    const ms = EPOCH_2000_MS + (micros - rest) / 1000 - (rest < 0 ? 1 : 0);
    const day = Math.floor(ms / 86_400_000);
    if (day !== this.day) {
      if (!(Math.abs(ms) <= 8.64e15)) return false;
      const d = new Date(day * 86_400_000);
      const year = d.getUTCFullYear();
      if (year < 1 || year > 9999) return false;
      const iso = d.toISOString();
      for (let i = 0; i < 11; i++) this.dayPrefix[i] = iso.charCodeAt(i);
      this.day = day;
    }
    this.put(this.dayPrefix);
    let t = ms - day * 86_400_000;
    const h = Math.floor(t / 3_600_000);
    t -= h * 3_600_000;
    const m = Math.floor(t / 60_000);
    t -= m * 60_000;
    const sec = Math.floor(t / 1000);
    const milli = t - sec * 1000;
    const s = this.scratch;
    let w = this.pos;
    s[w++] = 0x30 + Math.floor(h / 10);
    s[w++] = 0x30 + (h % 10);
    s[w++] = 0x3a;
    s[w++] = 0x30 + Math.floor(m / 10);
    s[w++] = 0x30 + (m % 10);
    s[w++] = 0x3a;
    s[w++] = 0x30 + Math.floor(sec / 10);
    s[w++] = 0x30 + (sec % 10);
    s[w++] = 0x2e;
    s[w++] = 0x30 + Math.floor(milli / 100);
    s[w++] = 0x30 + (Math.floor(milli / 10) % 10);
    s[w++] = 0x30 + (milli % 10);
    s[w++] = 0x5a;
    this.pos = w;
    return true;
  }

  private uuid(buf: Buffer, p: number): void {
    const s = this.scratch;
    let w = this.pos;
    for (let i = 0; i < 16; i++) {
      if (i === 4 || i === 6 || i === 8 || i === 10) s[w++] = 0x2d;
      const b = buf[p + i]! * 2;
      s[w++] = HEX_CODES[b]!;
      s[w++] = HEX_CODES[b + 1]!;
    }
    this.pos = w;
  }

  private quotedUuid(buf: Buffer, p: number): void {
    this.scratch[this.pos++] = 0x22;
    this.uuid(buf, p);
    this.scratch[this.pos++] = 0x22;
  }

  private quotedUuidOrNull(buf: Buffer, p: number, len: number): void {
    if (len < 0) this.put(K_NULL);
    else this.quotedUuid(buf, p);
  }

  /** `"bytes"`, copied as they are: false (the row takes the reference path) when a byte is not allowed by `ok`. */
  private quoted(buf: Buffer, p: number, len: number, ok: Uint8Array): boolean {
    const s = this.scratch;
    let w = this.pos;
    s[w++] = 0x22;
    for (let i = p, end = p + len; i < end; i++) {
      const b = buf[i]!;
      if (ok[b] === 0) return false;
      s[w++] = b;
    }
    s[w++] = 0x22;
    this.pos = w;
    return true;
  }

  /** The array's element starts in els, sorted by their bytes (= the canonical string order for uuids and ASCII text); false for an odd array. */
  private sortedElements(buf: Buffer, p: number, len: number, oid: number, width: number): boolean {
    const els = this.els;
    els.length = 0;
    if (len < 12 || buf.readUInt32BE(p + 8) !== oid) return false;
    const ndim = buf.readInt32BE(p);
    if (ndim === 0) return true;
    if (ndim !== 1 || len < 20) return false;
    const count = buf.readInt32BE(p + 12);
    let q = p + 20;
    const end = p + len;
    for (let i = 0; i < count; i++) {
      if (q + 4 > end) return false;
      const l = buf.readInt32BE(q);
      q += 4;
      if (l < 0 || (width > 0 && l !== width) || q + l > end) return false;
      els.push(q, l);
      q += l;
    }
    if (q !== end) return false;
    // Insertion sort of (start, length) pairs: arrays here hold a handful of elements.
    for (let i = 2; i < els.length; i += 2) {
      const a = els[i]!;
      const al = els[i + 1]!;
      let j = i - 2;
      while (j >= 0 && buf.compare(buf, a, a + al, els[j]!, els[j]! + els[j + 1]!) > 0) {
        els[j + 2] = els[j]!;
        els[j + 3] = els[j + 1]!;
        j -= 2;
      }
      els[j + 2] = a;
      els[j + 3] = al;
    }
    return true;
  }

  private uuidArray(buf: Buffer, p: number, len: number): boolean {
    if (!this.sortedElements(buf, p, len, UUID_OID, 16)) return false;
    const s = this.scratch;
    const els = this.els;
    s[this.pos++] = 0x5b;
    for (let i = 0; i < els.length; i += 2) {
      if (i) s[this.pos++] = 0x2c;
      this.quotedUuid(buf, els[i]!);
    }
    s[this.pos++] = 0x5d;
    return true;
  }

  /** ASCII elements without characters JSON escapes (else false): sorted bytes are sorted code units then. */
  private textArray(buf: Buffer, p: number, len: number): boolean {
    if (!this.sortedElements(buf, p, len, TEXT_OID, 0)) return false;
    const els = this.els;
    const s = this.scratch;
    s[this.pos++] = 0x5b;
    for (let i = 0; i < els.length; i += 2) {
      if (i) s[this.pos++] = 0x2c;
      if (!this.quoted(buf, els[i]!, els[i + 1]!, PLAIN_ASCII)) return false;
    }
    s[this.pos++] = 0x5d;
    return true;
  }
}
