import { randomUUID } from 'node:crypto';
import { entryPreimage } from './canonical';
import { GENESIS_HASH, type SharingLogEntry, type SharingLogEntryData } from './entry';
import { ExportEntryEncoder } from './export-entry-bytes';
import { verifyExportStretch } from './export-stretch';
import { justificationCommitment, LogVerifier, sealEntry } from './hash-chain';
import type { Hash } from './merkle';

// The offline verifier hashes export entries from their bytes. These tests hold that path to the
// reference (JSON.parse, then LogVerifier.push): the same preimage for every entry it takes, and the
// same verdict, reason and leaves however an entry of an export was changed.

function data(seq: number, over: Partial<SharingLogEntryData> = {}): SharingLogEntryData {
  return {
    seq,
    at: new Date(Date.UTC(2026, 10, 23, 9, 0, seq)).toISOString(),
    caseId: randomUUID(),
    protocolId: randomUUID(),
    contributionId: seq % 3 ? randomUUID() : null,
    fromAgencyId: randomUUID(),
    fromUserId: randomUUID(),
    toAgencyIds: seq % 2 ? [randomUUID(), randomUUID(), randomUUID()] : [randomUUID()],
    legalBasis: 'ART_458TER',
    categories: seq % 4 ? ['WELFARE_SUPPORT', 'RISK_ASSESSMENT'] : [],
    justification: null,
    consentId: seq % 5 ? null : randomUUID(),
    district: 'Antwerpen',
    caseAgencyIds: [randomUUID(), randomUUID()],
    legalReference: seq % 6 ? 'art. 458ter Sw.' : null,
    justificationCommitment: seq % 7 ? 'ab'.repeat(32) : null,
    version: 'v2',
    ...over,
  };
}

/** Entries as the server exports them: entryFromRow's key order, version last. */
function exported(e: SharingLogEntry): string {
  const { version, ...rest } = e;
  const ordered = {
    seq: rest.seq,
    at: rest.at,
    caseId: rest.caseId,
    protocolId: rest.protocolId,
    contributionId: rest.contributionId,
    fromAgencyId: rest.fromAgencyId,
    fromUserId: rest.fromUserId,
    toAgencyIds: rest.toAgencyIds,
    legalBasis: rest.legalBasis,
    categories: rest.categories,
    justification: rest.justification,
    consentId: rest.consentId,
    district: rest.district,
    caseAgencyIds: rest.caseAgencyIds,
    legalReference: rest.legalReference,
    justificationCommitment: rest.justificationCommitment,
    prevHash: rest.prevHash,
    hash: rest.hash,
  };
  return JSON.stringify(version === undefined ? ordered : { ...ordered, version });
}

function log(n: number, over: (seq: number) => Partial<SharingLogEntryData> = () => ({})): SharingLogEntry[] {
  const out: SharingLogEntry[] = [];
  for (let seq = 1; seq <= n; seq++) out.push(sealEntry(out.at(-1)?.hash ?? GENESIS_HASH, data(seq, over(seq))));
  return out;
}

/** Both paths over the same texts: verdict, leaves and head. */
function bothPaths(texts: string[]) {
  const run = (bytes: boolean) => {
    const v = new LogVerifier();
    const leaves: string[] = [];
    v.onLeaf = (leaf: Hash) => leaves.push(leaf.toString('hex'));
    const enc = new ExportEntryEncoder();
    let thrown: string | undefined;
    try {
      for (const t of texts) {
        const buf = Buffer.from(` ${t} `); // not at offset 0, bytes around it
        if (!(bytes ? v.pushExportEntry(buf, 1, buf.length - 1, enc) : v.push(JSON.parse(t) as SharingLogEntry))) break;
      }
    } catch (e) {
      thrown = (e as Error).name;
    }
    return { result: v.result(), leaves, head: v.headHash, thrown };
  };
  return { bytes: run(true), reference: run(false) };
}

