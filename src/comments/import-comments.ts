import type { Database } from '../db/database.js';
import type { ContentEvent } from '../content/content-events.js';
import type { EventSink } from '../shared/events.js';
import { newId } from '../shared/ids.js';
import type { CommentStatus } from './comment.js';
import { insertComments, recountApprovedComments } from './comment.queries.js';

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
  events: EventSink<ContentEvent>,
  articleId: string,
  comments: ImportedComment[],
): Promise<Map<string, string>> {
  const ids = new Map(comments.map((c) => [c.key, newId()]));
  const rows = comments.map((c) => ({
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
  }));
  await db.transaction().execute(async (trx) => {
    // Parents first: the foreign key on parent_id holds at every insert.
    await insertComments(trx, rows.filter((r) => r.parent_id === null));
    await insertComments(trx, rows.filter((r) => r.parent_id !== null));
    await recountApprovedComments(trx, articleId);
  });
  events.emit({ type: 'comments.changed', articleId });
  return ids;
}
