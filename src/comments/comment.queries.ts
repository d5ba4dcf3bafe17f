import type { CommentStatus } from './comment.js';
import type { Database } from '../db/database.js';
import type { ApprovedCommentRow } from './comment.js';
import type { CommentsTable } from './comment.table.js';

export async function listApprovedComments(db: Database, articleId: string): Promise<ApprovedCommentRow[]> {
  const rows = await db
    .selectFrom('comments')
    .select(['id', 'parent_id', 'author_name', 'author_url', 'body', 'created_at'])
    .where('article_id', '=', articleId)
    .where('status', '=', 'approved')
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    parentId: r.parent_id,
    authorName: r.author_name,
    authorUrl: r.author_url,
    body: r.body,
    createdAt: new Date(r.created_at),
  }));
}

export type CommentInsert = Omit<CommentsTable, 'author_url' | 'ip_hash' | 'user_agent'> & {
  author_url: string;
  ip_hash: string;
  user_agent: string;
};

export async function insertComments(db: Database, rows: CommentInsert[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('comments').values(rows).execute();
}

export async function countApprovedComments(db: Database, articleId: string): Promise<number> {
  const row = await db
    .selectFrom('comments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('article_id', '=', articleId)
    .where('status', '=', 'approved')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findCommentById(db: Database, id: string): Promise<{ id: string; article_id: string; status: string } | undefined> {
  return db.selectFrom('comments').select(['id', 'article_id', 'status']).where('id', '=', id).executeTakeFirst();
}

export async function setCommentStatus(db: Database, id: string, status: CommentStatus): Promise<void> {
  await db.updateTable('comments').set({ status }).where('id', '=', id).execute();
}
