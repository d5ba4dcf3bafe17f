import { type Actor, assertCan } from '../accounts/index.js';
import { findArticleTitles } from '../content/index.js';
import type { Database } from '../db/database.js';
import { loadSettings } from '../settings/index.js';
import { toStoredTime } from '../shared/clock.js';
import type { CommentsChanged } from '../shared/domain-events.js';
import { ValidationError } from '../shared/errors.js';
import type { WriteDeps } from '../shared/write-deps.js';
import type { CommentStatus } from './comment.js';
import { emailKeyOf } from './comment-hash.js';
import { anonymizeComments, deleteCommentsKeepingReplies, findCommentRowsByEmail, findCommentsInStatusSince } from './comment.queries.js';
import { writeComments } from './comment-writes.js';

/** One comment as its writer receives it in an export: all that is stored about it. */
export interface ExportedComment {
  id: string;
  articleId: string;
  articleTitle: string;
  parentId: string | null;
  status: CommentStatus;
  name: string;
  email: string;
  website: string;
  body: string;
  createdAt: string;
  editedAt: string | null;
  /** the keyed hash of the address it was posted from (the address itself is not stored) */
  ipHash: string;
  userAgent: string;
}

export interface CommentExport {
  email: string;
  exportedAt: string;
  comments: ExportedComment[];
}

function requireEmail(email: string): string {
  const key = emailKeyOf(email);
  if (!/^[^\s@]+@[^\s@]+$/.test(key)) throw new ValidationError('invalid email', { email: 'Enter the email address the comments were written with.' });
  return key;
}

/** Everything stored about the comments written with an email address, for its owner (an administrator's action on request). */
export async function exportCommentsByEmail(deps: WriteDeps, actor: Actor, email: string): Promise<CommentExport> {
  assertCan(actor, 'moderate_comments', 'export a commenter’s comments');
  const key = requireEmail(email);
  const rows = await findCommentRowsByEmail(deps.db, key);
  const titles = await findArticleTitles(deps.db, [...new Set(rows.map((r) => r.article_id))]);
  return {
    email: key,
    exportedAt: toStoredTime(deps.clock.now()),
    comments: rows.map((r) => ({
      id: r.id,
      articleId: r.article_id,
      articleTitle: titles.get(r.article_id) ?? '',
      parentId: r.parent_id,
      status: r.status as CommentStatus,
      name: r.author_name,
      email: r.author_email,
      website: r.author_url,
      body: r.body,
      createdAt: r.created_at,
      editedAt: r.edited_at,
      ipHash: r.ip_hash,
      userAgent: r.user_agent,
    })),
  };
}

export const ANONYMOUS_NAME = 'Anonymous';

/**
 * Erases a commenter by email address. `anonymize` (WordPress's eraser) keeps the words and
 * removes who wrote them: name, email, website, IP hash, browser, avatar; `delete` removes
 * the comments themselves (replies by others move up a level and stay). Returns how many.
 */
export async function eraseCommentsByEmail(
  deps: WriteDeps,
  actor: Actor,
  email: string,
  mode: 'anonymize' | 'delete',
): Promise<{ count: number; events: CommentsChanged[] }> {
  assertCan(actor, 'moderate_comments', 'erase a commenter’s comments');
  const key = requireEmail(email);
  const rows = await findCommentRowsByEmail(deps.db, key);
  if (rows.length === 0) return { count: 0, events: [] };
  const ids = rows.map((r) => r.id);
  const touched = new Map<string, string[]>();
  for (const r of rows) touched.set(r.article_id, [...(touched.get(r.article_id) ?? []), r.id]);
  const { events } = await writeComments(deps, [...touched.keys()], async (trx) => {
    if (mode === 'delete') await deleteCommentsKeepingReplies(trx, ids);
    else await anonymizeComments(trx, ids, ANONYMOUS_NAME);
    return { touched, editedIds: mode === 'anonymize' ? ids : [] };
  });
  return { count: rows.length, events };
}

/**
 * Deletes comments that have sat in the spam folder or the trash longer than the site keeps
 * them (settings: commentSpamRetentionDays, commentTrashRetentionDays; 0 keeps them), counted
 * from when they entered it. For the scheduler; no person acts.
 */
export async function purgeOldComments(deps: WriteDeps): Promise<{ spam: number; trash: number }> {
  const settings = await loadSettings(deps.db);
  const now = deps.clock.now().getTime();
  const purged = { spam: 0, trash: 0 };
  for (const [status, days] of [
    ['spam', settings.commentSpamRetentionDays],
    ['trash', settings.commentTrashRetentionDays],
  ] as const) {
    if (days <= 0) continue;
    const cutoff = toStoredTime(new Date(now - days * 86_400_000));
    const old = await findCommentsInStatusSince(deps.db, status, cutoff);
    // A few hundred per transaction; each batch checks again that its comments are still due.
    for (let i = 0; i < old.length; i += 500) {
      const batch = old.slice(i, i + 500);
      await writeComments(deps, [...new Set(batch.map((c) => c.articleId))], async (trx: Database) => {
        const inBatch = new Set(batch.map((c) => c.id));
        const due = (await findCommentsInStatusSince(trx, status, cutoff)).filter((c) => inBatch.has(c.id));
        await deleteCommentsKeepingReplies(trx, due.map((c) => c.id));
        const touched = new Map<string, string[]>();
        for (const c of due) touched.set(c.articleId, [...(touched.get(c.articleId) ?? []), c.id]);
        purged[status] += due.length;
        return { touched };
      });
    }
  }
  return purged;
}
