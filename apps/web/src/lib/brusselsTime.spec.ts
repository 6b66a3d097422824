import { brusselsLocalToIso, nowInBrusselsLocal } from './brusselsTime';

describe('brusselsLocalToIso', () => {
  it('reads a winter time as UTC+1', () => {
    expect(brusselsLocalToIso('2026-01-15T14:30')).toBe('2026-01-15T13:30:00.000Z');
  });

  it('reads a summer time as UTC+2', () => {
    expect(brusselsLocalToIso('2026-07-01T14:30')).toBe('2026-07-01T12:30:00.000Z');
  });

  it('handles the days the clocks change', () => {
    // 29 March 2026: 02:00 → 03:00; 25 October 2026: 03:00 → 02:00.
    expect(brusselsLocalToIso('2026-03-29T01:30')).toBe('2026-03-29T00:30:00.000Z');
    expect(brusselsLocalToIso('2026-03-29T03:30')).toBe('2026-03-29T01:30:00.000Z');
    expect(brusselsLocalToIso('2026-10-25T04:00')).toBe('2026-10-25T03:00:00.000Z');
    expect(brusselsLocalToIso('2026-10-24T23:00')).toBe('2026-10-24T21:00:00.000Z');
  });

  it('is null for what a datetime-local input would not give', () => {
    for (const value of ['', '2026-01-15', '2026-01-15 14:30', '2026-01-15T14:30:00', 'yesterday']) expect(brusselsLocalToIso(value)).toBeNull();
  });

  it('does not depend on the zone of the computer', () => {
    // The jsdom process runs in whatever TZ the machine has; the answer above must not move with it.
    expect(new Date(brusselsLocalToIso('2026-11-21T09:00')!).getUTCHours()).toBe(8);
  });
});

describe('nowInBrusselsLocal', () => {
  it('gives Brussels wall-clock time as a datetime-local value', () => {
    expect(nowInBrusselsLocal(new Date('2026-11-21T13:30:45Z'))).toBe('2026-11-21T14:30');
    expect(nowInBrusselsLocal(new Date('2026-07-01T22:05:00Z'))).toBe('2026-07-02T00:05');
  });

  it('round-trips through brusselsLocalToIso to the minute', () => {
    const now = new Date('2026-05-03T06:07:00Z');
    expect(brusselsLocalToIso(nowInBrusselsLocal(now))).toBe(now.toISOString());
  });
});
