import { z } from 'zod';

/**
 * A menu link: a path on this site ("/about/"), a web address, or a mail link. Anything
 * else (javascript:, data:, "//host") is refused: menus are printed on every page.
 */
export const MenuUrl = z
  .string()
  .trim()
  .min(1, 'Enter a path such as /about/ or an address such as https://example.org/.')
  .max(500, 'at most 500 characters')
  .refine(
    (url) => (url.startsWith('/') && !url.startsWith('//') && !url.includes('\\')) || /^https?:\/\/[^\s/]+/i.test(url) || /^mailto:[^\s@]+@[^\s@]+$/i.test(url),
    'Enter a path such as /about/, an address starting with https://, or mailto:name@example.org.',
  )
  .refine((url) => !/[\s<>"]/.test(url), 'A link cannot contain spaces, quotes or angle brackets.');

export const NavigationLink = z.object({
  label: z.string().trim().min(1, 'Enter the text of the link.').max(60, 'at most 60 characters'),
  url: MenuUrl,
});
export type NavigationLink = z.output<typeof NavigationLink>;

export const COMMENT_MODERATION = ['hold-first', 'hold-all', 'approve-all'] as const;
export type CommentModeration = (typeof COMMENT_MODERATION)[number];

export const MAX_MENU_LINKS = 12;

export const SiteSettings = z.object({
  title: z.string().trim().min(1, 'The site needs a title.').max(120, 'at most 120 characters'),
  description: z.string().trim().max(500, 'at most 500 characters'),
  /** BCP 47 language tag of the content, for <html lang> and feeds */
  language: z.string().regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'a language tag such as en or en-GB'),
  /** IANA time zone in which dates are shown and months of the archive begin */
  timeZone: z.string().refine(isTimeZone, 'an IANA time zone such as Europe/London'),
  publisherName: z.string().trim().min(1, 'Name the publisher.').max(200, 'at most 200 characters'),
  /** media id of the publisher's logo, used by NewsArticle structured data */
  publisherLogoMediaId: z.string().nullable(),
  /** the menu in every page's header, after the top-level topics */
  navigation: z.array(NavigationLink).max(MAX_MENU_LINKS, `at most ${MAX_MENU_LINKS} links`),
  /** the menu in every page's footer, before the standalone pages */
  secondaryNavigation: z.array(NavigationLink).max(MAX_MENU_LINKS, `at most ${MAX_MENU_LINKS} links`),
  /** the note shown above the comment form */
  commentPolicy: z.string().trim().max(2000, 'at most 2,000 characters'),
  /** which new comments wait for a moderator: a first comment from an unknown email, all, or none */
  commentModeration: z.enum(COMMENT_MODERATION),
  /** comments close this many days after publication; 0 keeps them open */
  commentsCloseAfterDays: z.number().int('a whole number of days').min(0, 'zero or more days').max(3650, 'at most 3,650 days'),
  /** how deep replies nest before they are shown flat */
  commentThreadDepth: z.number().int('a whole number').min(1, 'at least 1').max(10, 'at most 10'),
  /** comments in the spam folder are deleted this many days after they entered it; 0 keeps them */
  commentSpamRetentionDays: z.number().int('a whole number of days').min(0, 'zero or more days').max(3650, 'at most 3,650 days'),
  /** comments in the trash are deleted this many days after they entered it; 0 keeps them */
  commentTrashRetentionDays: z.number().int('a whole number of days').min(0, 'zero or more days').max(3650, 'at most 3,650 days'),
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
  secondaryNavigation: [],
  commentPolicy: 'Comments are moderated. Be civil and stay on topic.',
  commentModeration: 'hold-first',
  commentsCloseAfterDays: 0,
  commentThreadDepth: 5,
  commentSpamRetentionDays: 15,
  commentTrashRetentionDays: 30,
});

// Settings are parsed on every uncached render; building a formatter to check the zone is not cheap.
const knownZones = new Set<string>();

/**
 * An IANA zone name ("Europe/London", "UTC"), not just anything Intl accepts: offsets
 * such as "+01:00" and legacy abbreviations pass Intl on some versions but are not zones.
 */
export function isTimeZone(zone: string): boolean {
  if (knownZones.has(zone)) return true;
  if (!/^(?:UTC|Etc\/[A-Za-z0-9+-]+|[A-Z][A-Za-z_]+(?:\/[A-Za-z0-9_+-]+){1,2})$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    knownZones.add(zone);
    return true;
  } catch {
    return false;
  }
}

/** The zones this runtime knows, for the settings form's suggestions. */
export function knownTimeZones(): string[] {
  return ['UTC', ...Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC')];
}
