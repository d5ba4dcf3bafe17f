import { type ExpressionBuilder, sql } from 'kysely';
import type { Database, Tables } from '../db/database.js';
import type { CommentStatus } from './comment.js';
import type { CommentRow } from './comment.table.js';

export interface QueueFilter {
  status?: CommentStatus;
  articleId?: string;
  /** words in the name or the body */
  search?: string;
  ipHash?: string;
  /** an email key (trimmed, lowercase) */
  emailKey?: string;
}

function matching(filter: QueueFilter) {
  return (eb: ExpressionBuilder<Tables, 'comments'>) => {
    const conditions = [];
    if (filter.status) conditions.push(eb('status', '=', filter.status));
    if (filter.articleId) conditions.push(eb('article_id', '=', filter.articleId));
    if (filter.ipHash) conditions.push(eb('ip_hash', '=', filter.ipHash));
    if (filter.emailKey) conditions.push(eb('email_key', '=', filter.emailKey));
    if (filter.search) {
      // LIKE with its wildcards escaped, lowercased on both sides: PostgreSQL's LIKE is case-sensitive.
      const pattern = `%${filter.search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      conditions.push(
        eb.or([
          eb(sql`lower(author_name)`, 'like', sql`${pattern} escape '\\'`),
          eb(sql`lower(body)`, 'like', sql`${pattern} escape '\\'`),
        ]),
      );
    }
    return eb.and(conditions);
  };
}

/** One page of the queue, newest first. */
export async function listQueueRows(db: Database, filter: QueueFilter, limit: number, offset: number): Promise<CommentRow[]> {
  return db
    .selectFrom('comments')
    .selectAll()
    .where(matching(filter))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}

/** How many comments match the filter in each status (the filter's own status aside). */
export async function countQueueByStatus(db: Database, filter: QueueFilter): Promise<Map<string, number>> {
  const { status: _ignored, ...rest } = filter;
  const rows = await db
    .selectFrom('comments')
    .select((eb) => ['status', eb.fn.countAll<number>().as('n')])
    .where(matching(rest))
    .groupBy('status')
    .execute();
  return new Map(rows.map((r) => [r.status, Number(r.n)]));
}

/** How many comments wait in one status (the admin's navigation shows the pending ones); an index range on (status, status_changed_at). */
export async function countCommentsInStatus(db: Database, status: CommentStatus): Promise<number> {
  const row = await db.selectFrom('comments').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', status).executeTakeFirstOrThrow();
  return Number(row.n);
}
