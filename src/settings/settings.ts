import { z } from 'zod';

export const NavigationLink = z.object({ label: z.string().trim().min(1).max(60), url: z.string().trim().min(1).max(500) });

export const SiteSettings = z.object({
  title: z.string().trim().min(1).max(120),
  description: z.string().trim().max(500),
  /** BCP 47 language tag of the content, for <html lang> and feeds */
  language: z.string().regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'a language tag such as en or en-GB'),
  /** IANA time zone in which dates are shown and months of the archive begin */
  timeZone: z.string().refine(isTimeZone, 'an IANA time zone such as Europe/London'),
  publisherName: z.string().trim().min(1).max(200),
  /** media id of the publisher's logo, used by NewsArticle structured data */
  publisherLogoMediaId: z.string().nullable(),
  navigation: z.array(NavigationLink).max(12),
  commentPolicy: z.string().trim().max(2000),
});
export type SiteSettings = z.output<typeof SiteSettings>;

export const DEFAULT_SETTINGS: SiteSettings = Object.freeze({
  title: 'Dossier',
  description: 'News and analysis',
  language: 'en',
  timeZone: 'UTC',
  publisherName: 'Dossier',
  publisherLogoMediaId: null,
  navigation: [],
  commentPolicy: 'Comments are moderated. Be civil and stay on topic.',
});

// Settings are parsed on every uncached render; building a formatter to check the zone is not cheap.
const knownZones = new Set<string>();

function isTimeZone(zone: string): boolean {
  if (knownZones.has(zone)) return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    knownZones.add(zone);
    return true;
  } catch {
    return false;
  }
}
