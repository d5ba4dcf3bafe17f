import { sql } from 'kysely';
import type { Database } from '../db/database.js';
import { pathPrefixes } from '../taxonomy/topic.js';
import type { ArticleListingsTable } from './article.table.js';

export type ListKind = ArticleListingsTable['list_kind'];

export interface ListMemberships {
  topicIds: string[];
  tagIds: string[];
  authorIds: string[];
}

/** The lists an article appears on now (empty unless it is published). */
export async function listMembershipsOf(db: Database, articleId: string): Promise<ListMemberships> {
  const rows = await db
    .selectFrom('article_listings')
    .select(['list_kind', 'list_id'])
    .where('article_id', '=', articleId)
    .execute();
  const of = (kind: ListKind) => rows.filter((r) => r.list_kind === kind).map((r) => r.list_id);
  return { topicIds: of('topic'), tagIds: of('tag'), authorIds: of('author') };
}

/** The lists an article belongs on: its topics and their ancestors, its tags, its authors. */
export async function listMembershipsFor(db: Database, articleId: string): Promise<ListMemberships> {
  const topicPaths = await db
    .selectFrom('article_topics')
    .innerJoin('topics', 'topics.id', 'article_topics.topic_id')
    .select('topics.path')
    .where('article_topics.article_id', '=', articleId)
    .execute();
  const allPaths = [...new Set(topicPaths.flatMap((t) => pathPrefixes(t.path)))];
  const topics = allPaths.length
    ? await db.selectFrom('topics').select('id').where('path', 'in', allPaths).execute()
    : [];
  const tags = await db.selectFrom('article_tags').select('tag_id').where('article_id', '=', articleId).execute();
  const authors = await db.selectFrom('article_authors').select('user_id').where('article_id', '=', articleId).execute();
  return {
    topicIds: topics.map((t) => t.id),
    tagIds: tags.map((t) => t.tag_id),
    authorIds: authors.map((a) => a.user_id),
  };
}

/** Puts a published article on its lists, or takes it off all of them, and recounts both. */
export async function replaceListings(
  db: Database,
  articleId: string,
  publishedAt: string | null,
  lists: ListMemberships,
): Promise<void> {
  const before = await db.selectFrom('article_listings').select(['list_kind', 'list_id']).where('article_id', '=', articleId).execute();
  await db.deleteFrom('article_listings').where('article_id', '=', articleId).execute();
  const rows = publishedAt === null ? [] : listingRows(articleId, publishedAt, lists);
  if (rows.length > 0) await db.insertInto('article_listings').values(rows).execute();
  const touched = new Map([...before, ...rows].map((r) => [`${r.list_kind}:${r.list_id}`, r]));
  for (const { list_kind, list_id } of touched.values()) await recountList(db, list_kind, list_id);
}

/** Stores a list's size from its entries (run inside the write that changed them). */
async function recountList(db: Database, kind: ListKind, listId: string): Promise<void> {
  const { n } = await db
    .selectFrom('article_listings')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('list_kind', '=', kind)
    .where('list_id', '=', listId)
    .executeTakeFirstOrThrow();
  await db
    .insertInto('list_counts')
    .values({ list_kind: kind, list_id: listId, count: Number(n) })
    .onConflict((oc) => oc.columns(['list_kind', 'list_id']).doUpdateSet({ count: Number(n) }))
    .execute();
}

/** Adds a bulk insert's new entries to the stored sizes of their lists. */
export async function addToListCounts(db: Database, rows: readonly Pick<ArticleListingsTable, 'list_kind' | 'list_id'>[]): Promise<void> {
  const added = new Map<string, { list_kind: ListKind; list_id: string; count: number }>();
  for (const r of rows) {
    const key = `${r.list_kind}:${r.list_id}`;
    const entry = added.get(key) ?? { list_kind: r.list_kind, list_id: r.list_id, count: 0 };
    entry.count++;
    added.set(key, entry);
  }
  const values = [...added.values()];
  for (let i = 0; i < values.length; i += 500) {
    await db
      .insertInto('list_counts')
      .values(values.slice(i, i + 500))
      .onConflict((oc) => oc.columns(['list_kind', 'list_id']).doUpdateSet({ count: sql`list_counts.count + excluded.count` }))
      .execute();
  }
}

export function listingRows(articleId: string, publishedAt: string, lists: ListMemberships): ArticleListingsTable[] {
  const row = (list_kind: ListKind, list_id: string) => ({ list_kind, list_id, article_id: articleId, published_at: publishedAt });
  return [
    ...[...new Set(lists.topicIds)].map((id) => row('topic', id)),
    ...[...new Set(lists.tagIds)].map((id) => row('tag', id)),
    ...[...new Set(lists.authorIds)].map((id) => row('author', id)),
  ];
}
