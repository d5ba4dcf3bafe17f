/** Dates as the admin shows them: in the site's time zone, named. */
const formatters = new Map<string, Intl.DateTimeFormat>();

export function formatStaffDate(iso: string | null, timeZone: string, precision: 'minute' | 'second' = 'minute'): string {
  if (!iso) return '';
  const key = `${timeZone} ${precision}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, dateStyle: 'medium', timeStyle: precision === 'second' ? 'medium' : 'short' });
    formatters.set(key, f);
  }
  return f.format(new Date(iso));
}

export const STATUS_LABELS: Record<string, string> = {
  draft: 'Draft',
  pending: 'Pending review',
  scheduled: 'Scheduled',
  published: 'Published',
  withdrawn: 'Withdrawn',
  trashed: 'In the trash',
};
