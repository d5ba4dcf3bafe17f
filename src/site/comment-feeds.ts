import type { CommentFeedData } from './pages/index.js';
import { commentPermalink } from './pages/index.js';
import type { SiteSettings } from '../settings/index.js';
import { absolutizeUrls, cdata, type FeedFormat, xml } from './feeds.js';

/** Where the comment feeds live: the site's under /feed/comments/, an article's under its own URL. */
export function commentFeedUrls(articleUrl: string | null): Record<FeedFormat, string> {
  const base = articleUrl ? `${articleUrl}feed/` : '/feed/comments/';
  return { rss: base, atom: `${base}atom/`, json: `${base}json/` };
}

/**
 * A comment feed in the site feeds' formats and conventions (RSS 2.0 with dc:creator, Atom,
 * JSON Feed 1.1). Each entry is titled "<name> on <article>", links to the comment's
 * permalink (which answers 301 to the thread page holding it), and carries the comment's
 * stored sanitized HTML with links made absolute. The commenter's name is escaped as text
 * everywhere; no email and no website is ever written (readers' apps would make the website
 * a followed link).
 */
export function renderCommentFeed(data: CommentFeedData, format: FeedFormat, settings: SiteSettings, siteUrl: string, now: Date): string {
  const abs = (path: string) => siteUrl + path;
  const urls = commentFeedUrls(data.article?.url ?? null);
  const head = {
    title: data.article ? `Comments on ${data.article.title} — ${settings.title}` : `Comments — ${settings.title}`,
    description: data.article ? `Readers' comments on ${data.article.title}.` : `Readers' latest comments on ${settings.title}.`,
    language: settings.language,
    publisher: settings.publisherName,
    home: abs(data.article?.url ?? '/'),
    self: { rss: abs(urls.rss), atom: abs(urls.atom), json: abs(urls.json) },
    icon: abs('/assets/favicon.svg'),
    updated: data.entries[0]?.createdAt ?? now,
  };
  const items = data.entries.map((e) => ({
    url: abs(commentPermalink(e.id)),
    title: `${e.authorName} on ${e.article.title}`,
    articleUrl: abs(e.article.url),
    articleTitle: e.article.title,
    authorName: e.authorName,
    content: absolutizeUrls(e.html, siteUrl),
    at: e.createdAt,
  }));

  if (format === 'json') {
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
          external_url: item.articleUrl,
          title: item.title,
          content_html: item.content,
          date_published: item.at.toISOString(),
          authors: [{ name: item.authorName }],
        })),
      },
      null,
      2,
    );
  }
  if (format === 'atom') {
    const lines = [
      '<?xml version="1.0" encoding="utf-8"?>',
      `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xml(head.language)}">`,
      `<id>${xml(head.self.atom)}</id>`,
      `<title>${xml(head.title)}</title>`,
      `<subtitle>${xml(head.description)}</subtitle>`,
      `<updated>${head.updated.toISOString()}</updated>`,
      `<link rel="alternate" type="text/html" href="${xml(head.home)}"/>`,
      `<link rel="self" type="application/atom+xml" href="${xml(head.self.atom)}"/>`,
      `<author><name>${xml(head.publisher)}</name></author>`,
      `<icon>${xml(head.icon)}</icon>`,
      '<generator>Dossier</generator>',
    ];
    for (const item of items) {
      lines.push(
        '<entry>',
        `<id>${xml(item.url)}</id>`,
        `<title>${xml(item.title)}</title>`,
        `<link rel="alternate" type="text/html" href="${xml(item.url)}"/>`,
        `<link rel="related" type="text/html" href="${xml(item.articleUrl)}" title="${xml(item.articleTitle)}"/>`,
        `<published>${item.at.toISOString()}</published>`,
        `<updated>${item.at.toISOString()}</updated>`,
        `<author><name>${xml(item.authorName)}</name></author>`,
        `<content type="html">${xml(item.content)}</content>`,
        '</entry>',
      );
    }
    lines.push('</feed>');
    return `${lines.join('\n')}\n`;
  }
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom">',
    '<channel>',
    `<title>${xml(head.title)}</title>`,
    `<link>${xml(head.home)}</link>`,
    `<description>${xml(head.description)}</description>`,
    `<language>${xml(head.language)}</language>`,
    `<lastBuildDate>${head.updated.toUTCString()}</lastBuildDate>`,
    '<generator>Dossier</generator>',
    `<atom:link href="${xml(head.self.rss)}" rel="self" type="application/rss+xml"/>`,
  ];
  for (const item of items) {
    lines.push(
      '<item>',
      `<title>${xml(item.title)}</title>`,
      `<link>${xml(item.url)}</link>`,
      `<guid isPermaLink="true">${xml(item.url)}</guid>`,
      `<pubDate>${item.at.toUTCString()}</pubDate>`,
      `<dc:creator>${xml(item.authorName)}</dc:creator>`,
      `<description>${cdata(item.content)}</description>`,
      `<content:encoded>${cdata(item.content)}</content:encoded>`,
      '</item>',
    );
  }
  lines.push('</channel>', '</rss>');
  return `${lines.join('\n')}\n`;
}
