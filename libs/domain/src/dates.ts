// Calendar dates travel as 'YYYY-MM-DD' strings, not Date objects: a due date or a protocol's
// validity is a day in Brussels, and a Date would drag a time and a timezone into every
// comparison. Same-format strings compare correctly with < and <=, which the rules rely on.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day written as YYYY-MM-DD ('2026-02-30' is false). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

// Built once: constructing an Intl formatter is far costlier than using one.
let brusselsFormatter: Intl.DateTimeFormat | undefined;

/** The calendar day it is in Brussels at `now`, whatever the server's or browser's own zone. */
export function todayInBrussels(now: Date = new Date()): string {
  // Brussels is a whole number of hours from UTC (+1 or +2), so its midnight always falls on a UTC
  // hour: within one UTC hour the day cannot change, and the last answer is reused (the case detail
  // asks on every read; formatToParts costs about 10 µs).
  const hour = Math.floor(now.getTime() / 3_600_000);
  if (hour === lastDay.hour) return lastDay.day;
  const day = formatBrusselsDay(now);
  // (From 1970 on: before 1892 Brussels kept its own mean time, not a whole hour from UTC.)
  if (hour >= 0) lastDay = { hour, day };
  return day;
}

let lastDay: { hour: number; day: string } = { hour: NaN, day: '' };

function formatBrusselsDay(now: Date): string {
  brusselsFormatter ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Brussels',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  // formatToParts rather than format(): the separator and order of a formatted string depend
  // on the locale data shipped with the runtime.
  const parts = brusselsFormatter.formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/**
 * Adds `n` calendar months (negative to go back). A day that does not exist in the target month
 * becomes that month's last day, so a retention period starting 31 January ends on 28/29 February
 * rather than spilling into March.
 */
export function addMonths(isoDate: string, n: number): string {
  if (!isIsoDate(isoDate)) throw new RangeError(`Not a YYYY-MM-DD date: ${String(isoDate)}`);
  if (!Number.isInteger(n)) throw new RangeError(`Months to add must be a whole number: ${n}`);
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const monthIndex = year * 12 + (month - 1) + n;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  if (targetYear < 0 || targetYear > 9999) throw new RangeError(`Date out of range after adding ${n} months`);
  const targetDay = Math.min(day, daysInMonth(targetYear, targetMonth));
  return `${pad(targetYear, 4)}-${pad(targetMonth, 2)}-${pad(targetDay, 2)}`;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

// Plain arithmetic instead of Date: Date.UTC maps years 0–99 onto the 1900s.
function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  if (month === 2 && leap) return 29;
  const days = DAYS_IN_MONTH[month - 1];
  if (days === undefined) throw new RangeError(`No month ${month}`);
  return days;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** Adds `n` calendar days (negative to go back) to a YYYY-MM-DD date. */
export function addDays(isoDate: string, n: number): string {
  if (!isIsoDate(isoDate)) throw new RangeError(`Not a YYYY-MM-DD date: ${String(isoDate)}`);
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  // setUTCFullYear (unlike Date.UTC) keeps years 0–99; noon UTC keeps clear of any offset.
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(12);
  d.setTime(d.getTime() + n * 86_400_000);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}
