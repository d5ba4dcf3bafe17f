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

/** The same count for many articles, a few hundred per statement: after a bulk import. */
export async function recountApprovedCommentsOf(db: Database, articleIds: readonly string[]): Promise<void> {
  for (let i = 0; i < articleIds.length; i += 500) {
    await db
      .updateTable('articles')
      .set((eb) => ({
        comment_count: eb
          .selectFrom('comments')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('comments.article_id', '=', 'articles.id')
          .where('comments.status', '=', 'approved'),
      }))
      .where('id', 'in', articleIds.slice(i, i + 500))
      .execute();
  }
}

/** Keeps the article's approved-comment count, shown on lists, in step with the table. */
export async function recountApprovedComments(db: Database, articleId: string): Promise<number> {
  const row = await db
    .selectFrom('comments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('article_id', '=', articleId)
    .where('status', '=', 'approved')
    .executeTakeFirstOrThrow();
  const count = Number(row.n);
  await db.updateTable('articles').set({ comment_count: count }).where('id', '=', articleId).execute();
  return count;
}
