import { type RawBuilder, sql } from 'kysely';
import type { Database } from '../db/database.js';

/** The statuses readers find (content's isPublic); staff find every status. */
export const READER_STATUSES: readonly string[] = ['published'];

/** What narrows a search, as both engines apply it to `search_documents d` (the narrow rows, never the text). */
export interface SearchFilters {
  statuses: readonly string[];
  /** the topic and every topic below it */
  topicIds: readonly string[] | null;
  tagId: string | null;
  authorId: string | null;
  /** ISO instants, on the publish time: from inclusive, to exclusive */
  from: string | null;
  to: string | null;
}

/** The filters as one SQL condition, in SQL both dialects read alike. */
export function filterCondition(f: SearchFilters): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [sql`d.status in (${sql.join(f.statuses)})`];
  if (f.topicIds) {
    parts.push(sql`exists (select 1 from article_topics x where x.article_id = d.article_id and x.topic_id in (${sql.join(f.topicIds)}))`);
  }
  if (f.tagId) parts.push(sql`exists (select 1 from article_tags x where x.article_id = d.article_id and x.tag_id = ${f.tagId})`);
  if (f.authorId) parts.push(sql`exists (select 1 from article_authors x where x.article_id = d.article_id and x.user_id = ${f.authorId})`);
  if (f.from) parts.push(sql`d.published_at >= ${f.from}`);
  if (f.to) parts.push(sql`d.published_at < ${f.to}`);
  return sql.join(parts, sql` and `);
}

/** A topic and its descendants (an empty list when there is no such topic: the filter then finds nothing). */
export async function topicSubtreeIds(db: Database, topicId: string): Promise<string[]> {
  const topic = await db.selectFrom('topics').select(['id', 'path']).where('id', '=', topicId).executeTakeFirst();
  if (!topic) return [];
  const prefix = `${topic.path.replace(/[\\%_]/g, (c) => `\\${c}`)}/%`;
  const below = await db
    .selectFrom('topics')
    .select('id')
    .where(sql<boolean>`path like ${prefix} escape '\\'`)
    .execute();
  return [topic.id, ...below.map((t) => t.id)];
}