describe('ExportEntryEncoder', () => {
  it('writes the reference preimage for entries in the server layout', () => {
    const entries = log(60);
    const enc = new ExportEntryEncoder();
    for (const e of entries) {
      const buf = Buffer.from(exported(e));
      const n = enc.encode(buf, 0, buf.length, e.seq);
      expect(n).toBeGreaterThan(0);
      expect(enc.bytes(n).subarray(1).toString('utf8')).toBe(entryPreimage(e.prevHash, e));
      expect(enc.bytes(n)[0]).toBe(0);
    }
  });

  it('sorts arrays the canonical form sorts, and declines what it does not take', () => {
    const enc = new ExportEntryEncoder();
    const [e] = log(1, () => ({ toAgencyIds: ['b', 'a', 'ab', 'A'], categories: ['Z', 'a', 'Z'] }));
    const buf = Buffer.from(exported(e!));
    const n = enc.encode(buf, 0, buf.length, 1);
    expect(enc.bytes(n).subarray(1).toString()).toBe(entryPreimage(e!.prevHash, e!));
    const declined = (text: string, seq = 1) => enc.encode(Buffer.from(text), 0, Buffer.byteLength(text), seq) === 0;
    const t = exported(e!);
    expect(declined(t, 2)).toBe(true); // another seq
    expect(declined(t.replace('"district":"Antwerpen"', '"district":"Li\u00e8ge"'))).toBe(true); // not ASCII
    expect(declined(t.replace('"district":"Antwerpen"', '"district":"Antw\\u0065rpen"'))).toBe(true); // an escape
    expect(declined(t.replace('{"seq":1,', '{ "seq":1,'))).toBe(true); // whitespace
    expect(declined(t.replace('"version":"v2"}', '"version":"v2","x":1}'))).toBe(true); // another key
    expect(declined(t.replace('"justification":null', '"justification":"why"'))).toBe(true); // a justification to check
    expect(declined(t.replace(/"at":"[^"]*"/, '"at":"2026-13-45T09:00:01.000Z"'))).toBe(true); // not a date
    expect(declined(t.replace(/"at":"[^"]*"/, '"at":"2026-11-23T09:00:01Z"'))).toBe(true); // not the canonical spelling
    expect(declined(t.replace(/"justificationCommitment":"[^"]*"/, `"justificationCommitment":"${'AB'.repeat(32)}"`))).toBe(true);
  });
});

describe('LogVerifier.pushExportEntry', () => {
  const base = log(12, (seq) => (seq === 4 ? { justificationCommitment: null } : {}));
  const texts = base.map(exported);

  it('accepts an intact export exactly as the reference does, without the reference', () => {
    const push = jest.spyOn(LogVerifier.prototype, 'push');
    try {
      const { bytes, reference } = bothPaths(texts);
      expect(bytes.result.valid).toBe(true);
      expect(bytes).toEqual(reference);
      expect(push).toHaveBeenCalledTimes(texts.length); // the reference run's only
    } finally {
      push.mockRestore();
    }
  });

  // Every column (and the layout around it) changed in entry 7: same verdict, reason, leaves.
  const seven = JSON.parse(texts[6]!) as Record<string, unknown>;
  const edits: [string, (t: string) => string][] = [];
  for (const key of Object.keys(seven)) {
    const v = seven[key];
    const set = (value: unknown) => (t: string) => JSON.stringify({ ...(JSON.parse(t) as object), [key]: value });
    edits.push([`${key} changed`, set(typeof v === 'string' ? `${v.slice(0, -1)}${v.endsWith('0') ? '1' : '0'}` : typeof v === 'number' ? v + 1 : ['x'])]);
    edits.push([`${key} null`, set(null)]);
    edits.push([`${key} a number`, set(7)]);
    edits.push([`${key} an array`, set(['a', 'b'])]);
    edits.push([
      `${key} removed`,
      (t) => {
        const o = JSON.parse(t) as Record<string, unknown>;
        delete o[key];
        return JSON.stringify(o);
      },
    ]);
    edits.push([`${key} given twice`, (t) => `${t.slice(0, -1)},${JSON.stringify(key)}:${JSON.stringify(v)}}`]);
    edits.push([`${key} given twice, changed`, (t) => `${t.slice(0, -1)},${JSON.stringify(key)}:"other"}`]);
    if (typeof v === 'string') {
      // The same value spelled with an escape: the reference reads the same string.
      edits.push([
        `${key} escaped`,
        (t) => t.replace(`${JSON.stringify(key)}:${JSON.stringify(v)}`, `${JSON.stringify(key)}:"\\u00${v.charCodeAt(0).toString(16)}${v.slice(1)}"`),
      ]);
    }
  }
  edits.push(
    ['seq as 7.0', (t) => t.replace('"seq":7,', '"seq":7.0,')],
    ['seq as 7e0', (t) => t.replace('"seq":7,', '"seq":7e0,')],
    ['whitespace', (t) => t.replace(/,"/g, ', "')],
    ['keys in another order', (t) => JSON.stringify(Object.fromEntries(Object.entries(JSON.parse(t) as object).reverse()))],
    ['arrays unsorted', (t) => t.replace(/"caseAgencyIds":\["([^"]*)","([^"]*)"\]/, '"caseAgencyIds":["$2","$1"]')],
    ['a redacted marker', (t) => `${t.slice(0, -1)},"redacted":true}`],
    ['the hash upper-case', (t) => t.replace(/"hash":"([^"]*)"/, (_m, h: string) => `"hash":"${h.toUpperCase()}"`)],
    ['a justification without its key', (t) => t.replace('"justification":null', '"justification":"why"')],
    ['a control character', (t) => t.replace('"district":"Antwerpen"', '"district":"Antw\\nerpen"')],
    ['a string with braces and quotes', (t) => t.replace('"legalBasis":"ART_458TER"', '"legalBasis":"},{\\"seq\\":8}"')],
    ['not JSON', (t) => t.replace('"seq":7,', '"seq":7,,')],
  );

  // What the word-wise string scan must stop at, at every position modulo four.
  for (let i = 0; i < 9; i++) {
    for (const [what, insert] of [
      ['an escape', '\\u0041'],
      ['a quote', '\\"'],
      ['a backslash', '\\\\'],
      ['a letter not ASCII', '\u00e9'],
      ['a raw control character', '\u0001'],
      ['DEL', '\u007f'],
    ]) {
      edits.push([
        `${what} at ${i} in a string`,
        (t) => t.replace(/"legalBasis":"ART_458TER"/, `"legalBasis":"${'ART_458TER'.slice(0, i)}${insert}${'ART_458TER'.slice(i)}"`),
      ]);
    }
  }

  it.each(edits)('gives the reference verdict for %s', (_what, edit) => {
    const changed = [...texts];
    changed[6] = edit(changed[6]!);
    const { bytes, reference } = bothPaths(changed);
    expect(bytes).toEqual(reference);
  });

  it('gives the reference verdict for a justification with its key', () => {
    const nonce = Buffer.alloc(32, 1).toString('base64');
    const entries = log(3, (seq) => (seq === 2 ? { justificationCommitment: justificationCommitment(nonce, 'why') } : {}));
    const t = entries.map(exported);
    t[1] = t[1]!.replace('"justification":null', `"justification":"why","justificationNonce":"${nonce}"`);
    expect(bothPaths(t).bytes).toEqual(bothPaths(t).reference);
    expect(bothPaths(t).bytes.result.valid).toBe(true);
    t[1] = t[1]!.replace('"justification":"why"', '"justification":"not why"');
    expect(bothPaths(t).bytes).toEqual(bothPaths(t).reference);
    expect(bothPaths(t).bytes.result).toMatchObject({ valid: false, firstBrokenSeq: 2 });
  });
});

describe('verifyExportStretch', () => {
  it('returns the tree of its leaves and the snapshots asked for', () => {
    const entries = log(40);
    const texts = entries.slice(32).map((e) => Buffer.from(exported(e)));
    const offs = new Int32Array(texts.length * 2);
    let at = 0;
    texts.forEach((t, i) => {
      offs[2 * i] = at;
      at += t.length;
      offs[2 * i + 1] = at;
    });
    const r = verifyExportStretch({ bytes: Buffer.concat(texts), offs, count: 8, marks: [3, 5] });
    const v = new LogVerifier(entries[31]!.hash, 33);
    const leaves: Hash[] = [];
    v.onLeaf = (leaf) => leaves.push(leaf);
    for (const e of entries.slice(32)) v.push(e);
    expect(r).toMatchObject({ valid: true, firstSeq: 33, count: 8, headHash: entries[39]!.hash, redacted: 0 });
    expect(r.snapshots.map(([n]) => n)).toEqual([3, 5]);
    expect(r.tree.byteLength).toBe(32);
  });
});
