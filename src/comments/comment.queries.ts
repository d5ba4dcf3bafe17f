import type { Insertable } from 'kysely';
import type { Database } from '../db/database.js';
import { commentAvatar } from './comment-avatar.js';
import type { ApprovedCommentRow, Comment, CommentStatus, StatusReason } from './comment.js';
import { bodyHtmlOf, shownCommentIds } from './comment.js';
import type { CommentRow, CommentsTable } from './comment.table.js';

export type CommentInsert = Insertable<CommentsTable>;

/** The approved comments of an article, for its page: never emails, IP hashes or held ones. */
export async function listApprovedComments(db: Database, articleId: string): Promise<ApprovedCommentRow[]> {
  const rows = await db
    .selectFrom('comments')
    .select(['id', 'parent_id', 'author_name', 'author_url', 'is_staff', 'body', 'body_html', 'render_version', 'avatar_seed', 'created_at'])
    .where('article_id', '=', articleId)
    .where('status', '=', 'approved')
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    parentId: r.parent_id,
    authorName: r.author_name,
    authorUrl: r.author_url,
    isStaff: r.is_staff === 1,
    body: r.body,
    bodyHtml: r.body_html,
    renderVersion: Number(r.render_version),
    avatarSeed: r.avatar_seed,
    createdAt: new Date(r.created_at),
  }));
}

export async function insertComments(db: Database, rows: CommentInsert[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('comments').values(rows).execute();
}

/** The comments of the article readers see (approved, under approved parents); their number is its count on cards. */
export async function findShownCommentIds(db: Database, articleId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('comments').select(['id', 'parent_id', 'status']).where('article_id', '=', articleId).execute();
  return shownCommentIds(rows.map((r) => ({ id: r.id, parentId: r.parent_id, status: r.status })));
}

export async function findCommentRow(db: Database, id: string): Promise<CommentRow | undefined> {
  return db.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findCommentRows(db: Database, ids: readonly string[]): Promise<CommentRow[]> {
  const unique = [...new Set(ids)];
  const rows: CommentRow[] = [];
  for (let i = 0; i < unique.length; i += 500) {
    rows.push(...(await db.selectFrom('comments').selectAll().where('id', 'in', unique.slice(i, i + 500)).execute()));
  }
  return rows;
}

/** Whether a moderator (or the rules) ever let a comment from this email through. */
export async function hasApprovedCommentFrom(db: Database, emailKey: string): Promise<boolean> {
  const row = await db
    .selectFrom('comments')
    .select('id')
    .where('email_key', '=', emailKey)
    .where('status', '=', 'approved')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** The bodies this email posted on this article since `sinceIso`, in any status: for duplicate detection. */
export async function recentBodiesFrom(db: Database, articleId: string, emailKey: string, sinceIso: string): Promise<string[]> {
  const rows = await db
    .selectFrom('comments')
    .select('body')
    .where('email_key', '=', emailKey)
    .where('article_id', '=', articleId)
    .where('created_at', '>=', sinceIso)
    .execute();
  return rows.map((r) => r.body);
}

export interface StatusChange {
  status: CommentStatus;
  reason: StatusReason;
  note: string;
  atIso: string;
}

export async function setCommentStatus(db: Database, ids: readonly string[], change: StatusChange): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) {
    await db
      .updateTable('comments')
      .set({ status: change.status, status_reason: change.reason, status_note: change.note, status_changed_at: change.atIso })
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
  }
}

export async function setTrainedAs(db: Database, id: string, label: string | null): Promise<void> {
  await db.updateTable('comments').set({ trained_as: label }).where('id', '=', id).execute();
}

export interface CommentEdits {
  author_name: string;
  author_email: string;
  email_key: string;
  author_url: string;
  body: string;
  body_html: string;
  render_version: number;
  avatar_seed?: string;
  edited_at: string;
}

export async function updateCommentFields(db: Database, id: string, edits: CommentEdits): Promise<void> {
  await db.updateTable('comments').set(edits).where('id', '=', id).execute();
}

/**
 * Deletes comments for good. Their replies are not deleted with them (the foreign key would
 * cascade): each moves up to the deleted comment's own parent first, as WordPress does.
 * One at a time, so a reply whose parent and grandparent both go lands on what remains.
 */
export async function deleteCommentsKeepingReplies(db: Database, ids: readonly string[]): Promise<void> {
  for (const id of ids) {
    const row = await db.selectFrom('comments').select('parent_id').where('id', '=', id).executeTakeFirst();
    if (!row) continue;
    await db.updateTable('comments').set({ parent_id: row.parent_id }).where('parent_id', '=', id).execute();
    await db.deleteFrom('comments').where('id', '=', id).execute();
  }
}

/** Every comment written with this email, oldest first: for export and erasure. */
export async function findCommentRowsByEmail(db: Database, emailKey: string): Promise<CommentRow[]> {
  return db.selectFrom('comments').selectAll().where('email_key', '=', emailKey).orderBy('created_at').orderBy('id').execute();
}

/** Removes what identifies the writer of these comments and keeps their words. */
export async function anonymizeComments(db: Database, ids: readonly string[], name: string): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) {
    await db
      .updateTable('comments')
      .set({ author_name: name, author_email: '', email_key: '', author_url: '', ip_hash: '', user_agent: '', avatar_seed: '', user_id: null })
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
  }
}

