// A time people type ("informed at 14:30") is Brussels wall-clock time, whatever the zone of the
// computer they type it on. These helpers convert between that and an instant, without a library.

let partsFormatter: Intl.DateTimeFormat | undefined;

function brusselsParts(date: Date): Record<string, number> {
  partsFormatter ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Brussels',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const out: Record<string, number> = {};
  for (const p of partsFormatter.formatToParts(date)) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return out;
}

/** Minutes Brussels is ahead of UTC at `date` (60 in winter, 120 in summer). */
function brusselsOffsetMinutes(date: Date): number {
  const p = brusselsParts(date);
  const asUtc = Date.UTC(p['year']!, p['month']! - 1, p['day']!, p['hour']!, p['minute']!, p['second']!);
  return Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
}

/** The value of a `datetime-local` input (`2026-11-21T14:30`), read as Brussels time, as an ISO instant; null when not a valid value. */
export function brusselsLocalToIso(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  // The offset at the guessed instant, then once more at the corrected one (around a DST change).
  let instant = wall - brusselsOffsetMinutes(new Date(wall)) * 60_000;
  instant = wall - brusselsOffsetMinutes(new Date(instant)) * 60_000;
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** Now, as a `datetime-local` value in Brussels time (the default of "when" fields). */
export function nowInBrusselsLocal(now: Date = new Date()): string {
  const p = brusselsParts(now);
  const pad = (n: number | undefined) => String(n ?? 0).padStart(2, '0');
  return `${p['year']}-${pad(p['month'])}-${pad(p['day'])}T${pad(p['hour'])}:${pad(p['minute'])}`;
}
