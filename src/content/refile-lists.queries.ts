import type { Database } from '../db/database.js';
import { recountList, topicLineages } from './listing.queries.js';
import { rowChunks } from '../shared/row-chunks.js';

/** What a refile changed: the articles whose entries moved, and the lists that gained or lost them. */
export interface Refiled {
  articleIds: string[];
  /** topic or tag lists whose membership changed (their sizes were recounted) */
  listIds: string[];
}

/**
 * Refiles the topic lists of every published article filed under these topics, after the
 * topics moved in the tree (run in the move's transaction, after the paths changed). A
 * topic's list holds its own articles and its descendants', so an article leaves the lists
 * of ancestors it no longer has, unless another of its topics still sits under them, and
 * joins its new ancestors'. Only the entries that differ are written, and only the lists
 * that changed are recounted.
 */
export async function refileTopicLists(db: Database, topicIds: readonly string[]): Promise<Refiled> {
  const articles = await publishedArticlesFiledUnder(db, topicIds);
  if (articles.size === 0) return { articleIds: [], listIds: [] };
  const ids = [...articles.keys()];
  const filedUnder = new Map<string, string[]>();
  const listedOn = new Map<string, Set<string>>();
  for (const chunk of rowChunks(ids)) {
    for (const row of await db.selectFrom('article_topics').select(['article_id', 'topic_id']).where('article_id', 'in', chunk).execute()) {
      filedUnder.set(row.article_id, [...(filedUnder.get(row.article_id) ?? []), row.topic_id]);
    }
    const listed = await db.selectFrom('article_listings').select(['article_id', 'list_id']).where('list_kind', '=', 'topic').where('article_id', 'in', chunk).execute();
    for (const row of listed) listedOn.set(row.article_id, (listedOn.get(row.article_id) ?? new Set()).add(row.list_id));
  }
  const lineages = await topicLineages(db, [...new Set([...filedUnder.values()].flat())]);

  const removals: { articleId: string; listId: string }[] = [];
  const additions: { list_kind: 'topic'; list_id: string; article_id: string; published_at: string }[] = [];
  for (const [articleId, publishedAt] of articles) {
    const belongs = new Set((filedUnder.get(articleId) ?? []).flatMap((t) => lineages.get(t) ?? []));
    const listed = listedOn.get(articleId) ?? new Set<string>();
    for (const listId of listed) if (!belongs.has(listId)) removals.push({ articleId, listId });
    for (const listId of belongs) if (!listed.has(listId)) additions.push({ list_kind: 'topic', list_id: listId, article_id: articleId, published_at: publishedAt });
  }
  for (const { articleId, listId } of removals) {
    await db.deleteFrom('article_listings').where('list_kind', '=', 'topic').where('list_id', '=', listId).where('article_id', '=', articleId).execute();
  }
  for (const chunk of rowChunks(additions)) await db.insertInto('article_listings').values(chunk).execute();
  const changedLists = [...new Set([...removals.map((r) => r.listId), ...additions.map((a) => a.list_id)])];
  for (const listId of changedLists) await recountList(db, 'topic', listId);
  const changedArticles = new Set([...removals.map((r) => r.articleId), ...additions.map((a) => a.article_id)]);
  return { articleIds: ids.filter((id) => changedArticles.has(id)), listIds: changedLists };
}

/** Published articles filed under any of these topics, with their publish times. */
async function publishedArticlesFiledUnder(db: Database, topicIds: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const chunk of rowChunks([...new Set(topicIds)])) {
    const rows = await db
      .selectFrom('article_topics as at')
      .innerJoin('articles as a', 'a.id', 'at.article_id')
      .select(['a.id', 'a.published_at'])
      .distinct()
      .where('at.topic_id', 'in', chunk)
      .where('a.status', '=', 'published')
      .execute();
    for (const row of rows) if (row.published_at) found.set(row.id, row.published_at);
  }
  return found;
}

/**
 * Gives every article tagged `fromTagId` the tag `intoTagId` instead (once: an article that
 * had both keeps one), and moves its entries from the one tag's list to the other's, with
 * both sizes recounted. Run in the merge's transaction, before the old tag is deleted.
 */
export async function moveArticlesToTag(db: Database, fromTagId: string, intoTagId: string): Promise<Refiled> {
  const tagged = await db.selectFrom('article_tags').select('article_id').where('tag_id', '=', fromTagId).execute();
  const articleIds = tagged.map((r) => r.article_id);
  await db
    .updateTable('article_tags')
    .set({ tag_id: intoTagId })
    .where('tag_id', '=', fromTagId)
    .where('article_id', 'not in', db.selectFrom('article_tags as other').select('other.article_id').where('other.tag_id', '=', intoTagId))
    .execute();
  await db.deleteFrom('article_tags').where('tag_id', '=', fromTagId).execute();

  const listed = await db.selectFrom('article_listings').select(['article_id', 'published_at']).where('list_kind', '=', 'tag').where('list_id', '=', fromTagId).execute();
  const onInto = new Set(
    (await db.selectFrom('article_listings').select('article_id').where('list_kind', '=', 'tag').where('list_id', '=', intoTagId).execute()).map((r) => r.article_id),
  );
  const joining = listed.filter((r) => !onInto.has(r.article_id)).map((r) => ({ list_kind: 'tag' as const, list_id: intoTagId, article_id: r.article_id, published_at: r.published_at }));
  for (const chunk of rowChunks(joining)) await db.insertInto('article_listings').values(chunk).execute();
  await db.deleteFrom('article_listings').where('list_kind', '=', 'tag').where('list_id', '=', fromTagId).execute();
  await db.deleteFrom('list_counts').where('list_kind', '=', 'tag').where('list_id', '=', fromTagId).execute();
  await recountList(db, 'tag', intoTagId);
  return { articleIds, listIds: joining.length > 0 || listed.length > 0 ? [fromTagId, intoTagId] : [] };
}

/** A deleted topic's or tag's list size, which nothing reads any more. */
export async function forgetListCount(db: Database, kind: 'topic' | 'tag', listId: string): Promise<void> {
  await db.deleteFrom('list_counts').where('list_kind', '=', kind).where('list_id', '=', listId).execute();
}
