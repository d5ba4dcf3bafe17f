import type { SiteSettings } from '../settings/index.js';
import { absoluteUrl, FEED_TYPES, type FeedFormat } from './meta/urls.js';

export type { FeedFormat } from './meta/urls.js';

export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: `${FEED_TYPES.rss}; charset=utf-8`,
  atom: `${FEED_TYPES.atom}; charset=utf-8`,
  json: `${FEED_TYPES.json}; charset=utf-8`,
};

/** What every format says about the feed itself, with absolute URLs. */
export interface FeedHead {
  /** Atom's permanent id of the feed; feeds sharing a home page (the site's articles and comments) need different ones */
  id: string;
  title: string;
  description: string;
  language: string;
  publisher: string;
  /** the page the feed follows */
  home: string;
  self: Record<FeedFormat, string>;
  icon: string;
  /** a rights statement ("© Publisher"); none where the words are not the publisher's (readers' comments) */
  rights?: string;
}

/** One entry as every format needs it, with absolute URLs and an absolute-link body. */
export interface FeedItem {
  /** the entry's permanent address: its id, guid and link */
  url: string;
  title: string;
  /** plain text; without one, RSS's description carries the content (readers show it) */
  summary?: string;
  /** HTML */
  content: string;
  publishedAt: Date;
  updatedAt: Date;
  authors: { name: string; url?: string }[];
  category?: { name: string; url: string };
  image?: string | null;
  /** the page the entry is about, when it is not the entry's own (a comment's article) */
  related?: { url: string; title: string };
}

/** One of the site's feeds as its builder names it, with site-relative paths. */
export interface SiteFeed {
  title: string;
  description: string;
  /** the page the feed follows */
  homePath: string;
  /** where the feed lives in each format */
  feedPaths: Record<FeedFormat, string>;
  /** Atom's id of the feed; by default its home page */
  idPath?: string;
  /** whether its words are the publisher's (articles), who then claims their rights; readers' comments are not */
  isPublishersWork: boolean;
}

/** A site feed's head: the settings' language and publisher, the site's icon, every URL absolute. */
export function siteFeedHead(settings: Pick<SiteSettings, 'language' | 'publisherName'>, siteUrl: string, feed: SiteFeed): FeedHead {
  const abs = (path: string) => absoluteUrl(siteUrl, path);
  return {
    id: abs(feed.idPath ?? feed.homePath),
    title: feed.title,
    description: feed.description,
    language: settings.language,
    publisher: settings.publisherName,
    home: abs(feed.homePath),
    self: { rss: abs(feed.feedPaths.rss), atom: abs(feed.feedPaths.atom), json: abs(feed.feedPaths.json) },
    icon: abs('/assets/favicon.svg'),
    ...(feed.isPublishersWork && { rights: `© ${settings.publisherName}` }),
  };
}

/**
 * Writes one feed document, here rather than by a library so each format says what its
 * readers expect: RSS names every author (one `dc:creator` each) and marks its permalink
 * guids as such; Atom categories carry `term`; JSON Feed is version 1.1 with `authors`.
 * The article feeds and the comment feeds are both written here.
 */
export function writeFeed(format: FeedFormat, head: FeedHead, items: readonly FeedItem[], now: Date): string {
  const updated = items.reduce<Date | null>((latest, item) => (latest && latest > item.updatedAt ? latest : item.updatedAt), null) ?? now;
  return format === 'rss' ? rss(head, items, updated) : format === 'atom' ? atom(head, items, updated) : jsonFeed(head, items);
}

function rss(head: FeedHead, items: readonly FeedItem[], updated: Date): string {
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom">',
    '<channel>',
    `<title>${xml(head.title)}</title>`,
    `<link>${xml(head.home)}</link>`,
    `<description>${xml(head.description)}</description>`,
    `<language>${xml(head.language)}</language>`,
    ...(head.rights ? [`<copyright>${xml(head.rights)}</copyright>`] : []),
    `<lastBuildDate>${updated.toUTCString()}</lastBuildDate>`,
    '<generator>Dossier</generator>',
    '<docs>https://www.rssboard.org/rss-specification</docs>',
    `<atom:link href="${xml(head.self.rss)}" rel="self" type="application/rss+xml"/>`,
  ];
  for (const item of items) {
    lines.push(
      '<item>',
      `<title>${xml(item.title)}</title>`,
      `<link>${xml(item.url)}</link>`,
      // Entries' addresses are permanent (a moved article answers 301), so each is its guid.
      `<guid isPermaLink="true">${xml(item.url)}</guid>`,
      `<pubDate>${item.publishedAt.toUTCString()}</pubDate>`,
      // RSS's own <author> must be an email address; Dublin Core names people, one element each.
      ...item.authors.map((a) => `<dc:creator>${xml(a.name)}</dc:creator>`),
      ...(item.category ? [`<category domain="${xml(item.category.url)}">${xml(item.category.name)}</category>`] : []),
      item.summary === undefined ? `<description>${cdata(item.content)}</description>` : `<description>${xml(item.summary)}</description>`,
      `<content:encoded>${cdata(item.content)}</content:encoded>`,
      '</item>',
    );
  }
  lines.push('</channel>', '</rss>');
  return `${lines.join('\n')}\n`;
}

function atom(head: FeedHead, items: readonly FeedItem[], updated: Date): string {
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xml(head.language)}">`,
    `<id>${xml(head.id)}</id>`,
    `<title>${xml(head.title)}</title>`,
    `<subtitle>${xml(head.description)}</subtitle>`,
    `<updated>${updated.toISOString()}</updated>`,
    `<link rel="alternate" type="text/html" href="${xml(head.home)}"/>`,
    `<link rel="self" type="application/atom+xml" href="${xml(head.self.atom)}"/>`,
    `<author><name>${xml(head.publisher)}</name></author>`,
    `<icon>${xml(head.icon)}</icon>`,
    ...(head.rights ? [`<rights>${xml(head.rights)}</rights>`] : []),
    '<generator>Dossier</generator>',
  ];
  for (const item of items) {
    lines.push(
      '<entry>',
      `<id>${xml(item.url)}</id>`,
      `<title>${xml(item.title)}</title>`,
      `<link rel="alternate" type="text/html" href="${xml(item.url)}"/>`,
      ...(item.related ? [`<link rel="related" type="text/html" href="${xml(item.related.url)}" title="${xml(item.related.title)}"/>`] : []),
      `<published>${item.publishedAt.toISOString()}</published>`,
      `<updated>${item.updatedAt.toISOString()}</updated>`,
      ...item.authors.map((a) => `<author><name>${xml(a.name)}</name>${a.url ? `<uri>${xml(a.url)}</uri>` : ''}</author>`),
      ...(item.category ? [`<category term="${xml(item.category.name)}" scheme="${xml(item.category.url)}" label="${xml(item.category.name)}"/>`] : []),
      ...(item.summary === undefined ? [] : [`<summary>${xml(item.summary)}</summary>`]),
      `<content type="html">${xml(item.content)}</content>`,
      '</entry>',
    );
  }
  lines.push('</feed>');
  return `${lines.join('\n')}\n`;
}

function jsonFeed(head: FeedHead, items: readonly FeedItem[]): string {
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
        ...(item.related && { external_url: item.related.url }),
        title: item.title,
        ...(item.summary !== undefined && { summary: item.summary }),
        content_html: item.content,
        ...(item.image && { image: item.image }),
        date_published: item.publishedAt.toISOString(),
        date_modified: item.updatedAt.toISOString(),
        authors: item.authors,
        ...(item.category && { tags: [item.category.name] }),
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