/** Comments that have been in `status` since before `beforeIso`: what retention deletes. */
export async function findCommentsInStatusSince(db: Database, status: CommentStatus, beforeIso: string): Promise<{ id: string; articleId: string }[]> {
  const rows = await db
    .selectFrom('comments')
    .select(['id', 'article_id'])
    .where('status', '=', status)
    .where('status_changed_at', '<', beforeIso)
    .execute();
  return rows.map((r) => ({ id: r.id, articleId: r.article_id }));
}

export function toComment(row: CommentRow): Comment {
  return {
    id: row.id,
    articleId: row.article_id,
    parentId: row.parent_id,
    userId: row.user_id,
    isStaff: row.is_staff === 1,
    authorName: row.author_name,
    authorEmail: row.author_email,
    authorUrl: row.author_url,
    body: row.body,
    bodyHtml: bodyHtmlOf({ body: row.body, bodyHtml: row.body_html, renderVersion: Number(row.render_version) }),
    status: row.status as CommentStatus,
    statusReason: (row.status_reason || 'imported') as StatusReason,
    statusNote: row.status_note,
    statusChangedAt: new Date(row.status_changed_at ?? row.created_at),
    spamScore: row.spam_score === null ? null : Number(row.spam_score),
    ipHash: row.ip_hash,
    userAgent: row.user_agent,
    createdAt: new Date(row.created_at),
    editedAt: row.edited_at ? new Date(row.edited_at) : null,
    avatar: commentAvatar(row.avatar_seed, row.author_name),
  };
}

/**
 * Claims a notice about this comment (the new-comment mail to staff, or the reply mail to its
 * parent's author): true for the one caller that set it, so each is sent at most once.
 */
export async function claimCommentNotice(db: Database, id: string, notice: 'notified_at' | 'reply_notified_at', atIso: string): Promise<boolean> {
  const result = await db.updateTable('comments').set({ [notice]: atIso }).where('id', '=', id).where(notice, 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Whether the writer of this comment asked to hear of replies, and where to write to them. */
export async function findReplyWatcher(db: Database, id: string): Promise<{ id: string; name: string; email: string; emailKey: string; notifyReplies: boolean } | null> {
  const row = await db.selectFrom('comments').select(['id', 'author_name', 'author_email', 'email_key', 'notify_replies']).where('id', '=', id).executeTakeFirst();
  return row ? { id: row.id, name: row.author_name, email: row.author_email, emailKey: row.email_key, notifyReplies: Number(row.notify_replies) === 1 } : null;
}

/** No more reply mails to this email, for any of its comments. Returns how many comments asked for them. */
export async function stopReplyNotices(db: Database, emailKey: string): Promise<number> {
  const result = await db.updateTable('comments').set({ notify_replies: 0 }).where('email_key', '=', emailKey).where('notify_replies', '=', 1).executeTakeFirst();
  return Number(result.numUpdatedRows);
}
