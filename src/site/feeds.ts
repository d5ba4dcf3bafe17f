import type { FeedData, FeedEntry } from './pages/index.js';
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

/** What every format says about the feed itself, with absolute URLs. */
interface FeedHead {
  title: string;
  description: string;
  language: string;
  publisher: string;
  home: string;
  self: Record<FeedFormat, string>;
  icon: string;
  updated: Date;
}

/** One entry as every format needs it, with absolute URLs and an absolute-link body. */
interface Item {
  url: string;
  title: string;
  summary: string;
  content: string;
  publishedAt: Date;
  updatedAt: Date;
  authors: { name: string; url: string }[];
  category: { name: string; url: string };
  image: string | null;
}

/**
 * Renders one feed document, written here rather than by a library so each format says
 * what its readers expect: RSS names every author (one `dc:creator` each) and marks its
 * permalink guids as such; Atom categories carry `term`; JSON Feed is version 1.1 with
 * `authors`. Entries carry the full body with links made absolute, so readers' apps show
 * images and links that work outside the site.
 */
export function renderFeed(data: FeedData, format: FeedFormat, settings: SiteSettings, siteUrl: string, now: Date): string {
  const abs = (path: string) => siteUrl + path;
  const baseUrl = data.list?.url ?? '/';
  const urls = feedUrls(baseUrl);
  const head: FeedHead = {
    title: data.list ? `${data.list.name} — ${settings.title}` : settings.title,
    description: settings.description,
    language: settings.language,
    publisher: settings.publisherName,
    home: abs(baseUrl),
    self: { rss: abs(urls.rss), atom: abs(urls.atom), json: abs(urls.json) },
    icon: abs('/assets/favicon.svg'),
    updated: data.entries.reduce<Date | null>((latest, e) => (latest && latest > e.updatedAt ? latest : e.updatedAt), null) ?? now,
  };
  const items = data.entries.map((entry) => itemOf(entry, siteUrl));
  return format === 'rss' ? rss(head, items) : format === 'atom' ? atom(head, items) : jsonFeed(head, items);
}

function itemOf(entry: FeedEntry, siteUrl: string): Item {
  const abs = (path: string) => siteUrl + path;
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

function rss(head: FeedHead, items: Item[]): string {
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom">',
    '<channel>',
    `<title>${xml(head.title)}</title>`,
    `<link>${xml(head.home)}</link>`,
    `<description>${xml(head.description)}</description>`,
    `<language>${xml(head.language)}</language>`,
    `<copyright>${xml(`© ${head.publisher}`)}</copyright>`,
    `<lastBuildDate>${head.updated.toUTCString()}</lastBuildDate>`,
    '<generator>Dossier</generator>',
    '<docs>https://www.rssboard.org/rss-specification</docs>',
    `<atom:link href="${xml(head.self.rss)}" rel="self" type="application/rss+xml"/>`,
  ];
  for (const item of items) {
    lines.push(
      '<item>',
      `<title>${xml(item.title)}</title>`,
      `<link>${xml(item.url)}</link>`,
      // The article's address is permanent (a moved article answers 301), so it is the guid.
      `<guid isPermaLink="true">${xml(item.url)}</guid>`,
      `<pubDate>${item.publishedAt.toUTCString()}</pubDate>`,
      // RSS's own <author> must be an email address; Dublin Core names people, one element each.
      ...item.authors.map((a) => `<dc:creator>${xml(a.name)}</dc:creator>`),
      `<category domain="${xml(item.category.url)}">${xml(item.category.name)}</category>`,
      `<description>${xml(item.summary)}</description>`,
      `<content:encoded>${cdata(item.content)}</content:encoded>`,
      '</item>',
    );
  }
  lines.push('</channel>', '</rss>');
  return `${lines.join('\n')}\n`;
}

function atom(head: FeedHead, items: Item[]): string {
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xml(head.language)}">`,
    `<id>${xml(head.home)}</id>`,
    `<title>${xml(head.title)}</title>`,
    `<subtitle>${xml(head.description)}</subtitle>`,
    `<updated>${head.updated.toISOString()}</updated>`,
    `<link rel="alternate" type="text/html" href="${xml(head.home)}"/>`,
    `<link rel="self" type="application/atom+xml" href="${xml(head.self.atom)}"/>`,
    `<author><name>${xml(head.publisher)}</name></author>`,
    `<icon>${xml(head.icon)}</icon>`,
    `<rights>${xml(`© ${head.publisher}`)}</rights>`,
    '<generator>Dossier</generator>',
  ];
  for (const item of items) {
    lines.push(
      '<entry>',
      `<id>${xml(item.url)}</id>`,
      `<title>${xml(item.title)}</title>`,
      `<link rel="alternate" type="text/html" href="${xml(item.url)}"/>`,
      `<published>${item.publishedAt.toISOString()}</published>`,
      `<updated>${item.updatedAt.toISOString()}</updated>`,
      ...item.authors.map((a) => `<author><name>${xml(a.name)}</name><uri>${xml(a.url)}</uri></author>`),
      `<category term="${xml(item.category.name)}" scheme="${xml(item.category.url)}" label="${xml(item.category.name)}"/>`,
      `<summary>${xml(item.summary)}</summary>`,
      `<content type="html">${xml(item.content)}</content>`,
      '</entry>',
    );
  }
  lines.push('</feed>');
  return `${lines.join('\n')}\n`;
}

function jsonFeed(head: FeedHead, items: Item[]): string {
  return JSON.stringify(
    {
      version: 'https://jsonfeed.org/version/1.1',
      title: head.title,
      home_page_url: head.home,
      feed_url: head.self.json,
      description: head.description,
      icon: head.icon,
      language: head.language,
      authors: [{ name: head.publisher }],
      items: items.map((item) => ({
        id: item.url,
        url: item.url,
        title: item.title,
        summary: item.summary,
        content_html: item.content,
        ...(item.image && { image: item.image }),
        date_published: item.publishedAt.toISOString(),
        date_modified: item.updatedAt.toISOString(),
        authors: item.authors,
        tags: [item.category.name],
      })),
    },
    null,
    2,
  );
}

// Characters XML 1.0 forbids anywhere, even in CDATA: dropped.
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** Text for an XML element or attribute. */
export function xml(text: string): string {
  return text.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** HTML in a CDATA section; a "]]>" inside it is split across two sections. */
export function cdata(html: string): string {
  return `<![CDATA[${html.replace(NOT_XML, '').replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

/** Site-relative src, srcset and href values in stored body HTML become absolute. */
export function absolutizeUrls(html: string, siteUrl: string): string {
  return html
    .replace(/\b(src|href)="\/(?!\/)/g, `$1="${siteUrl}/`)
    .replace(/\bsrcset="([^"]*)"/g, (_m, set: string) => `srcset="${set.replace(/(^|,\s*)\/(?!\/)/g, `$1${siteUrl}/`)}"`);
}
