import { commentAnchor, type CommentNode, type CommentThread, listApprovedComments, threadComments } from '../../comments/index.js';
import { articleUrl, isPublic } from '../../content/article.js';
import type { Database } from '../../db/database.js';
import { NotFoundError } from '../../shared/errors.js';
import { findCommentedArticle } from './comment-feed.queries.js';

/** Top-level threads per page of an article's comments (WordPress's default); the newest page is the last. */
export const COMMENT_THREADS_PER_PAGE = 50;

/** Which page of an article's comment threads a page shows, and how many there are. */
export interface CommentPaging {
  /** from 1 */
  page: number;
  pageCount: number;
  /** the article's own URL: page 1 */
  articleUrl: string;
}

/** Page N of an article's comments: page 1 is the article itself, later pages `comment-page-N/` below it. */
export function commentPageUrl(articleUrl: string, page: number): string {
  return page <= 1 ? articleUrl : `${articleUrl}comment-page-${page}/`;
}

/** The path segment of comment page N, in its one spelling ("comment-page-2"); null for anything else. */
export function parseCommentPageSegment(segment: string): number | null {
  const match = /^comment-page-([1-9]\d{0,5})$/.exec(segment);
  return match ? Number(match[1]) : null;
}

/**
 * The threads of one page, oldest first: each top-level comment with all its replies stays
 * on one page. The count stays the article's whole count. A page past the last is not found
 * (page 1 always exists, even with no comments).
 */
export function pageOfThreads(thread: CommentThread, page: number, perPage = COMMENT_THREADS_PER_PAGE): { thread: CommentThread; page: number; pageCount: number } {
  const pageCount = Math.max(1, Math.ceil(thread.roots.length / perPage));
  if (!Number.isInteger(page) || page < 1 || page > pageCount) throw new NotFoundError('comment page', String(page));
  return { thread: { count: thread.count, roots: thread.roots.slice((page - 1) * perPage, page * perPage) }, page, pageCount };
}

/**
 * Where a comment is shown: the page of its article's thread that holds it, with its anchor.
 * Null when readers do not see it (held, spam, trash, under a comment they do not see, on an
 * article that is not published) or it does not exist.
 */
export async function locateComment(db: Database, commentId: string, threadDepth: number, perPage = COMMENT_THREADS_PER_PAGE): Promise<string | null> {
  const article = await findCommentedArticle(db, commentId);
  if (!article || !isPublic(article.status)) return null;
  const { roots } = threadComments(await listApprovedComments(db, article.id), threadDepth);
  const index = roots.findIndex((root) => holds(root, commentId));
  if (index === -1) return null;
  return `${commentPageUrl(articleUrl(article.topicPath, article.slug), Math.floor(index / perPage) + 1)}#${commentAnchor(commentId)}`;
}

function holds(node: CommentNode, id: string): boolean {
  return node.id === id || node.replies.some((reply) => holds(reply, id));
}
