/** URL helpers shared by the metadata builders and the views. */

/** An absolute URL from the site's configured origin; absolute inputs pass through. */
export function absoluteUrl(siteUrl: string, path: string): string {
  if (/^https?:\/\//i.test(path)) return path;
  return siteUrl.replace(/\/+$/, '') + (path.startsWith('/') ? path : `/${path}`);
}

/** A list's page N: page 1 is the list's bare URL, later pages add `?page=N`. */
export function pageUrl(listUrl: string, page: number): string {
  return page <= 1 ? listUrl : `${listUrl}?page=${page}`;
}

export const HOME_URL = '/';
export const ARCHIVE_URL = '/archive/';

export type FeedFormat = 'rss' | 'atom' | 'json';

export const FEED_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml',
  atom: 'application/atom+xml',
  json: 'application/feed+json',
};

/**
 * The feed URLs of a list: the site's under `/feed/`, a topic's, tag's or author's under
 * its own URL (`/tag/x/feed/`, `/tag/x/feed/atom/`, `/tag/x/feed/json/`).
 */
export function feedUrl(listUrl: string, format: FeedFormat): string {
  const base = `${listUrl.endsWith('/') ? listUrl : `${listUrl}/`}feed/`;
  return format === 'rss' ? base : `${base}${format}/`;
}

/** Every format's feed URL of a list (see feedUrl). */
export function feedUrls(listUrl: string): Record<FeedFormat, string> {
  return { rss: feedUrl(listUrl, 'rss'), atom: feedUrl(listUrl, 'atom'), json: feedUrl(listUrl, 'json') };
}
