import { sql } from 'kysely';
import type { Database } from '../db/database.js';
import { pathPrefixes } from '../taxonomy/topic.js';
import type { ArticleListingsTable } from './article.table.js';
import { rowChunks } from '../shared/row-chunks.js';

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
  const topics = await db.selectFrom('article_topics').select('topic_id').where('article_id', '=', articleId).execute();
  const lineages = await topicLineages(db, topics.map((t) => t.topic_id));
  const tags = await db.selectFrom('article_tags').select('tag_id').where('article_id', '=', articleId).execute();
  const authors = await db.selectFrom('article_authors').select('user_id').where('article_id', '=', articleId).execute();
  return {
    topicIds: [...new Set([...lineages.values()].flat())],
    tagIds: tags.map((t) => t.tag_id),
    authorIds: authors.map((a) => a.user_id),
  };
}

/** Each topic's id with its ancestors' ids, root first: the topic lists an article under it is filed on. */
export async function topicLineages(db: Database, topicIds: readonly string[]): Promise<Map<string, string[]>> {
  const ids = [...new Set(topicIds)];
  if (ids.length === 0) return new Map();
  const topics = await db.selectFrom('topics').select(['id', 'path']).where('id', 'in', ids).execute();
  const allPaths = [...new Set(topics.flatMap((t) => pathPrefixes(t.path)))];
  const idByPath = new Map(
    (await db.selectFrom('topics').select(['id', 'path']).where('path', 'in', allPaths).execute()).map((t) => [t.path, t.id]),
  );
  return new Map(topics.map((t) => [t.id, pathPrefixes(t.path).flatMap((p) => idByPath.get(p) ?? [])]));
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
  // Several writers (processes publishing at the same moment) may touch the same lists: each
  // locks its lists' counts first, always in the same order (no deadlock), and counts only
  // then, when the statement sees every writer that held the lock before it.
  const ordered = [...touched.keys()].sort().map((key) => touched.get(key)!);
  for (const { list_kind, list_id } of ordered) await lockListCount(db, list_kind, list_id);
  for (const { list_kind, list_id } of ordered) await recountList(db, list_kind, list_id);
}

/** Takes the row lock of a list's count (making the row when it has none) without changing it. */
async function lockListCount(db: Database, kind: ListKind, listId: string): Promise<void> {
  await db
    .insertInto('list_counts')
    .values({ list_kind: kind, list_id: listId, count: 0 })
    .onConflict((oc) => oc.columns(['list_kind', 'list_id']).doUpdateSet({ count: sql`list_counts.count` }))
    .execute();
}

/** Stores a list's size from its entries (run inside the write that changed them). */
export async function recountList(db: Database, kind: ListKind, listId: string): Promise<void> {
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

/** Files new articles on their lists in multi-row statements; their sizes follow with addToListCounts. */
export async function insertListingRows(db: Database, rows: readonly ArticleListingsTable[]): Promise<void> {
  for (const chunk of rowChunks(rows)) await db.insertInto('article_listings').values(chunk).execute();
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
  for (const chunk of rowChunks([...added.values()])) {
    await db
      .insertInto('list_counts')
      .values(chunk)
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
