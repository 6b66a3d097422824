const formatters = new Map<string, Intl.DateTimeFormat>();

/** A timestamp as shown to users: in Brussels time, in the UI language's Belgian conventions. */
export function formatDateTime(iso: string, language: string): string {
  let formatter = formatters.get(language);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(`${language}-BE`, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Brussels' });
    formatters.set(language, formatter);
  }
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : formatter.format(date);
}
