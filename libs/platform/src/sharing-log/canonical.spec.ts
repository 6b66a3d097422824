import { canonicalEntry } from './canonical';
import type { SharingLogEntryData } from './entry';

const entry: SharingLogEntryData = {
  seq: 7,
  at: '2026-11-23T13:00:00+01:00',
  caseId: 'c-1',
  protocolId: 'p-1',
  contributionId: null,
  fromAgencyId: 'a-police',
  fromUserId: 'u-1',
  toAgencyIds: ['a-caw', 'a-az', 'a-justice'],
  legalBasis: 'ART_458TER',
  categories: ['RISK_ASSESSMENT', 'IDENTIFICATION'],
  justification: 'Acute risico op herhaling; afstemming veiligheidsplan.',
  consentId: null,
};

describe('canonicalEntry', () => {
  it('is frozen: this exact string is what every existing hash was computed over', () => {
    expect(canonicalEntry(entry)).toBe(
      '{"at":"2026-11-23T12:00:00.000Z","caseId":"c-1","categories":["IDENTIFICATION","RISK_ASSESSMENT"],' +
        '"consentId":null,"contributionId":null,"fromAgencyId":"a-police","fromUserId":"u-1",' +
        '"justification":"Acute risico op herhaling; afstemming veiligheidsplan.","legalBasis":"ART_458TER",' +
        '"protocolId":"p-1","seq":7,"toAgencyIds":["a-az","a-caw","a-justice"],"version":"v1"}',
    );
  });

  it('has its keys in sorted order and carries the version tag', () => {
    const parsed = JSON.parse(canonicalEntry(entry)) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual([...Object.keys(parsed)].sort());
    expect(parsed['version']).toBe('v1');
  });

  it('does not depend on array order, timestamp spelling or extra fields', () => {
    const same = {
      ...entry,
      at: '2026-11-23T12:00:00Z',
      toAgencyIds: ['a-justice', 'a-caw', 'a-az'],
      categories: ['IDENTIFICATION', 'RISK_ASSESSMENT'],
      fromAgencyName: 'Politiezone Gent',
    };
    expect(canonicalEntry(same)).toBe(canonicalEntry(entry));
  });

  it('does not sort the caller’s arrays in place', () => {
    const e = { ...entry, toAgencyIds: ['b', 'a'] };
    canonicalEntry(e);
    expect(e.toAgencyIds).toEqual(['b', 'a']);
  });

  it('refuses a timestamp without an offset, which would depend on the machine’s time zone', () => {
    expect(() => canonicalEntry({ ...entry, at: '2026-11-23T12:00:00' })).toThrow(/UTC offset/);
  });

  it('refuses missing or mistyped fields instead of hashing an ambiguous form', () => {
    expect(() => canonicalEntry({ ...entry, contributionId: undefined } as unknown as SharingLogEntryData)).toThrow(/contributionId/);
    expect(() => canonicalEntry({ ...entry, seq: '7' } as unknown as SharingLogEntryData)).toThrow(/seq/);
    expect(() => canonicalEntry({ ...entry, categories: ['X', 1] } as unknown as SharingLogEntryData)).toThrow(/categories/);
  });
});
