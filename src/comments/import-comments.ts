import type { Database } from '../db/database.js';
import type { EventSink } from '../shared/events.js';
import { newId } from '../shared/ids.js';
import type { CommentsChanged } from '../shared/domain-events.js';
import type { CommentStatus } from './comment.js';
import { RENDER_VERSION, renderCommentBody } from './comment-body.js';
import { emailKeyOf } from './comment-hash.js';
import { type CommentInsert, insertComments } from './comment.queries.js';
import { writeComments } from './comment-writes.js';

export interface ImportedComment {
  /** the caller's key for this comment, so replies can name their parent */
  key: string;
  parentKey: string | null;
  authorName: string;
  authorEmail: string;
  authorUrl: string;
  body: string;
  status: CommentStatus;
  createdAt: Date;
}

/**
 * Stores comments that were already moderated elsewhere (a WordPress import, the demo
 * site), parents before replies, and updates the article's count. Returns key → id.
 */
export async function importComments(
  db: Database,
  events: EventSink<CommentsChanged>,
  articleId: string,
  comments: ImportedComment[],
): Promise<Map<string, string>> {
  const { ids, rows } = importedCommentRows(articleId, comments);
  await writeComments({ db, events }, [articleId], async (trx) => {
    await insertCommentRows(trx, rows);
    return { touched: new Map([[articleId, rows.map((r) => r.id)]]) };
  });
  return ids;
}

/**
 * Rows for imported comments, with new ids; replies point at their parents' new ids. They
 * carry no IP hash or avatar seed (the site's key did not make them): avatars follow names.
 */
export function importedCommentRows(articleId: string, comments: readonly ImportedComment[]): { ids: Map<string, string>; rows: CommentInsert[] } {
  const ids = new Map(comments.map((c) => [c.key, newId()]));
  const rows = comments.map((c): CommentInsert => ({
    id: ids.get(c.key)!,
    article_id: articleId,
    parent_id: c.parentKey ? (ids.get(c.parentKey) ?? null) : null,
    user_id: null,
    author_name: c.authorName,
    author_email: c.authorEmail,
    author_url: c.authorUrl,
    body: c.body,
    status: c.status,
    created_at: c.createdAt.toISOString(),
    ip_hash: '',
    user_agent: '',
    email_key: emailKeyOf(c.authorEmail),
    status_reason: 'imported',
    status_note: 'Imported with this status.',
    status_changed_at: c.createdAt.toISOString(),
    body_html: renderCommentBody(c.body),
    render_version: RENDER_VERSION,
    spam_score: null,
    trained_as: null,
    edited_at: null,
  }));
  return { ids, rows };
}

/** Inserts comment rows, shallowest first, so the foreign key on parent_id holds at every statement. */
export async function insertCommentRows(db: Database, rows: readonly CommentInsert[]): Promise<void> {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const depths = new Map<string, number>();
  const depthOf = (row: CommentInsert): number => {
    let depth = depths.get(row.id);
    if (depth === undefined) {
      const parent = row.parent_id ? byId.get(row.parent_id) : undefined;
      depth = parent ? depthOf(parent) + 1 : 0;
      depths.set(row.id, depth);
    }
    return depth;
  };
  const ordered = [...rows].sort((a, b) => depthOf(a) - depthOf(b));
  for (let i = 0; i < ordered.length; i += 500) await insertComments(db, ordered.slice(i, i + 500));
}
