// Export entries read as bytes: what the offline verifier (verify-sharing-log) hashes (issue 8,
// verification at 200,000 entries a second).
//
// Parsed with JSON.parse, every entry cost an object of 19 properties, its canonical form rebuilt as
// a JS string and that string encoded to UTF-8 again. An entry exactly as the server writes it
// (entryFromRow's key order, no whitespace, v2, no justification text, ASCII strings without escapes)
// is instead matched byte by byte and its canonical form written straight into a reused buffer
// (ExportEntryEncoder). Every other entry, and any entry whose hash does not match, goes through
// JSON.parse and LogVerifier.push: the verdict and its reason are always the reference path's.
//
// Why the byte-built preimage is the reference one: an ASCII string with no quote, backslash or
// control character is its own JSON.stringify form, so each value's text in the file is copied as the
// canonical form writes it; arrays are taken only when already sorted (the canonical form sorts them,
// byte order being code-unit order for ASCII), `at` only in the canonical spelling (which the
// canonical form keeps as it is), `seq` only as the digits of the expected seq. Anything else declines.

import { CANONICAL_V2_PIECES, LOWER_HEX_DIGIT } from './canonical-pieces';
import { isIsoTimestampWithOffset } from './entry-shape';

const Q = 0x22;
const BACKSLASH = 0x5c;

/** An ASCII literal, with its bytes read as little-endian 32-bit words (compared and copied four at a time). */
interface Literal {
  length: number;
  bytes: Buffer;
  words: Int32Array;
}
function ascii(s: string): Literal {
  const bytes = Buffer.from(s, 'latin1');
  const words = new Int32Array(bytes.length >> 2);
  for (let i = 0; i < words.length; i++) words[i] = bytes.readInt32LE(4 * i);
  return { length: bytes.length, bytes, words };
}

// The server's key order (entryFromRow), each key with what precedes it.
const K_SEQ = ascii('{"seq":');
const K_AT = ascii(',"at":"');
const K_CASE = ascii(',"caseId":');
const K_PROTOCOL = ascii(',"protocolId":');
const K_CONTRIBUTION = ascii(',"contributionId":');
const K_FROM_AGENCY = ascii(',"fromAgencyId":');
const K_FROM_USER = ascii(',"fromUserId":');
const K_TO = ascii(',"toAgencyIds":');
const K_BASIS = ascii(',"legalBasis":');
const K_CATEGORIES = ascii(',"categories":');
const K_JUSTIFICATION_NULL = ascii(',"justification":null');
const K_CONSENT = ascii(',"consentId":');
const K_DISTRICT = ascii(',"district":');
const K_CASE_AGENCIES = ascii(',"caseAgencyIds":');
const K_REFERENCE = ascii(',"legalReference":');
const K_COMMITMENT = ascii(',"justificationCommitment":');
const K_PREV = ascii(',"prevHash":"');
const K_HASH = ascii('","hash":"');
const K_END = ascii('","version":"v2"}');

// The canonical v2 form's pieces (canonical-pieces.ts), in its (sorted) key order.
const P = CANONICAL_V2_PIECES;
const C_AT = ascii(P.at);
const C_CASE_AGENCIES = ascii(P.caseAgencyIds);
const C_CASE = ascii(P.caseId);
const C_CATEGORIES = ascii(P.categories);
const C_CONSENT = ascii(P.consentId);
const C_CONTRIBUTION = ascii(P.contributionId);
const C_DISTRICT = ascii(P.district);
const C_FROM_AGENCY = ascii(P.fromAgencyId);
const C_FROM_USER = ascii(P.fromUserId);
const C_COMMITMENT = ascii(P.justificationCommitment);
const C_BASIS = ascii(P.legalBasis);
const C_REFERENCE = ascii(P.legalReference);
const C_PROTOCOL = ascii(P.protocolId);
const C_SEQ = ascii(P.seq);
const C_TO = ascii(P.toAgencyIds);
const C_END = ascii(P.end);

/** CANONICAL_AT (canonical.ts) on bytes: \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}.\d{3}Z, 24 bytes. */
const AT_SHAPE = '####-##-##T##:##:##.###Z';

function isDigit(b: number): boolean {
  return b >= 0x30 && b <= 0x39;
}

/**
 * Writes the preimage of export entries in the server's layout. Not reentrant: one per verifier
 * (thread). After encode() returned n > 0, `prevAt` and `hashAt` are where the entry's prevHash and
 * hash (64 bytes each) start in the input, and bytes() the 0x00 ‖ preimage.
 */
