import { type Actor, assertCan } from '../accounts/index.js';
import { findArticleTitles } from '../content/index.js';
import type { Database } from '../db/database.js';
import { COMMENT_STATUSES, type Comment, type CommentStatus } from './comment.js';
import { commentExcerpt } from './comment-body.js';
import { emailKeyOf } from './comment-hash.js';
import { countQueueByStatus, listQueueRows } from './moderation.queries.js';
import { NotFoundError } from '../shared/errors.js';
import { findCommentRow, toComment } from './comment.queries.js';

export interface CommentQueueQuery {
  /** absent: every status */
  status?: CommentStatus;
  articleId?: string;
  /** words in the commenter's name or the comment */
  search?: string;
  /** "all comments from this IP hash" */
  ipHash?: string;
  /** "all comments from this email" (any case) */
  email?: string;
  /** from 1 */
  page?: number;
  perPage?: number;
}

export interface QueuedComment extends Comment {
  articleTitle: string;
  /** the text cut for the list (cut before it is escaped by the view, never after) */
  excerpt: string;
}

export interface CommentQueue {
  items: QueuedComment[];
  /** per status, how many match the other filters: the queue's tabs */
  counts: Record<CommentStatus, number>;
  /** how many match every filter, status included */
  total: number;
  page: number;
  perPage: number;
  pageCount: number;
}

export const QUEUE_PER_PAGE = 20;

/** The moderation queue: filtered, newest first, a page at a time, with counts per status. */
export async function listCommentQueue(db: Database, actor: Actor, query: CommentQueueQuery = {}): Promise<CommentQueue> {
  assertCan(actor, 'moderate_comments', 'see the comment queue');
  const perPage = Math.min(100, Math.max(1, Math.floor(query.perPage ?? QUEUE_PER_PAGE)));
  const filter = {
    ...(query.status ? { status: query.status } : {}),
    ...(query.articleId ? { articleId: query.articleId } : {}),
    ...(query.search?.trim() ? { search: query.search.trim().slice(0, 200) } : {}),
    ...(query.ipHash ? { ipHash: query.ipHash } : {}),
    ...(query.email?.trim() ? { emailKey: emailKeyOf(query.email) } : {}),
  };
  const byStatus = await countQueueByStatus(db, filter);
  const counts = Object.fromEntries(COMMENT_STATUSES.map((s) => [s, byStatus.get(s) ?? 0])) as Record<CommentStatus, number>;
  const total = filter.status ? counts[filter.status] : Object.values(counts).reduce((a, b) => a + b, 0);
  const pageCount = Math.max(1, Math.ceil(total / perPage));
  const page = Math.min(pageCount, Math.max(1, Math.floor(query.page ?? 1)));
  const rows = await listQueueRows(db, filter, perPage, (page - 1) * perPage);
  const titles = await findArticleTitles(db, [...new Set(rows.map((r) => r.article_id))]);
  const items = rows.map((r) => {
    const comment = toComment(r);
    return { ...comment, articleTitle: titles.get(r.article_id) ?? '', excerpt: commentExcerpt(r.body, 300) };
  });
  return { items, counts, total, page, perPage, pageCount };
}

/** One comment as the queue shows it, for its edit screen. */
export async function findQueuedComment(db: Database, actor: Actor, commentId: string): Promise<QueuedComment> {
  assertCan(actor, 'moderate_comments', 'see the comment queue');
  const comment = await findCommentById(db, commentId);
  if (!comment) throw new NotFoundError('comment', commentId);
  const titles = await findArticleTitles(db, [comment.articleId]);
  return { ...comment, articleTitle: titles.get(comment.articleId) ?? '', excerpt: commentExcerpt(comment.body, 300) };
}

/**
 * One comment, for the system's own readers of `comments.changed` (notifications: who to
 * tell of a new comment or a reply). Staff screens use findQueuedComment, which checks the role.
 */
export async function findCommentById(db: Database, commentId: string): Promise<Comment | null> {
  const row = await findCommentRow(db, commentId);
  return row ? toComment(row) : null;
}
