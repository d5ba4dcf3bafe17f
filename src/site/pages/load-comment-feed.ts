import { bodyHtmlOf, type CommentNode, listApprovedComments, threadComments } from '../../comments/index.js';
import { articleUrl } from '../../content/article.js';
import type { Database } from '../../db/database.js';
import { toStoredTime } from '../../shared/clock.js';
import { NotFoundError } from '../../shared/errors.js';
import { findCommentParents, findPublishedArticleTitle, type LatestCommentRow, listLatestApprovedComments } from './comment-feed.queries.js';
import { FEED_SIZE } from './load-feed.js';

/** One comment in a feed: what readers see of it on the page, never its email or IP. */
/** The article a comment is on, as a feed names it (its URL holds its primary topic's path). */
export interface CommentedArticle {
  id: string;
  title: string;
  url: string;
  primaryTopicId: string;
}

export interface CommentFeedEntry {
  id: string;
  article: CommentedArticle;
  authorName: string;
  isStaff: boolean;
  /** the stored sanitized HTML (rendered again only when its renderer is out of date) */
  html: string;
  createdAt: Date;
}

export interface CommentFeedData {
  /** the article whose comments these are; null for the site's latest comments */
  article: CommentedArticle | null;
  /** newest first */
  entries: CommentFeedEntry[];
}

/**
 * One article's newest comments as its page shows them (approved, under approved parents),
 * for `<article URL>feed/`. The article is the one resolvePublicPath found at its path.
 */
export async function loadArticleCommentFeed(db: Database, articleId: string, primaryTopicPath: string): Promise<CommentFeedData> {
  const [heading, rows] = await Promise.all([findPublishedArticleTitle(db, articleId), listApprovedComments(db, articleId)]);
  if (!heading) throw new NotFoundError('article', articleId);
  const article = { id: articleId, title: heading.title, url: articleUrl(primaryTopicPath, heading.slug), primaryTopicId: heading.primary_topic_id };
  // threadComments hides replies to comments that are not shown; its depth does not matter here.
  const shown: CommentNode[] = [];
  const walk = (nodes: readonly CommentNode[]) => {
    for (const node of nodes) {
      shown.push(node);
      walk(node.replies);
    }
  };
  walk(threadComments(rows, Number.MAX_SAFE_INTEGER).roots);
  shown.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1));
  const entries = shown.slice(0, FEED_SIZE).map((node) => ({ id: node.id, article, authorName: node.authorName, isStaff: node.isStaff, html: node.html, createdAt: node.createdAt }));
  return { article, entries };
}

/**
 * The site's newest comments that readers see, for `/feed/comments/`: approved, on a
 * published article, and under approved parents all the way up (a reply to a comment a
 * moderator took down is not shown on the page, so not in the feed either). Read in
 * batches, newest first, until the feed is full; each batch checks its ancestors one
 * generation per statement.
 */
export async function loadSiteCommentFeed(db: Database): Promise<CommentFeedData> {
  const entries: CommentFeedEntry[] = [];
  const batchSize = FEED_SIZE * 2;
  let before: { createdAt: string; id: string } | undefined;
  for (let round = 0; round < 10 && entries.length < FEED_SIZE; round++) {
    const rows = await listLatestApprovedComments(db, batchSize, before);
    const shown = await shownAmong(db, rows);
    for (const row of rows) if (shown.has(row.id) && entries.length < FEED_SIZE) entries.push(entryOf(row));
    if (rows.length < batchSize) break;
    const last = rows.at(-1)!;
    before = { createdAt: toStoredTime(last.createdAt), id: last.id };
  }
  return { article: null, entries };
}

function entryOf(row: LatestCommentRow): CommentFeedEntry {
  return {
    id: row.id,
    article: { id: row.articleId, title: row.articleTitle, url: articleUrl(row.topicPath, row.articleSlug), primaryTopicId: row.primaryTopicId },
    authorName: row.authorName,
    isStaff: row.isStaff,
    html: bodyHtmlOf(row),
    createdAt: row.createdAt,
  };
}

/** The ids among these approved rows whose every ancestor is approved. */
async function shownAmong(db: Database, rows: readonly LatestCommentRow[]): Promise<Set<string>> {
  const known = new Map<string, { parentId: string | null; status: string }>(rows.map((r) => [r.id, { parentId: r.parentId, status: 'approved' }]));
  // Fetch the ancestors generation by generation until every chain reaches the top or a gap.
  for (let generation = 0; generation < 64; generation++) {
    const missing = [...new Set([...known.values()].map((k) => k.parentId).filter((id): id is string => id !== null && !known.has(id)))];
    if (missing.length === 0) break;
    const found = await findCommentParents(db, missing);
    for (const id of missing) known.set(id, found.get(id) ?? { parentId: null, status: 'missing' });
  }
  const isShown = (id: string, seen = new Set<string>()): boolean => {
    const at = known.get(id);
    if (!at || at.status !== 'approved' || seen.has(id)) return false;
    seen.add(id);
    return at.parentId === null || isShown(at.parentId, seen);
  };
  return new Set(rows.filter((r) => isShown(r.id)).map((r) => r.id));
}