export class ExportEntryEncoder {
  private out = Buffer.allocUnsafeSlow(4096);
  private pos = 0;
  prevAt = 0;
  hashAt = 0;
  // Value spans [start, end) in the input, quotes and brackets included.
  private at = 0;
  private readonly span = new Int32Array(26);
  private lastAt = Buffer.alloc(24);
  private seqText = '';
  private seqFor = 0;
  /** Bit per slot: an array whose strings are not in canonical order. */
  private unsorted = 0;

  /**
   * Encodes `buf[start, end)` when it is a v2 entry of seq `seq` in the server's layout; returns the
   * length of 0x00 ‖ preimage, or 0 (the entry must take the reference path).
   */
  encode(buf: Buffer, start: number, end: number, seq: number): number {
    let p = start;
    const s = this.span;
    this.unsorted = 0;
    // Every byte is matched: by the literals (keys, punctuation, null), as digits (seq, at), as hex
    // (the commitment here; prevHash and hash by the caller), or inside a string that plainString()
    // takes only as printable ASCII without a backslash (then it is its own JSON.stringify form, and
    // decoding the entry is the identity).
    if (this.srcOf !== buf.buffer) {
      this.srcOf = buf.buffer;
      this.src = new DataView(buf.buffer);
    }
    this.base = buf.byteOffset;
    this.end = end;
    if (start < 0 || end > buf.length) return 0;
    if (!this.lit(buf, p, K_SEQ)) return 0;
    p += K_SEQ.length;
    if (this.seqFor !== seq) {
      this.seqText = String(seq);
      this.seqFor = seq;
    }
    const digits = this.seqText;
    for (let i = 0; i < digits.length; i++) if (buf[p + i] !== digits.charCodeAt(i)) return 0;
    p += digits.length;
    if (!this.lit(buf, p, K_AT)) return 0;
    p += K_AT.length;
    this.at = p;
    if (!this.atOk(buf, p)) return 0;
    p += 24;
    if (buf[p] !== Q) return 0;
    p++;
    // [key, kind] in file order; spans land in s[2k], s[2k+1]. kind 0 string, 1 string|null, 2 array.
    if ((p = this.field(buf, p, K_CASE, 0, 0)) < 0) return 0;
    if ((p = this.field(buf, p, K_PROTOCOL, 1, 0)) < 0) return 0;
    if ((p = this.field(buf, p, K_CONTRIBUTION, 2, 1)) < 0) return 0;
    if ((p = this.field(buf, p, K_FROM_AGENCY, 3, 0)) < 0) return 0;
    if ((p = this.field(buf, p, K_FROM_USER, 4, 0)) < 0) return 0;
    if ((p = this.field(buf, p, K_TO, 5, 2)) < 0) return 0;
    if ((p = this.field(buf, p, K_BASIS, 6, 0)) < 0) return 0;
    if ((p = this.field(buf, p, K_CATEGORIES, 7, 2)) < 0) return 0;
    if (!this.lit(buf, p, K_JUSTIFICATION_NULL)) return 0;
    p += K_JUSTIFICATION_NULL.length;
    if ((p = this.field(buf, p, K_CONSENT, 8, 1)) < 0) return 0;
    if ((p = this.field(buf, p, K_DISTRICT, 9, 0)) < 0) return 0;
    if ((p = this.field(buf, p, K_CASE_AGENCIES, 10, 2)) < 0) return 0;
    if ((p = this.field(buf, p, K_REFERENCE, 11, 1)) < 0) return 0;
    if ((p = this.field(buf, p, K_COMMITMENT, 12, 1)) < 0) return 0;
    // justificationCommitment: null or a lower-case hex HMAC (entryDataProblem).
    if (buf[s[24]!] === Q) {
      if (s[25]! - s[24]! !== 66) return 0;
      for (let i = s[24]! + 1; i < s[25]! - 1; i++) if (LOWER_HEX_DIGIT[buf[i]!] !== 1) return 0;
    }
    if (!this.lit(buf, p, K_PREV)) return 0;
    p += K_PREV.length;
    this.prevAt = p;
    p += 64;
    if (!this.lit(buf, p, K_HASH)) return 0;
    p += K_HASH.length;
    this.hashAt = p;
    p += 64;
    if (!this.lit(buf, p, K_END) || p + K_END.length !== end) return 0;
    // The prevHash and hash themselves are compared byte for byte by the caller (against the
    // previous hash and the computed digest): both only match plain lower-case hex.

    const need = 1 + 64 + (end - start) + 256;
    if (need > this.out.length) {
      this.out = Buffer.allocUnsafeSlow(need * 2);
      this.outView = new DataView(this.out.buffer, this.out.byteOffset, this.out.byteLength);
    }
    this.pos = 0;
    this.out[this.pos++] = 0;
    this.copy(buf, this.prevAt, this.prevAt + 64);
    this.put(C_AT);
    this.copy(buf, this.at, this.at + 24);
    this.put(C_CASE_AGENCIES);
    this.value(buf, 10);
    this.put(C_CASE);
    this.value(buf, 0);
    this.put(C_CATEGORIES);
    this.value(buf, 7);
    this.put(C_CONSENT);
    this.value(buf, 8);
    this.put(C_CONTRIBUTION);
    this.value(buf, 2);
    this.put(C_DISTRICT);
    this.value(buf, 9);
    this.put(C_FROM_AGENCY);
    this.value(buf, 3);
    this.put(C_FROM_USER);
    this.value(buf, 4);
    this.put(C_COMMITMENT);
    this.value(buf, 12);
    this.put(C_BASIS);
    this.value(buf, 6);
    this.put(C_REFERENCE);
    this.value(buf, 11);
    this.put(C_PROTOCOL);
    this.value(buf, 1);
    this.put(C_SEQ);
    for (let i = 0; i < digits.length; i++) this.out[this.pos++] = digits.charCodeAt(i);
    this.put(C_TO);
    this.value(buf, 5);
    this.put(C_END);
    return this.pos;
  }

