import { createHash, randomUUID } from 'node:crypto';
import { BinaryRowEncoder, COPY_ROW_FIELDS, CopyTupleReader, copyRangeSql, decodeStoredRow } from './binary-rows';
import { entryPreimage } from './canonical';
import { GENESIS_HASH, type SharingLogEntry, type SharingLogEntryData } from './entry';
import { LogVerifier, sealEntry } from './hash-chain';
import { storedTextRow } from './stored-row.testing';

// The verification workers read the log as binary COPY and build the hash input from its bytes.
// These tests hold that path to the text path it replaces: the same bytes for every well-formed row,
// the same text row for every other, and the same verdict however a row was changed.

type Field = Buffer | null;
const int2 = (n: number) => {
  const b = Buffer.alloc(2);
  b.writeInt16BE(n);
  return b;
};
const int4 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};
const int8 = (n: number) => {
  const b = Buffer.alloc(8);
  b.writeBigInt64BE(BigInt(n));
  return b;
};
const uuid = (s: string) => Buffer.from(s.replace(/-/g, ''), 'hex');
const text = (s: string) => Buffer.from(s, 'utf8');
const timestamp = (iso: string, extraMicros = 0) => int8((Date.parse(iso) - Date.UTC(2000, 0, 1)) * 1000 + extraMicros);
function array(oid: number, elements: (Buffer | null)[]): Buffer {
  if (!elements.length) return Buffer.concat([int4(0), int4(0), int4(oid)]);
  const hasNull = elements.some((e) => e === null) ? 1 : 0;
  return Buffer.concat([
    int4(1),
    int4(hasNull),
    int4(oid),
    int4(elements.length),
    int4(1),
    ...elements.flatMap((e) => (e === null ? [int4(-1)] : [int4(e.length), e])),
  ]);
}
const uuidArray = (xs: string[]) => array(2950, xs.map(uuid));
const textArray = (xs: string[]) => array(25, xs.map(text));

