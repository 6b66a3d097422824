import { belgianPublicHolidays, checkReopen, easterSunday, isWorkingDay, nextWorkingDay, reopenWindowMonths, triageDeadline } from './casework';

describe('reopening a closed case', () => {
  const closed = {
    stage: 'AFGESLOTEN' as const,
    closureReason: 'COMPLETED' as const,
    closedOn: '2026-01-15',
    today: '2026-06-01',
    windowMonths: 12,
    anonymised: false,
  };

  it('sends a completed case back to case direction within the window', () => {
    expect(checkReopen(closed)).toEqual({ allowed: true, to: 'CASUSREGIE', lastDay: '2027-01-15' });
  });

  it('sends a case not included back to weighing', () => {
    expect(checkReopen({ ...closed, closureReason: 'NOT_INCLUDED' }).to).toBe('WEGING');
  });

  it('refuses after the window, on its last day still allows', () => {
    expect(checkReopen({ ...closed, today: '2027-01-15' }).allowed).toBe(true);
    expect(checkReopen({ ...closed, today: '2027-01-16' })).toMatchObject({ allowed: false, code: 'REOPEN_WINDOW_PASSED' });
  });

  it('sends a declined referral back to intake', () => {
    expect(checkReopen({ ...closed, closureReason: 'DECLINED' })).toMatchObject({ allowed: true, to: 'AANMELDING' });
  });

  it('refuses an open case and an anonymised case', () => {
    expect(checkReopen({ ...closed, stage: 'UITVOERING' }).code).toBe('CASE_NOT_CLOSED');
    expect(checkReopen({ ...closed, anonymised: true }).code).toBe('REOPEN_WINDOW_PASSED');
  });

  it('never lets the window outlast the protocol retention', () => {
    expect(reopenWindowMonths(6)).toBe(6);
    expect(reopenWindowMonths(60)).toBe(12);
    expect(reopenWindowMonths(null)).toBe(12);
  });
});

describe('the one-working-day triage deadline', () => {
  it('knows Easter and the Belgian public holidays', () => {
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
    expect(belgianPublicHolidays(2026)).toEqual([
      '2026-01-01',
      '2026-04-06',
      '2026-05-01',
      '2026-05-14',
      '2026-05-25',
      '2026-07-21',
      '2026-08-15',
      '2026-11-01',
      '2026-11-11',
      '2026-12-25',
    ]);
    expect(isWorkingDay('2026-07-21')).toBe(false);
    expect(isWorkingDay('2026-07-22')).toBe(true);
  });

  it('skips weekends and holidays', () => {
    expect(nextWorkingDay('2026-11-27')).toBe('2026-11-30'); // Friday → Monday
    expect(nextWorkingDay('2026-11-10')).toBe('2026-11-12'); // Armistice on the 11th
    expect(nextWorkingDay('2026-12-24')).toBe('2026-12-28'); // Christmas Friday, then the weekend
  });

  it('is the same hour of the next working day', () => {
    expect(triageDeadline(new Date('2026-11-25T09:30:00+01:00')).toISOString()).toBe('2026-11-26T08:30:00.000Z');
    expect(triageDeadline(new Date('2026-11-27T15:00:00+01:00')).toISOString()).toBe('2026-11-30T14:00:00.000Z');
  });
});
