const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * A calendar day (YYYY-MM-DD: a due date, a birth date, a protocol's validity) as shown to users,
 * in the UI language's Belgian conventions. It is a day, not an instant: no time-zone shift.
 */
export function formatDate(isoDate: string | null | undefined, language: string): string {
  if (!isoDate) return '';
  let formatter = formatters.get(language);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(`${language}-BE`, { dateStyle: 'medium', timeZone: 'UTC' });
    formatters.set(language, formatter);
  }
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? isoDate : formatter.format(date);
}
