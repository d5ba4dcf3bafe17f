/**
 * Wall-clock time in a time zone: which calendar month an instant falls in and a month's
 * bounds (date archives), and the `datetime-local` value ("2026-11-21T06:30") an editor
 * schedules with, to the UTC instant it names and back. The site's time zone is in its settings.
 */

export interface YearMonth {
  year: number;
  month: number; // 1–12
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function wallClockOf(date: Date, timeZone: string): WallClock {
  const parts = Object.fromEntries(formatterFor(timeZone).formatToParts(date).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/**
 * The UTC instant at which a wall-clock time (given as if it were UTC, in ms) happens in a
 * zone. In a DST gap (a time the clocks skip) it is the one an hour later; in an overlap,
 * the earlier of the two.
 */
function wallClockToUtc(wanted: number, timeZone: string): Date {
  // The zone's offset near the guess; twice, since the offset may change between guess and answer.
  let utc = wanted;
  for (let i = 0; i < 2; i++) {
    const w = wallClockOf(new Date(utc), timeZone);
    utc -= Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - wanted;
  }
  return new Date(utc);
}

export function monthOf(date: Date, timeZone: string): YearMonth {
  const { year, month } = wallClockOf(date, timeZone);
  return { year, month };
}

/** [start, end) of a calendar month in a time zone, as ISO instants comparable with stored times. */
export function monthRange({ year, month }: YearMonth, timeZone: string): { from: string; to: string } {
  const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
  return {
    from: wallClockToUtc(Date.UTC(year, month - 1, 1), timeZone).toISOString(),
    to: wallClockToUtc(Date.UTC(next.year, next.month - 1, 1), timeZone).toISOString(),
  };
}

export function monthKey({ year, month }: YearMonth): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** The instant a `datetime-local` value names in a zone, or null when it is not one. */
export function zonedLocalToUtc(local: string, timeZone: string): Date | null {
  const m = LOCAL_PATTERN.exec(local.trim());
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map((v) => Number(v ?? 0)) as [number, number, number, number, number, number];
  const wanted = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(wanted);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59) return null;
  return wallClockToUtc(wanted, timeZone);
}

/**
 * The `datetime-local` value ("2026-11-21T06:30", or "2026-11-21T06:30:15" when the seconds
 * are not zero) of an instant in a zone: saved again as shown, it names the same second.
 */
export function utcToZonedLocal(date: Date, timeZone: string): string {
  const w = wallClockOf(date, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${w.year}-${two(w.month)}-${two(w.day)}T${two(w.hour)}:${two(w.minute)}${w.second === 0 ? '' : `:${two(w.second)}`}`;
}
