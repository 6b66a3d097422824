// Rules of everyday casework: when a closed case may be reopened and the one-working-day triage
// deadline of an urgent referral (the repeat-referral window is in case-work.ts).

import { addDays, addMonths, todayInBrussels } from './dates';
import type { ClosureReason, Stage } from './enums';

/** A closed case can be reopened by its team for this many months (never beyond the protocol's retention). */
export const REOPEN_WINDOW_MONTHS = 12;

export function reopenWindowMonths(protocolRetentionMonths: number | null | undefined): number {
  return protocolRetentionMonths && protocolRetentionMonths > 0 ? Math.min(REOPEN_WINDOW_MONTHS, protocolRetentionMonths) : REOPEN_WINDOW_MONTHS;
}

export type ReopenRefusal = 'CASE_NOT_CLOSED' | 'REOPEN_WINDOW_PASSED';

export interface ReopenVerdict {
  allowed: boolean;
  code?: ReopenRefusal;
  message?: string;
  to?: Stage;
  lastDay?: string;
}

/**
 * May a closed case be reopened today? A case closed after its evaluation goes back to case
 * direction; one closed at weighing (not included) goes back to weighing; a referral declined at
 * intake goes back to intake, to wait for acceptance again.
 */
export function checkReopen(input: {
  stage: Stage;
  closureReason: ClosureReason | null;
  closedOn: string | null;
  today: string;
  windowMonths: number;
  anonymised: boolean;
}): ReopenVerdict {
  if (input.stage !== 'AFGESLOTEN' || !input.closedOn) return { allowed: false, code: 'CASE_NOT_CLOSED', message: 'Only a closed case can be reopened' };
  if (input.anonymised)
    return { allowed: false, code: 'REOPEN_WINDOW_PASSED', message: 'The case was anonymised after its retention period; refer the family again' };
  const to: Stage = input.closureReason === 'COMPLETED' ? 'CASUSREGIE' : input.closureReason === 'NOT_INCLUDED' ? 'WEGING' : 'AANMELDING';
  const lastDay = addMonths(input.closedOn, input.windowMonths);
  if (input.today > lastDay) {
    return {
      allowed: false,
      code: 'REOPEN_WINDOW_PASSED',
      message: `The case can be reopened until ${lastDay} (${input.windowMonths} months after closing); file a new referral`,
      lastDay,
    };
  }
  return { allowed: true, to, lastDay };
}

/** Easter Sunday (Gregorian, anonymous algorithm) as YYYY-MM-DD. */
export function easterSunday(year: number): string {
  const a = year % 19,
    b = Math.floor(year / 100),
    c = year % 100,
    d = Math.floor(b / 4),
    e = b % 4;
  const f = Math.floor((b + 8) / 25),
    g = Math.floor((b - f + 1) / 3),
    h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4),
    k = c % 4,
    l = (32 + 2 * e + 2 * i - h - k) % 7,
    m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31),
    day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The ten Belgian public holidays of a year. */
export function belgianPublicHolidays(year: number): string[] {
  const easter = easterSunday(year);
  const fixed = ['01-01', '05-01', '07-21', '08-15', '11-01', '11-11', '12-25'].map((md) => `${year}-${md}`);
  return [...fixed, addDays(easter, 1), addDays(easter, 39), addDays(easter, 50)].sort();
}

export function isWorkingDay(isoDate: string): boolean {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(y, m - 1, d, 12)).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !belgianPublicHolidays(y).includes(isoDate);
}

/** The first working day after `isoDate` (Brussels calendar, weekends and public holidays skipped). */
export function nextWorkingDay(isoDate: string): string {
  let d = addDays(isoDate, 1);
  while (!isWorkingDay(d)) d = addDays(d, 1);
  return d;
}

/**
 * When an urgent referral made at `now` must be triaged: the same time on the next working day
 * (a referral on Friday afternoon is due on Monday afternoon, one on a Saturday on Monday).
 */
export function triageDeadline(now: Date): Date {
  const today = todayInBrussels(now);
  const due = nextWorkingDay(today);
  const days = Math.round((Date.UTC(...ymd(due)) - Date.UTC(...ymd(today))) / 86_400_000);
  return new Date(now.getTime() + days * 86_400_000);
}

function ymd(iso: string): [number, number, number] {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return [y, m - 1, d];
}
