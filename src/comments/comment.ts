import { type CommentAvatar, commentAvatar } from './comment-avatar.js';
import { RENDER_VERSION, renderCommentBody } from './comment-body.js';

export const COMMENT_STATUSES = ['pending', 'approved', 'spam', 'trash'] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];

/**
 * Why a comment has its status, as a code the queue can filter and colour by; the stored
 * note beside it is the sentence a moderator reads ("First comment from this email address").
 */
export const STATUS_REASONS = [
  /** hold-first: no approved comment from this email yet */
  'first-comment',
  /** the site holds every comment */
  'hold-all',
  /** hold-first: this email has an approved comment */
  'known-commenter',
  /** the site publishes every comment */
  'approve-all',
  /** written by a signed-in member of staff */
  'staff',
  'blocked-word',
  'blocked-email',
  'blocked-ip',
  /** the naive Bayes filter judged it likely spam */
  'spam-filter',
  /** a moderator's decision */
  'moderator',
  /** moderated elsewhere and imported */
  'imported',
] as const;
export type StatusReason = (typeof STATUS_REASONS)[number];

/** A comment as staff see it in the moderation queue: everything, email and IP hash included. */
export interface Comment {
  id: string;
  articleId: string;
  parentId: string | null;
  /** the staff account that wrote it, when one did */
  userId: string | null;
  isStaff: boolean;
  authorName: string;
  /** never shown to readers, never put in public HTML */
  authorEmail: string;
  authorUrl: string;
  /** the text as typed */
  body: string;
  /** the text rendered and sanitized (renderCommentBody) */
  bodyHtml: string;
  status: CommentStatus;
  statusReason: StatusReason;
  statusNote: string;
  statusChangedAt: Date;
  /** the spam filter's probability when it was submitted; null when it was not scored */
  spamScore: number | null;
  ipHash: string;
  userAgent: string;
  createdAt: Date;
  editedAt: Date | null;
  avatar: CommentAvatar;
}

/** An approved comment as readers see it: never its email or IP. */
export interface CommentNode {
  id: string;
  authorName: string;
  /** the commenter's website, shown as a nofollow link; empty when none */
  authorUrl: string;
  /** written by a member of staff under their account: the view shows a badge */
  isStaff: boolean;
  /** the body rendered and sanitized: the only comment HTML a view may print unescaped */
  html: string;
  avatar: CommentAvatar;
  createdAt: Date;
  replies: CommentNode[];
}

export interface CommentThread {
  count: number;
  roots: CommentNode[];
}

export interface ApprovedCommentRow {
  id: string;
  parentId: string | null;
  authorName: string;
  authorUrl: string;
  isStaff: boolean;
  body: string;
  /** the stored rendering, used while renderVersion is current */
  bodyHtml: string;
  renderVersion: number;
  avatarSeed: string;
  createdAt: Date;
}

/**
 * A comment's permanent address on the public site: it answers 301 to the thread page that
 * holds it (site-routes), so links in feeds and mails outlive the thread's paging. Typed as
 * its template so the route built from it (an id pattern in the id's place) keeps its params.
 */
export function commentPermalink<Id extends string>(commentId: Id): `/comments/${Id}/` {
  return `/comments/${commentId}/`;
}

/** The id of a comment's element in a thread, the fragment links to it end with (public/comments.js finds it too). */
export function commentAnchor(commentId: string): string {
  return `comment-${commentId}`;
}

/** How deep replies nest on the page by default (the setting commentThreadDepth). */
export const DEFAULT_THREAD_DEPTH = 5;

/** The stored HTML of a comment while its renderer is current; otherwise the body rendered now. */
export function bodyHtmlOf(row: { body: string; bodyHtml: string; renderVersion: number }): string {
  return row.renderVersion === RENDER_VERSION && row.bodyHtml ? row.bodyHtml : renderCommentBody(row.body);
}

/**
 * Builds the reply tree, oldest first at every level, nesting at most `depth` levels
 * (deeper replies join their parent's list, so narrow screens stay readable). A reply whose
 * parent is not shown (held, spam, deleted) is not shown either: it would answer nothing
 * visible. The count is of the comments shown, the number the article's cards print.
 */
export function threadComments(rows: readonly ApprovedCommentRow[], depth: number = DEFAULT_THREAD_DEPTH): CommentThread {
  const maxDepth = Math.max(1, Math.floor(depth));
  const sorted = [...rows].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
  // Each shown comment, its depth, and the list it sits in (where too-deep replies go).
  const shown = new Map<string, { node: CommentNode; depth: number; siblings: CommentNode[] }>();
  const roots: CommentNode[] = [];
  for (const row of sorted) {
    const parent = row.parentId === null ? null : shown.get(row.parentId);
    if (row.parentId !== null && !parent) continue;
    const node: CommentNode = {
      id: row.id,
      authorName: row.authorName,
      authorUrl: row.authorUrl,
      isStaff: row.isStaff,
      html: bodyHtmlOf(row),
      avatar: commentAvatar(row.avatarSeed, row.authorName),
      createdAt: row.createdAt,
      replies: [],
    };
    if (!parent) {
      roots.push(node);
      shown.set(row.id, { node, depth: 1, siblings: roots });
    } else if (parent.depth < maxDepth) {
      parent.node.replies.push(node);
      shown.set(row.id, { node, depth: parent.depth + 1, siblings: parent.node.replies });
    } else {
      parent.siblings.push(node);
      shown.set(row.id, { node, depth: parent.depth, siblings: parent.siblings });
    }
  }
  return { count: shown.size, roots };
}

/**
 * The comments readers see: approved ones whose every ancestor is approved too
 * (threadComments hides the rest). Their number is kept in articles.comment_count.
 */
export function shownCommentIds(rows: readonly { id: string; parentId: string | null; status: string }[]): Set<string> {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const shown = new Map<string, boolean>();
  const ids = new Set<string>();
  for (const row of rows) {
    // Walk up to a comment already judged (or the top), then judge the path on the way down.
    const path: string[] = [];
    const onPath = new Set<string>();
    let at: string | null = row.id;
    let verdict = true;
    while (at !== null) {
      const known = shown.get(at);
      if (known !== undefined) {
        verdict = known;
        break;
      }
      const current = byId.get(at);
      // A missing parent, or a cycle (no use case makes one), shows nothing below it.
      if (!current || onPath.has(at)) {
        verdict = false;
        break;
      }
      path.push(at);
      onPath.add(at);
      at = current.parentId;
    }
    for (let i = path.length - 1; i >= 0; i--) {
      verdict = verdict && byId.get(path[i]!)!.status === 'approved';
      shown.set(path[i]!, verdict);
    }
    if (shown.get(row.id)) ids.add(row.id);
  }
  return ids;
}

/** When comments on an article published at `publishedAt` close; null when they never do. */
export function commentsCloseAt(publishedAt: Date, closeAfterDays: number): Date | null {
  return closeAfterDays > 0 ? new Date(publishedAt.getTime() + closeAfterDays * 86_400_000) : null;
}

/**
 * Whether readers may comment on an article now: it is published, its own switch is on,
 * and the site's "close after N days" has not passed.
 */
export function areCommentsOpen(article: { isPublished: boolean; commentsOpen: boolean; publishedAt: Date | null }, closeAfterDays: number, now: Date): boolean {
  if (!article.isPublished || !article.commentsOpen || !article.publishedAt) return false;
  const closesAt = commentsCloseAt(article.publishedAt, closeAfterDays);
  return closesAt === null || now.getTime() < closesAt.getTime();
}
