import type { Database } from '../db/database.js';
import { isPublic } from './article.js';
import { claimScheduledArticle, dueScheduledArticleIds, findArticleRowById } from './article-writes.queries.js';
import { listMembershipsFor, listMembershipsOf, replaceListings } from './listing.queries.js';
import { indexArticles } from '../search/index.js';
import { articleChanged } from './article-changed.js';
import { articleToIndex } from './article-to-index.js';
import type { ContentDeps } from './content-deps.js';

/** What a write may answer instead of writing: it found nothing to do (no event follows). */
export const UNCHANGED = 'unchanged';

/**
 * Every change to an article goes through here: the write runs in a transaction that also
 * files the article on its lists (or takes it off them) and writes its search index row
 * (readers find it from the commit that publishes it); after commit one `article.changed`
 * event names every list it was or is on. Related articles and the page cache react to it.
 * A write that answers UNCHANGED commits nothing and announces nothing; writeArticle then
 * answers false.
 */
export async function writeArticle(
  deps: ContentDeps,
  articleId: string,
  write: (trx: Database) => Promise<void | typeof UNCHANGED>,
): Promise<boolean> {
  const { db, events } = deps;
  const before = await findArticleRowById(db, articleId);
  const listedBefore = await listMembershipsOf(db, articleId);
  const after = await db.transaction().execute(async (trx) => {
    if ((await write(trx)) === UNCHANGED) return null;
    const row = await findArticleRowById(trx, articleId);
    if (!row) throw new Error(`article ${articleId} vanished inside its own write`);
    const lists = await listMembershipsFor(trx, articleId);
    await replaceListings(trx, articleId, isPublic(row.status) ? row.published_at : null, lists);
    await indexArticles(trx, [articleToIndex(row)]);
    return { row, lists };
  });
  if (!after) return false;
  const was = before ? { slug: before.slug, status: before.status, publishedAt: before.published_at, lists: listedBefore } : null;
  await events.emit(articleChanged(articleId, was, { slug: after.row.slug, status: after.row.status, publishedAt: after.row.published_at, lists: after.lists }));
  return true;
}

/**
 * Publishes scheduled articles whose time has come: a write like any other. Safe to run in
 * every process at once: each article is claimed by one conditional update (still
 * scheduled, still due), and only the writer whose update changed the row files it and
 * announces it, so each is published once, with one event.
 */
export async function publishDueArticles(deps: ContentDeps): Promise<string[]> {
  const nowIso = deps.clock.now().toISOString();
  const due = await dueScheduledArticleIds(deps.db, nowIso);
  const published: string[] = [];
  for (const id of due) {
    const isMine = await writeArticle(deps, id, async (trx) => ((await claimScheduledArticle(trx, id, nowIso)) ? undefined : UNCHANGED));
    if (isMine) published.push(id);
  }
  return published;
}
