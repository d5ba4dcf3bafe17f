const FORMAT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });

/** A moment in admin lists: "20 Nov 2026, 12:00 UTC", machine-readable in `datetime`; "never" without one. */
export function When({ at, never = 'Never' }: { at: Date | string | null | undefined; never?: string }) {
  if (!at) return <span class="admin-muted">{never}</span>;
  const date = typeof at === 'string' ? new Date(at) : at;
  return <time datetime={date.toISOString()}>{`${FORMAT.format(date)} UTC`}</time>;
}
