/**
 * Dates as readers see them, in the site's language and time zone. Formatters are
 * cached: building an Intl.DateTimeFormat costs far more than using one.
 */
export interface DateSettings {
  language: string;
  timeZone: string;
}

type Style = 'date' | 'dateTime' | 'time' | 'month' | 'monthName' | 'dayKey';

const OPTIONS: Record<Style, Intl.DateTimeFormatOptions> = {
  date: { day: 'numeric', month: 'long', year: 'numeric' },
  dateTime: { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' },
  time: { hour: '2-digit', minute: '2-digit', timeZoneName: 'short' },
  month: { month: 'long', year: 'numeric' },
  monthName: { month: 'long' },
  dayKey: { year: 'numeric', month: '2-digit', day: '2-digit' },
};

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(style: Style, { language, timeZone }: DateSettings): Intl.DateTimeFormat {
  const key = `${style}|${language}|${timeZone}`;
  let found = cache.get(key);
  if (!found) {
    found = create(style, localeOf(language), timeZone);
    cache.set(key, found);
  }
  return found;
}

function create(style: Style, locale: string, timeZone: string): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(locale, { ...OPTIONS[style], timeZone });
  } catch {
    // A tag Intl does not know still gets readable dates.
    return new Intl.DateTimeFormat('en-GB', { ...OPTIONS[style], timeZone: 'UTC' });
  }
}

// Bare "en" means no region was chosen: "12 March 2026" reads unambiguously everywhere.
function localeOf(language: string): string {
  return language.toLowerCase() === 'en' ? 'en-GB' : language;
}

/** "12 March 2026" */
export function formatDate(date: Date, settings: DateSettings): string {
  return formatter('date', settings).format(date);
}

/** "12 March 2026, 14:05" (the locale decides the joiner) */
export function formatDateTime(date: Date, settings: DateSettings): string {
  return formatter('dateTime', settings).format(date);
}

/** "14:05 UTC" */
export function formatTime(date: Date, settings: DateSettings): string {
  return formatter('time', settings).format(date);
}

/** Whether two instants fall on the same calendar day where the site is. */
export function isSameDay(a: Date, b: Date, settings: DateSettings): boolean {
  const f = formatter('dayKey', settings);
  return f.format(a) === f.format(b);
}

/** "March 2026" for an archive month (month 1–12). */
export function formatMonth(year: number, month: number, settings: Pick<DateSettings, 'language'>): string {
  return formatter('month', { language: settings.language, timeZone: 'UTC' }).format(midMonth(year, month));
}

/** "March" */
export function formatMonthName(year: number, month: number, settings: Pick<DateSettings, 'language'>): string {
  return formatter('monthName', { language: settings.language, timeZone: 'UTC' }).format(midMonth(year, month));
}

/** For `<time datetime>` and metadata. */
export function isoDateTime(date: Date): string {
  return date.toISOString();
}

function midMonth(year: number, month: number): Date {
  return new Date(Date.UTC(year, month - 1, 15, 12));
}
