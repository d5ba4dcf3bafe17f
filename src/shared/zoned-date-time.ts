/**
 * Wall-clock date and time in a time zone, as a `datetime-local` field holds them
 * ("2026-11-21T06:30"): the UTC instant they name, and back. The site's time zone is in its
 * settings; editors schedule in it.
 */

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
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
 * The instant a `datetime-local` value names in a zone, or null when it is not one. In a DST
 * gap (a time the clocks skip) the instant is the one an hour later; in an overlap, the
 * earlier of the two.
 */
export function zonedLocalToUtc(local: string, timeZone: string): Date | null {
  const m = LOCAL_PATTERN.exec(local.trim());
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map((v) => Number(v ?? 0)) as [number, number, number, number, number, number];
  const wanted = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(wanted);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59) return null;
  // The zone's offset near the guess; twice, since the offset may change between guess and answer.
  let utc = wanted;
  for (let i = 0; i < 2; i++) {
    const w = wallClockOf(new Date(utc), timeZone);
    const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
    utc -= asUtc - wanted;
  }
  return new Date(utc);
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
