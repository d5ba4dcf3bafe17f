import { commentPermalink } from '../comments/index.js';
import type { CommentFeedData } from './pages/index.js';
import type { SiteSettings } from '../settings/index.js';
import { absolutizeUrls, type FeedFormat, siteFeedHead, writeFeed } from './feed-writer.js';
import { absoluteUrl, feedUrls } from './meta/urls.js';

const SITE_COMMENT_FEED = '/feed/comments/';

/** Where the comment feeds live: the site's under /feed/comments/, an article's under its own URL. */
export function commentFeedUrls(articleUrl: string | null): Record<FeedFormat, string> {
  if (articleUrl) return feedUrls(articleUrl);
  return { rss: SITE_COMMENT_FEED, atom: `${SITE_COMMENT_FEED}atom/`, json: `${SITE_COMMENT_FEED}json/` };
}

/**
 * A comment feed, written by the site feeds' writer. Each entry is titled "<name> on
 * <article>", links to the comment's permalink (which answers 301 to the thread page
 * holding it), relates to the article, and carries the comment's stored sanitized HTML with
 * links made absolute. The commenter's name is escaped as text everywhere; no email and no
 * website is ever written (readers' apps would make the website a followed link). The
 * feed's Atom id is its own address: its home page may be the site's, whose feed has that id.
 */
export function renderCommentFeed(data: CommentFeedData, format: FeedFormat, settings: SiteSettings, siteUrl: string, now: Date): string {
  const abs = (path: string) => absoluteUrl(siteUrl, path);
  const feedPaths = commentFeedUrls(data.article?.url ?? null);
  const head = siteFeedHead(settings, siteUrl, {
    title: data.article ? `Comments on ${data.article.title} — ${settings.title}` : `Comments — ${settings.title}`,
    description: data.article ? `Readers' comments on ${data.article.title}.` : `Readers' latest comments on ${settings.title}.`,
    homePath: data.article?.url ?? '/',
    feedPaths,
    idPath: feedPaths.atom,
    isPublishersWork: false,
  });
  const items = data.entries.map((e) => ({
    url: abs(commentPermalink(e.id)),
    title: `${e.authorName} on ${e.article.title}`,
    related: { url: abs(e.article.url), title: e.article.title },
    content: absolutizeUrls(e.html, siteUrl),
    publishedAt: e.createdAt,
    updatedAt: e.createdAt,
    authors: [{ name: e.authorName }],
  }));
  return writeFeed(format, head, items, now);
}