  /** 0x00 ‖ preimage of the last encode(), n its result; valid until the next call. */
  bytes(n: number): Buffer {
    return this.views(n)[0];
  }

  /** 0x00 ‖ preimage and the preimage alone, for encode()'s result n: views kept per length (entries come in a few lengths). */
  views(n: number): [Buffer, Buffer] {
    let v = this.viewsByLength.get(n);
    if (v === undefined || v[0].buffer !== this.out.buffer) {
      if (this.viewsByLength.size > 64) this.viewsByLength.clear();
      v = [this.out.subarray(0, n), this.out.subarray(1, n)];
      this.viewsByLength.set(n, v);
    }
    return v;
  }

  private readonly viewsByLength = new Map<number, [Buffer, Buffer]>();

  /** Whether the literal `l` is at p (within the entry). Four bytes at a time: DataView reads any alignment. */
  private lit(buf: Buffer, p: number, l: Literal): boolean {
    const n = l.length;
    if (p + n > this.end) return false;
    const dv = this.src;
    const at = this.base + p;
    const w = l.words;
    let i = 0;
    for (; i + 4 <= n; i += 4) if (dv.getInt32(at + i, true) !== w[i >> 2]) return false;
    const b = l.bytes;
    for (; i < n; i++) if (buf[p + i] !== b[i]) return false;
    return true;
  }

  private put(l: Literal): void {
    const odv = this.outView;
    const n = l.length;
    const w = l.words;
    let k = this.pos;
    let i = 0;
    for (; i + 4 <= n; i += 4, k += 4) odv.setInt32(k, w[i >> 2]!, true);
    const o = this.out;
    const b = l.bytes;
    for (; i < n; i++) o[k++] = b[i]!;
    this.pos = k;
  }

  private copy(buf: Buffer, from: number, to: number): void {
    const dv = this.src;
    const odv = this.outView;
    const base = this.base;
    let k = this.pos;
    for (; from + 4 <= to; from += 4, k += 4) odv.setInt32(k, dv.getInt32(base + from, true), true);
    const o = this.out;
    for (; from < to; from++) o[k++] = buf[from]!;
    this.pos = k;
  }

  private value(buf: Buffer, k: number): void {
    if ((this.unsorted & (1 << k)) === 0) {
      this.copy(buf, this.span[2 * k]!, this.span[2 * k + 1]!);
      return;
    }
    // An array of plain strings (checked by field()), not in order: its strings, sorted.
    const xs: [number, number][] = [];
    const end = this.span[2 * k + 1]! - 1;
    for (let p = this.span[2 * k]! + 1; p < end;) {
      const close = buf.indexOf(Q, p + 1);
      xs.push([p + 1, close]);
      p = close + 2;
    }
    xs.sort((a, b) => compareBytes(buf, a[0], a[1], b[0], b[1]));
    this.out[this.pos++] = 0x5b;
    xs.forEach(([from, to], i) => {
      if (i > 0) this.out[this.pos++] = 0x2c;
      this.out[this.pos++] = Q;
      this.copy(buf, from, to);
      this.out[this.pos++] = Q;
    });
    this.out[this.pos++] = 0x5d;
  }

