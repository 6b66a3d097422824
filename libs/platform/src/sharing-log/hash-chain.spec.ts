import { canonicalEntry } from './canonical';
import { GENESIS_HASH, type SharingLogEntry, type SharingLogEntryData } from './entry';
import { entryHash, sealEntry, verifyChain } from './hash-chain';
import { createHash } from 'node:crypto';

function data(seq: number): SharingLogEntryData {
  return {
    seq,
    at: new Date(Date.UTC(2026, 10, 23, 12, seq)).toISOString(),
    caseId: 'case-1',
    protocolId: 'protocol-1',
    contributionId: seq % 2 ? `contribution-${seq}` : null,
    fromAgencyId: 'agency-police',
    fromUserId: 'user-1',
    toAgencyIds: ['agency-caw', 'agency-justice-house'],
    legalBasis: 'ART_458TER',
    categories: ['IDENTIFICATION', 'RISK_ASSESSMENT'],
    justification: `Disclosure ${seq}: needed for the safety plan.`,
    consentId: null,
  };
}

function chain(n: number): SharingLogEntry[] {
  const out: SharingLogEntry[] = [];
  for (let seq = 1; seq <= n; seq++) out.push(sealEntry(out.at(-1)?.hash ?? GENESIS_HASH, data(seq)));
  return out;
}

describe('entryHash', () => {
  it('is SHA-256 over prevHash, a newline and the canonical entry', () => {
    const expected = createHash('sha256')
      .update(`${GENESIS_HASH}\n${canonicalEntry(data(1))}`)
      .digest('hex');
    expect(entryHash(GENESIS_HASH, data(1))).toBe(expected);
    expect(expected).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('verifyChain', () => {
  it('accepts an honest chain, and the empty log', () => {
    expect(verifyChain(chain(5))).toEqual({ valid: true, entries: 5 });
    expect(verifyChain([])).toEqual({ valid: true, entries: 0 });
  });

  it('sorts by seq: the order rows arrive in does not matter', () => {
    const entries = chain(5);
    expect(verifyChain([entries[3]!, entries[0]!, entries[4]!, entries[2]!, entries[1]!]).valid).toBe(true);
  });

  it.each([
    ['justification', { justification: 'Something else entirely.' }],
    ['toAgencyIds', { toAgencyIds: ['agency-caw', 'agency-justice-house', 'agency-school'] }],
    ['legalBasis', { legalBasis: 'CONSENT' }],
    ['at', { at: '2026-11-23T12:04:00.001Z' }],
  ])('reports an altered %s in entry 3 of 5 as broken at seq 3', (_field, change) => {
    const entries = chain(5);
    entries[2] = { ...entries[2]!, ...change };
    expect(verifyChain(entries)).toEqual({ valid: false, entries: 5, firstBrokenSeq: 3, reason: 'hash mismatch' });
  });

  it('reports a row rewritten with a recomputed hash at the next seq (its prevHash no longer matches)', () => {
    const entries = chain(5);
    entries[2] = sealEntry(entries[2]!.prevHash, { ...data(3), legalBasis: 'CONSENT' });
    expect(verifyChain(entries)).toMatchObject({ valid: false, firstBrokenSeq: 4, reason: 'prevHash does not match the previous entry' });
  });

  it('reports a deleted row at the next seq, naming the gap', () => {
    const entries = chain(5);
    entries.splice(2, 1);
    expect(verifyChain(entries)).toEqual({ valid: false, entries: 4, firstBrokenSeq: 4, reason: 'entry 3 is missing before seq 4' });
  });

  it('reports deleted first rows', () => {
    expect(verifyChain(chain(5).slice(2))).toMatchObject({ valid: false, firstBrokenSeq: 3, reason: expect.stringMatching(/1\.\.2 are missing/) });
  });

  it('reports two rows swapped and renumbered at the first of them', () => {
    const entries = chain(5);
    const swapped = [entries[0]!, { ...entries[2]!, seq: 2 }, { ...entries[1]!, seq: 3 }, entries[3]!, entries[4]!];
    expect(verifyChain(swapped)).toMatchObject({ valid: false, firstBrokenSeq: 2 });
  });

  it('reports a duplicated seq', () => {
    const entries = chain(3);
    expect(verifyChain([...entries, entries[1]!])).toMatchObject({ valid: false, firstBrokenSeq: 2, reason: 'seq 2 appears more than once' });
  });

  it('verifies a stretch that starts later from the given prevHash', () => {
    const entries = chain(6);
    expect(verifyChain(entries.slice(3), entries[2]!.hash)).toEqual({ valid: true, entries: 3 });
    expect(verifyChain(entries.slice(3), entries[1]!.hash)).toMatchObject({ valid: false, firstBrokenSeq: 4 });
  });

  it('turns malformed input into a verdict, not an exception', () => {
    const entries = chain(3);
    expect(verifyChain([entries[0]!, { ...entries[1], seq: '2' } as unknown as SharingLogEntry])).toMatchObject({
      valid: false,
      reason: 'entry #2 has no valid seq',
    });
    expect(verifyChain([entries[0]!, { ...entries[1], toAgencyIds: null } as unknown as SharingLogEntry])).toMatchObject({
      valid: false,
      firstBrokenSeq: 2,
      reason: expect.stringMatching(/toAgencyIds/),
    });
    expect(verifyChain([null] as unknown as SharingLogEntry[])).toMatchObject({ valid: false });
    expect(verifyChain('x' as unknown as SharingLogEntry[])).toMatchObject({ valid: false });
  });
});
