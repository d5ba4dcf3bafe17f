import { Feed } from 'feed';
import type { FeedData } from './pages/index.js';
import type { SiteSettings } from '../settings/index.js';

export type FeedFormat = 'rss' | 'atom' | 'json';

export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

/** Feed URLs of a list whose page lives at `baseUrl` ("/" for the site). */
export function feedUrls(baseUrl: string): Record<FeedFormat, string> {
  return { rss: `${baseUrl}feed/`, atom: `${baseUrl}feed/atom/`, json: `${baseUrl}feed/json/` };
}

/**
 * Renders one feed document. Entries carry the full body with links made absolute, so
 * readers' apps show images and links that work outside the site.
 */
export function renderFeed(data: FeedData, format: FeedFormat, settings: SiteSettings, siteUrl: string, now: Date): string {
  const abs = (path: string) => siteUrl + path;
  const baseUrl = data.list?.url ?? '/';
  const urls = feedUrls(baseUrl);
  const feed = new Feed({
    id: abs(baseUrl),
    title: data.list ? `${data.list.name} — ${settings.title}` : settings.title,
    description: settings.description,
    link: abs(baseUrl),
    language: settings.language,
    updated: data.entries[0]?.updatedAt ?? now,
    generator: 'Dossier',
    feedLinks: { rss: abs(urls.rss), atom: abs(urls.atom), json: abs(urls.json) },
    favicon: abs('/assets/favicon.svg'),
    copyright: `© ${settings.publisherName}`,
    author: { name: settings.publisherName, link: abs('/') },
  });
  for (const entry of data.entries) {
    feed.addItem({
      title: entry.title,
      id: abs(entry.url),
      link: abs(entry.url),
      date: entry.updatedAt,
      published: entry.publishedAt,
      description: entry.excerpt || entry.dek,
      content: absolutizeUrls(entry.body, siteUrl),
      author: entry.authors.map((a) => ({ name: a.name, link: abs(a.url) })),
      category: [{ name: entry.primaryTopic.name, domain: abs(entry.primaryTopic.url) }],
    });
  }
  return format === 'rss' ? feed.rss2() : format === 'atom' ? feed.atom1() : feed.json1();
}

/** Site-relative src, srcset and href values in stored body HTML become absolute. */
export function absolutizeUrls(html: string, siteUrl: string): string {
  return html
    .replace(/\b(src|href)="\/(?!\/)/g, `$1="${siteUrl}/`)
    .replace(/\bsrcset="([^"]*)"/g, (_m, set: string) => `srcset="${set.replace(/(^|,\s*)\/(?!\/)/g, `$1${siteUrl}/`)}"`);
}
