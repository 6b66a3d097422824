import { addDays, addMonths, isIsoDate, todayInBrussels } from './dates';

describe('todayInBrussels', () => {
  it.each([
    ['2026-01-15T12:00:00Z', '2026-01-15'],
    ['2025-12-31T22:59:59Z', '2025-12-31'], // 23:59:59 CET
    ['2025-12-31T23:00:00Z', '2026-01-01'], // midnight CET, still the 31st in UTC
    ['2026-03-29T00:30:00Z', '2026-03-29'], // night of the switch to summer time
    ['2026-07-01T21:59:59Z', '2026-07-01'], // 23:59:59 CEST
    ['2026-07-01T22:00:00Z', '2026-07-02'], // midnight CEST
    ['2026-10-24T22:30:00Z', '2026-10-25'], // 00:30 CEST, the night back to winter time
    ['2026-10-25T22:59:59Z', '2026-10-25'], // 23:59:59 CET
  ])('%s is %s in Brussels', (instant, expected) => {
    expect(todayInBrussels(new Date(instant))).toBe(expected);
  });

  it('gives the right day when asked again within the same UTC hour, and across midnight', () => {
    // The last answer is reused within a UTC hour: each pair straddles a Brussels midnight or sits inside one hour.
    const asked = [
      '2026-07-01T21:00:00Z',
      '2026-07-01T21:59:59Z',
      '2026-07-01T22:00:00Z',
      '2026-07-01T22:59:59Z',
      '2025-12-31T22:10:00Z',
      '2025-12-31T23:00:00Z',
    ];
    expect(asked.map((t) => todayInBrussels(new Date(t)))).toEqual(['2026-07-01', '2026-07-01', '2026-07-02', '2026-07-02', '2025-12-31', '2026-01-01']);
    expect(todayInBrussels(new Date('1880-06-01T23:50:00Z'))).toBe('1880-06-02'); // before 1892: Brussels mean time, +0:17:30
  });

  it('defaults to now', () => {
    const before = todayInBrussels(new Date());
    const today = todayInBrussels();
    const after = todayInBrussels(new Date());
    expect(isIsoDate(today)).toBe(true);
    expect([before, after]).toContain(today);
  });
});

describe('addMonths', () => {
  it.each<[string, number, string]>([
    ['2026-01-15', 1, '2026-02-15'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-05-31', 1, '2026-06-30'],
    ['2026-11-30', 2, '2027-01-30'],
    ['2026-01-10', -1, '2025-12-10'],
    ['2026-05-15', 0, '2026-05-15'],
    ['2026-05-15', 12, '2027-05-15'],
    ['2026-05-15', 120, '2036-05-15'],
    ['2026-05-15', -25, '2024-04-15'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2100-01-31', 1, '2100-02-28'],
    ['2000-01-31', 1, '2000-02-29'],
  ])('%s + %i months = %s', (date, n, expected) => {
    expect(addMonths(date, n)).toBe(expected);
  });

  it.each<[string, number]>([
    ['2026-02-30', 1],
    ['15/05/2026', 1],
    ['2026-05-15T00:00:00Z', 1],
    ['2026-05-15', 1.5],
    ['2026-05-15', Number.NaN],
    ['9999-12-01', 1],
  ])('refuses %s + %s', (date, n) => {
    expect(() => addMonths(date, n)).toThrow(RangeError);
  });
});

describe('isIsoDate', () => {
  it.each<[unknown, boolean]>([
    ['2026-05-15', true],
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['0001-01-01', true],
    ['2026-02-29', false],
    ['1900-02-29', false],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-05-00', false],
    ['2026-5-15', false],
    ['2026-05-15T10:00:00Z', false],
    [' 2026-05-15', false],
    ['', false],
    [null, false],
    [20260515, false],
  ])('%j → %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });
});

describe('addDays', () => {
  it.each([
    ['2026-11-23', 7, '2026-11-30'],
    ['2026-11-28', 7, '2026-12-05'],
    ['2026-12-30', 3, '2027-01-02'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2027-02-28', 1, '2027-03-01'],
    ['2026-03-01', -1, '2026-02-28'],
  ])('%s + %i days = %s', (from, n, to) => {
    expect(addDays(from, n)).toBe(to);
  });

  it('refuses an impossible date', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
  });
});
