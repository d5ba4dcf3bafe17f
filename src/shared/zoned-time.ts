/** Calendar months in a time zone, for date archives: which month an instant falls in, and a month's bounds. */

export interface YearMonth {
  year: number;
  month: number; // 1–12
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(timeZone);
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
    partsFormatters.set(timeZone, f);
  }
  return f;
}

function wallClock(date: Date, timeZone: string): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
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

export function monthOf(date: Date, timeZone: string): YearMonth {
  const { year, month } = wallClock(date, timeZone);
  return { year, month };
}

/** The UTC instant at which a wall-clock time happens in a zone (the earlier one in a DST overlap). */
function zonedToUtc(year: number, month: number, day: number, timeZone: string): Date {
  const guess = Date.UTC(year, month - 1, day);
  // The zone's offset near the guess; twice, since the offset may change between guess and answer.
  let utc = guess;
  for (let i = 0; i < 2; i++) {
    const w = wallClock(new Date(utc), timeZone);
    const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
    utc = guess - (asUtc - utc);
  }
  return new Date(utc);
}

/** [start, end) of a calendar month in a time zone, as ISO instants comparable with stored times. */
export function monthRange({ year, month }: YearMonth, timeZone: string): { from: string; to: string } {
  const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
  return {
    from: zonedToUtc(year, month, 1, timeZone).toISOString(),
    to: zonedToUtc(next.year, next.month, 1, timeZone).toISOString(),
  };
}

export function monthKey({ year, month }: YearMonth): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}
