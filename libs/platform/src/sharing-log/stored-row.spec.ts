import { createHash, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { GENESIS_HASH, type SharingLogEntry, type SharingLogEntryData } from './entry';
import { LogVerifier, sealEntry } from './hash-chain';
import { storedTextRow } from './stored-row.testing';

// pushStoredRow() encodes v2 rows straight from their columns; it must give the verdicts and the
// tree of the general path, which hashes the reference JSON.stringify form.

const uuid = () => randomUUID();
function data(seq: number, over: Partial<SharingLogEntryData> = {}): SharingLogEntryData {
  return {
    seq,
    at: new Date(Date.UTC(2026, 10, 23, 12, 0, seq)).toISOString(),
    caseId: uuid(),
    protocolId: uuid(),
    contributionId: seq % 2 ? uuid() : null,
    fromAgencyId: uuid(),
    fromUserId: uuid(),
    toAgencyIds: [uuid(), uuid()],
    legalBasis: 'ART_458TER',
    categories: ['RISK_ASSESSMENT', 'IDENTIFICATION'],
    justification: null,
    consentId: seq % 3 ? null : uuid(),
    district: 'Antwerpen',
    caseAgencyIds: [uuid()],
    legalReference: seq % 2 ? 'art. 458ter Sw.' : null,
    justificationCommitment: seq % 4 ? createHash('sha256').update(String(seq)).digest('hex') : null,
    version: 'v2',
    ...over,
  };
}

function chain(items: SharingLogEntryData[]): SharingLogEntry[] {
  const out: SharingLogEntry[] = [];
  for (const d of items) out.push(sealEntry(out.at(-1)?.hash ?? GENESIS_HASH, d));
  return out;
}

const reference = (d: SharingLogEntryData) =>
  JSON.stringify({
    at: d.at,
    caseAgencyIds: [...d.caseAgencyIds!].sort(),
    caseId: d.caseId,
    categories: [...d.categories].sort(),
    consentId: d.consentId,
    contributionId: d.contributionId,
    district: d.district,
    fromAgencyId: d.fromAgencyId,
    fromUserId: d.fromUserId,
    justificationCommitment: d.justificationCommitment,
    legalBasis: d.legalBasis,
    legalReference: d.legalReference,
    protocolId: d.protocolId,
    seq: d.seq,
    toAgencyIds: [...d.toAgencyIds].sort(),
    version: 'v2',
  });

describe('LogVerifier.pushStoredRow', () => {
  it('hashes exactly the reference encoding, whatever the text columns hold', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.string(),
        fc.option(fc.string()),
        fc.array(fc.string(), { maxLength: 3 }),
        (district, legalBasis, legalReference, categories) => {
          const d = data(1, { district, legalBasis, legalReference, categories });
          const e = sealEntry(GENESIS_HASH, d);
          expect(e.hash).toBe(
            createHash('sha256')
              .update(`${GENESIS_HASH}\n${reference(d)}`)
              .digest('hex'),
          );
          const fast = new LogVerifier();
          const general = new LogVerifier();
          expect(fast.pushStoredRow(storedTextRow(e))).toBe(true);
          expect(general.push(e)).toBe(true);
          expect(fast.root().equals(general.root())).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('gives the same tree as push() over a chain, and checks expected roots', () => {
    const entries = chain(Array.from({ length: 37 }, (_, i) => data(i + 1)));
    const general = new LogVerifier();
    for (const e of entries) general.push(e);
    const fast = new LogVerifier();
    fast.expectRoot(37, general.root(), 'the latest signed checkpoint');
    for (const e of entries) expect(fast.pushStoredRow(storedTextRow(e))).toBe(true);
    expect(fast.result()).toEqual({ valid: true, entries: 37 });
  });

  it('names the entry when any stored column is changed', () => {
    const entries = chain(
      Array.from({ length: 5 }, (_, i) =>
        data(i + 1, { contributionId: uuid(), consentId: uuid(), legalReference: 'x', justificationCommitment: 'a'.repeat(64) }),
      ),
    );
    const changes: [number, unknown][] = [
      [1, '2026-11-23T12:00:09.000Z'],
      [2, uuid()],
      [3, uuid()],
      [4, 'Gent'],
      [5, `{${uuid()}}`],
      [6, uuid()],
      [7, uuid()],
      [8, uuid()],
      [9, `{${uuid()}}`],
      [10, 'ART_OTHER'],
      [11, '["OTHER"]'],
      [12, 'now a justification'],
      [13, uuid()],
      [14, 'f'.repeat(64)],
      [15, 'e'.repeat(64)],
      [16, 1],
      [17, 'y'],
      [18, 'b'.repeat(64)],
    ];
    for (const [col, value] of changes) {
      const v = new LogVerifier();
      const rows = entries.map((e) => storedTextRow(e));
      rows[2]![col] = value;
      for (const r of rows) if (!v.pushStoredRow(r)) break;
      const res = v.result();
      expect({ col, valid: res.valid, seq: res.firstBrokenSeq }).toEqual({ col, valid: false, seq: 3 });
    }
  });

  it('verifies v1 rows through the general path', () => {
    const v1 = chain(
      [1, 2].map((seq) => ({
        ...data(seq),
        version: undefined,
        district: undefined,
        caseAgencyIds: undefined,
        legalReference: undefined,
        justificationCommitment: undefined,
        justification: 'why',
      })),
    );
    const general = new LogVerifier();
    for (const e of v1) general.push(e);
    const fast = new LogVerifier();
    for (const e of v1)
      expect(fast.pushStoredRow([...storedTextRow({ ...e, district: 'Antwerpen', caseAgencyIds: [] }, 1)].map((x, i) => (i === 4 ? 'Antwerpen' : x)))).toBe(
        true,
      );
    expect(fast.result().valid).toBe(true);
  });
});