function copyStream(rows: Field[][]): Buffer {
  const parts: Buffer[] = [Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'), int4(0), int4(0)];
  for (const r of rows) {
    parts.push(int2(r.length));
    for (const f of r) parts.push(...(f === null ? [int4(-1)] : [int4(f.length), f]));
  }
  parts.push(int2(-1));
  return Buffer.concat(parts);
}

/** A stored entry as the COPY_ROW_COLUMNS tuple PostgreSQL would send. */
const fields = (e: SharingLogEntry): Field[] => [
  int8(e.seq),
  timestamp(e.at),
  uuid(e.caseId),
  uuid(e.protocolId),
  text(e.district!),
  uuidArray(e.caseAgencyIds!),
  e.contributionId === null ? null : uuid(e.contributionId),
  uuid(e.fromAgencyId),
  uuid(e.fromUserId),
  uuidArray(e.toAgencyIds),
  text(e.legalBasis),
  textArray(e.categories),
  e.justification === null || e.justification === undefined ? null : text(e.justification),
  e.consentId === null ? null : uuid(e.consentId),
  text(e.prevHash),
  text(e.hash),
  int2(e.version === 'v2' ? 2 : 1),
  e.legalReference === null || e.legalReference === undefined ? null : text(e.legalReference),
  e.justificationCommitment === null || e.justificationCommitment === undefined ? null : text(e.justificationCommitment),
];

function data(seq: number, over: Partial<SharingLogEntryData> = {}): SharingLogEntryData {
  return {
    seq,
    at: new Date(Date.UTC(1995, 0, 1) + seq * 7_654_321_987 + (seq % 1000)).toISOString(),
    /* across days, years and 2000-01-01 */ caseId: randomUUID(),
    protocolId: randomUUID(),
    contributionId: seq % 3 ? randomUUID() : null,
    fromAgencyId: randomUUID(),
    fromUserId: randomUUID(),
    toAgencyIds: [randomUUID(), randomUUID()],
    legalBasis: 'ART_458TER',
    categories: seq % 2 ? ['RISK_ASSESSMENT', 'CONTACT_DETAILS'] : ['WELFARE_SUPPORT'],
    justification: null,
    consentId: seq % 4 ? null : randomUUID(),
    district: seq % 5 ? 'Antwerpen' : 'Liège — “Sud”',
    caseAgencyIds: seq % 6 ? [randomUUID(), randomUUID(), randomUUID()] : [],
    legalReference: seq % 7 ? 'art. 458ter Sw.' : null,
    justificationCommitment: seq % 8 ? createHash('sha256').update(String(seq)).digest('hex') : null,
    version: 'v2',
    ...over,
  };
}

function log(n: number, over: (seq: number) => Partial<SharingLogEntryData> = () => ({})): SharingLogEntry[] {
  const entries: SharingLogEntry[] = [];
  for (let i = 1; i <= n; i++) entries.push(sealEntry(entries.at(-1)?.hash ?? GENESIS_HASH, data(i, over(i))));
  return entries;
}

/** Every tuple of a COPY stream fed in the given chunks, decoded. */
function tuples(stream: Buffer, cuts: number[]): unknown[][] {
  const out: unknown[][] = [];
  const reader = new CopyTupleReader(COPY_ROW_FIELDS, (buf, offs) => out.push(decodeStoredRow(buf, offs)));
  let at = 0;
  for (const c of [...cuts, stream.length]) {
    reader.feed(stream.subarray(at, c));
    at = c;
  }
  expect(reader.ended).toBe(true);
  return out;
}

function verdictOf(rows: Field[][], binary: boolean, defer = false): ReturnType<LogVerifier['result']> & { root: string } {
  const v = new LogVerifier();
  v.deferChainHashes = defer;
  const encoder = new BinaryRowEncoder();
  new CopyTupleReader(COPY_ROW_FIELDS, (buf, offs) => {
    if (binary) v.pushBinaryRow(buf, offs, encoder);
    else v.pushStoredRow(decodeStoredRow(buf, offs));
  }).feed(copyStream(rows));
  v.settle();
  return { ...v.result(), root: v.root().toString('hex') };
}

describe('binary COPY rows of the sharing log', () => {
  it('writes, for every well-formed v2 row, exactly the bytes its hashes are over', () => {
    const encoder = new BinaryRowEncoder();
    for (const e of log(60)) {
      let bytes: Buffer | null = null;
      new CopyTupleReader(COPY_ROW_FIELDS, (buf, offs) => {
        const n = encoder.encode(buf, offs);
        bytes = n < 0 ? null : Buffer.from(encoder.bytes.subarray(0, n));
      }).feed(copyStream([fields(e)]));
      expect(bytes).toEqual(Buffer.concat([Buffer.from([0]), Buffer.from(entryPreimage(e.prevHash, e), 'utf8')]));
    }
  });

  it('sorts stored arrays the way the canonical form does', () => {
    const [e] = log(1, () => ({
      caseAgencyIds: ['ffffffff-0000-4000-8000-000000000000', '00000000-0000-4000-8000-000000000000'],
      categories: ['WELFARE_SUPPORT', 'CONTACT_DETAILS'],
    }));
    const stored = fields(e!);
    stored[5] = uuidArray([...e!.caseAgencyIds!].reverse());
    stored[11] = textArray(['WELFARE_SUPPORT', 'CONTACT_DETAILS']);
    const encoder = new BinaryRowEncoder();
    let n = -1;
    new CopyTupleReader(COPY_ROW_FIELDS, (buf, offs) => {
      n = encoder.encode(buf, offs);
    }).feed(copyStream([stored]));
    expect(encoder.bytes.subarray(1, n).toString('utf8')).toBe(entryPreimage(e!.prevHash, e!));
    expect(verdictOf([stored], true)).toMatchObject({ valid: true, entries: 1 });
  });

  it('decodes every row into the text row form, wherever the stream is cut', () => {
    const entries = log(12, (seq) =>
      seq === 5 ? { justification: 'Zus meldt "bedreiging"\n', version: 'v1', legalReference: null, justificationCommitment: null } : {},
    );
    const stream = copyStream(entries.map(fields));
    const expected = entries.map((e) => storedTextRow(e));
    for (const cuts of [[], [1], [18, 19, 20], [100, 101, 500], Array.from({ length: 40 }, (_, i) => i * 97 + 3)]) {
      expect(
        tuples(
          stream,
          cuts.filter((c) => c < stream.length),
        ),
      ).toEqual(expected);
    }
  });

  it('spells timestamps as to_char does: milliseconds truncated, BC and far years as digits', () => {
    const [e] = log(1);
    const row = fields(e!);
    row[1] = timestamp('2026-01-01T00:00:00.999Z', 900);
    expect(tuples(copyStream([row]), [])[0]![1]).toBe('2026-01-01T00:00:00.999Z');
    row[1] = Buffer.from('7fffffffffffffff', 'hex'); // 'infinity'
    expect(tuples(copyStream([row]), [])[0]![1]).toBeNull();
  });

  it("gives the text path's verdict however a stored column is changed", () => {
    const entries = log(8);
    const changes: [number, Field][] = [
      [1, timestamp(entries[3]!.at, 1000)],
      [2, uuid(randomUUID())],
      [3, uuid(randomUUID())],
      [4, text('Gent')],
      [5, uuidArray([randomUUID()])],
      [6, null],
      [7, uuid(randomUUID())],
      [8, uuid(randomUUID())],
      [9, uuidArray([])],
      [10, text('GDPR_6_1_E')],
      [11, textArray(['CONTACT_DETAILS'])],
      [12, text('a justification slipped in')],
      [13, uuid(randomUUID())],
      [14, text('0'.repeat(64))],
      [15, text('f'.repeat(64))],
      [16, int2(1)],
      [17, text('art. 458quater Sw.')],
      [18, text('a'.repeat(64))],
      [0, int8(99)],
      [4, null],
      [5, array(25, [text('x')])],
      [11, textArray(['"quoted"'])],
      [11, textArray(['CATÉGORIE'])],
      [4, text('Bruxelles\u0000')],
      [5, uuidArray([randomUUID(), '00000000-0000-4000-8000-000000000000']).subarray(0, 30)],
    ];
    for (const [field, value] of changes) {
      const rows = entries.map(fields);
      rows[3]![field] = value;
      const binary = verdictOf(rows, true);
      expect({ field, ...binary }).toEqual({ field, ...verdictOf(rows, false) });
      expect({ field, valid: binary.valid }).toEqual({ field, valid: false });
    }
    expect(verdictOf(entries.map(fields), true)).toMatchObject({ valid: true, entries: 8 });
  });

  it('without chain hashes, still never takes a changed row with the tree of the signed one', () => {
    // Deferred mode leaves an entry's own hash to the next entry's link and the tree to the signed
    // root: every change must then fail the range or change the root (verifyStoredLog re-runs in full).
    const entries = log(8);
    const signedRoot = verdictOf(entries.map(fields), true, true).root;
    expect(verdictOf(entries.map(fields), true, true)).toEqual({ valid: true, entries: 8, root: signedRoot });
    for (const target of [3, 7]) {
      for (let field = 0; field < COPY_ROW_FIELDS; field++) {
        const rows = entries.map(fields);
        const v = rows[target]![field];
        // (a timestamp moves by a millisecond: the hash covers the instant to the millisecond, as to_char spells it)
        rows[target]![field] =
          field === 1
            ? timestamp(entries[target]!.at, 1000)
            : field === 12
              ? text('x')
              : v === null || v === undefined
                ? text('0')
                : Buffer.from(v.map((b, i) => (i === v.length - 1 ? b ^ 1 : b)));
        const deferred = verdictOf(rows, true, true);
        expect({ target, field, caught: !deferred.valid || deferred.root !== signedRoot }).toEqual({ target, field, caught: true });
      }
    }
  });

  it('takes the text path for rows it does not build itself, with the same verdict', () => {
    const entries = log(6, (seq) => (seq === 2 ? { district: 'Zuid "Oost"' } : seq === 4 ? { categories: ['CATÉGORIE', 'AUTRE'] } : {}));
    expect(verdictOf(entries.map(fields), true)).toMatchObject({ valid: true, entries: 6 });
    expect(verdictOf(entries.map(fields), false)).toMatchObject({ valid: true, entries: 6 });
  });

  it('refuses a stream that is not binary COPY, and ranges that are not seq ranges', () => {
    expect(() => new CopyTupleReader(COPY_ROW_FIELDS, () => undefined).feed(Buffer.from('seq\tat\n1\t2026-01-01\n..........'))).toThrow(
      'not a binary COPY stream',
    );
    expect(copyRangeSql(0, 10)).toContain('WHERE seq > 0 AND seq <= 10 ORDER BY seq) TO STDOUT (FORMAT binary)');
    expect(copyRangeSql(5, null)).toContain('WHERE seq > 5 ORDER BY seq)');
    expect(() => copyRangeSql(1.5, 3)).toThrow(RangeError);
    expect(() => copyRangeSql(4, 3)).toThrow(RangeError);
  });
});
