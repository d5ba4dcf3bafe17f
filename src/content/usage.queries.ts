import { sql } from 'kysely';
import type { Database } from '../db/database.js';
import type { ListKind } from './listing.queries.js';

/** How many articles (any status: drafts and withdrawn ones too) are filed under this topic, as a topic or as their primary one. */
export async function countArticlesUsingTopic(db: Database, topicId: string): Promise<number> {
  const { rows } = await sql<{ n: number | string }>`
    select count(*) as n from (
      select article_id from article_topics where topic_id = ${topicId}
      union
      select id from articles where primary_topic_id = ${topicId}
    ) used
  `.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/** How many articles (any status) carry this tag. */
export async function countArticlesUsingTag(db: Database, tagId: string): Promise<number> {
  const row = await db.selectFrom('article_tags').select((eb) => eb.fn.countAll<number>().as('n')).where('tag_id', '=', tagId).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Articles of any status filed directly under each topic (not its descendants): what keeps a topic from being deleted. */
export async function articleCountsByTopic(db: Database): Promise<Map<string, number>> {
  const { rows } = await sql<{ topic_id: string; n: number | string }>`
    select topic_id, count(*) as n from (
      select topic_id, article_id from article_topics
      union
      select primary_topic_id, id from articles
    ) filed group by topic_id
  `.execute(db);
  return new Map(rows.map((r) => [r.topic_id, Number(r.n)]));
}

/** Articles of any status carrying each of these tags. */
export async function articleCountsByTag(db: Database, tagIds: readonly string[]): Promise<Map<string, number>> {
  if (tagIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('article_tags')
    .select(['tag_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('tag_id', 'in', [...tagIds])
    .groupBy('tag_id')
    .execute();
  return new Map(rows.map((r) => [r.tag_id, Number(r.n)]));
}

/** The stored sizes (published articles) of these lists; a list with none is absent. */
export async function listSizes(db: Database, kind: ListKind, ids?: readonly string[]): Promise<Map<string, number>> {
  let query = db.selectFrom('list_counts').select(['list_id', 'count']).where('list_kind', '=', kind);
  if (ids) {
    if (ids.length === 0) return new Map();
    query = query.where('list_id', 'in', [...ids]);
  }
  const rows = await query.execute();
  return new Map(rows.map((r) => [r.list_id, Number(r.count)]));
}

/** People named on at least one article's byline, with how many articles (any status) name them. */
export async function bylineCounts(db: Database): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('article_authors')
    .select(['user_id', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('user_id')
    .execute();
  return new Map(rows.map((r) => [r.user_id, Number(r.n)]));
}
