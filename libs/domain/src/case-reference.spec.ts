import { formatCaseReference, parseCaseReference } from './case-reference';

describe('formatCaseReference', () => {
  it.each<[number, number, string]>([
    [2026, 42, 'CO-2026-00042'],
    [2026, 1, 'CO-2026-00001'],
    [2027, 99999, 'CO-2027-99999'],
    [2027, 123456, 'CO-2027-123456'],
  ])('%i / %i → %s', (year, seq, expected) => {
    expect(formatCaseReference(year, seq)).toBe(expected);
  });

  it.each<[number, number]>([
    [2026, 0],
    [2026, -1],
    [2026, 1.5],
    [2026, Number.NaN],
    [26, 1],
    [10000, 1],
    [2026.5, 1],
  ])('refuses year %s with sequence %s', (year, seq) => {
    expect(() => formatCaseReference(year, seq)).toThrow(RangeError);
  });
});

describe('parseCaseReference', () => {
  it.each([1, 42, 999, 99999, 100000, 1234567])('round-trips sequence %i', (seq) => {
    expect(parseCaseReference(formatCaseReference(2026, seq))).toEqual({ year: 2026, seq });
  });

  it('tolerates spaces and lower case as typed in a search box', () => {
    expect(parseCaseReference('  co-2026-00042 ')).toEqual({ year: 2026, seq: 42 });
  });

  it.each([
    '',
    'CO-2026-42',
    'CO-2026-0042',
    'CO-2026-000042',
    'CO-2026-00000',
    'CO-26-00042',
    'XX-2026-00042',
    'CO-2026-00042-1',
    'CO 2026 00042',
    'CO-0999-00042',
  ])('rejects %j', (input) => {
    expect(parseCaseReference(input)).toBeNull();
  });

  it('rejects a non-string from an untrusted caller', () => {
    expect(parseCaseReference(42 as unknown as string)).toBeNull();
  });
});
