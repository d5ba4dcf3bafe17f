import type { FeedData, FeedEntry } from './pages/index.js';
import type { SiteSettings } from '../settings/index.js';
import { absolutizeUrls, type FeedFormat, type FeedItem, siteFeedHead, writeFeed } from './feed-writer.js';
import { absoluteUrl, feedUrls } from './meta/urls.js';

/**
 * The article feeds of the site and of each list (topic, tag, author). Entries carry the
 * full body with links made absolute, so readers' apps show images and links that work
 * outside the site; each names every author and the primary topic as its category.
 */
export function renderFeed(data: FeedData, format: FeedFormat, settings: SiteSettings, siteUrl: string, now: Date): string {
  const homePath = data.list?.url ?? '/';
  const head = siteFeedHead(settings, siteUrl, {
    title: data.list ? `${data.list.name} — ${settings.title}` : settings.title,
    description: settings.description,
    homePath,
    feedPaths: feedUrls(homePath),
    isPublishersWork: true,
  });
  return writeFeed(format, head, data.entries.map((entry) => itemOf(entry, siteUrl)), now);
}

function itemOf(entry: FeedEntry, siteUrl: string): FeedItem {
  const abs = (path: string) => absoluteUrl(siteUrl, path);
  return {
    url: abs(entry.url),
    title: entry.title,
    summary: entry.excerpt || entry.dek,
    content: absolutizeUrls(entry.body, siteUrl),
    publishedAt: entry.publishedAt,
    updatedAt: entry.updatedAt,
    authors: entry.authors.map((a) => ({ name: a.name, url: abs(a.url) })),
    category: { name: entry.primaryTopic.name, url: abs(entry.primaryTopic.url) },
    image: entry.image ? abs(entry.image.url) : null,
  };
}