  /** The canonical `at` spelling of a valid date; the last one accepted is remembered (entries share timestamps). */
  private atOk(buf: Buffer, p: number): boolean {
    const last = this.lastAt;
    let same = true;
    for (let i = 0; i < 24; i++) {
      const b = buf[p + i]!;
      if (b !== last[i]) same = false;
      if (AT_SHAPE.charCodeAt(i) === 0x23 ? !isDigit(b) : b !== AT_SHAPE.charCodeAt(i)) return false;
    }
    if (same) return true;
    if (!isIsoTimestampWithOffset(buf.toString('latin1', p, p + 24))) return false;
    buf.copy(last, 0, p, p + 24);
    return true;
  }

  /** Matches key `k` then a value of `kind` (0 string, 1 string or null, 2 sorted array of strings); the position after it, or -1. */
  private field(buf: Buffer, p: number, k: Literal, slot: number, kind: number): number {
    if (!this.lit(buf, p, k)) return -1;
    p += k.length;
    const from = p;
    if (kind === 2) {
      if (buf[p] !== 0x5b) return -1;
      p++;
      if (buf[p] === 0x5d) p++;
      else {
        let prevStart = -1;
        let prevEnd = -1;
        for (;;) {
          const s = p + 1;
          p = this.plainString(buf, p);
          if (p < 0) return -1;
          // Sorted as the canonical form sorts (code units; bytes, for ASCII)? Else sorted when written.
          if (prevStart >= 0 && compareBytes(buf, prevStart, prevEnd, s, p - 1) > 0) this.unsorted |= 1 << slot;
          prevStart = s;
          prevEnd = p - 1;
          if (buf[p] === 0x2c) {
            p++;
            continue;
          }
          if (buf[p] !== 0x5d) return -1;
          p++;
          break;
        }
      }
    } else if (kind === 1 && buf[p] === 0x6e) {
      if (buf[p + 1] !== 0x75 || buf[p + 2] !== 0x6c || buf[p + 3] !== 0x6c) return -1;
      p += 4;
    } else {
      p = this.plainString(buf, p);
      if (p < 0) return -1;
    }
    this.span[2 * slot] = from;
    this.span[2 * slot + 1] = p;
    return p;
  }

  /**
   * A string of printable ASCII without a backslash starting at p (its quote); the position after it,
   * or -1 for anything else (an escape, a control character, a byte that is not ASCII, no end).
   */
  private plainString(buf: Buffer, p: number): number {
    if (buf[p] !== Q) return -1;
    const end = this.end;
    const dv = this.src;
    const base = this.base;
    p++;
    // Four bytes at a time while none is out of range, a backslash or a quote (bit-twiddling hacks:
    // hasless 0x20, hasmore 0x7e, haszero of x ^ '\\\\' and of x ^ '""""'); then byte by byte.
    for (; p + 4 <= end; p += 4) {
      const x = dv.getInt32(base + p, true);
      const y = x ^ 0x5c5c5c5c;
      const z = x ^ 0x22222222;
      if ((((x - 0x20202020) & ~x) | (x + 0x01010101) | x | ((y - 0x01010101) & ~y) | ((z - 0x01010101) & ~z)) & 0x80808080) break;
    }
    for (; p < end; p++) {
      const b = buf[p]!;
      if (b === Q) return p + 1;
      if (b < 0x20 || b > 0x7e || b === BACKSLASH) return -1;
    }
    return -1;
  }

  private end = 0;
  private src: DataView<ArrayBufferLike> = new DataView(new ArrayBuffer(0));
  private srcOf: ArrayBufferLike | null = null;
  private base = 0;
  private outView = new DataView(this.out.buffer, this.out.byteOffset, this.out.byteLength);
}

function compareBytes(buf: Buffer, a: number, aEnd: number, b: number, bEnd: number): number {
  const n = Math.min(aEnd - a, bEnd - b);
  for (let i = 0; i < n; i++) {
    const d = buf[a + i]! - buf[b + i]!;
    if (d !== 0) return d;
  }
  return aEnd - a - (bEnd - b);
}
