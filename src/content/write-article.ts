import type { Database } from '../db/database.js';
import { isPublic } from './article.js';
import { findArticleRowById, dueScheduledArticleIds, setArticleStatus } from './article-writes.queries.js';
import { listMembershipsFor, listMembershipsOf, replaceListings } from './listing.queries.js';
import { articleChanged } from './article-changed.js';
import type { ContentDeps } from './content-deps.js';

/**
 * Every change to an article goes through here: the write runs in a transaction that also
 * files the article on its lists (or takes it off them); after commit one `article.changed`
 * event names every list it was or is on. Related articles and the page cache react to it.
 */
export async function writeArticle(
  deps: ContentDeps,
  articleId: string,
  write: (trx: Database) => Promise<void>,
): Promise<void> {
  const { db, events } = deps;
  const before = await findArticleRowById(db, articleId);
  const listedBefore = await listMembershipsOf(db, articleId);
  const after = await db.transaction().execute(async (trx) => {
    await write(trx);
    const row = await findArticleRowById(trx, articleId);
    if (!row) throw new Error(`article ${articleId} vanished inside its own write`);
    const lists = await listMembershipsFor(trx, articleId);
    await replaceListings(trx, articleId, isPublic(row.status) ? row.published_at : null, lists);
    return { row, lists };
  });
  const was = before ? { slug: before.slug, status: before.status, publishedAt: before.published_at, lists: listedBefore } : null;
  await events.emit(articleChanged(articleId, was, { slug: after.row.slug, status: after.row.status, publishedAt: after.row.published_at, lists: after.lists }));
}

/** Publishes scheduled articles whose time has come: a write like any other. */
export async function publishDueArticles(deps: ContentDeps): Promise<string[]> {
  const nowIso = deps.clock.now().toISOString();
  const due = await dueScheduledArticleIds(deps.db, nowIso);
  for (const id of due) {
    await writeArticle(deps, id, (trx) => setArticleStatus(trx, id, 'published', nowIso));
  }
  return due;
}

/** Takes an article down: it answers 410 and leaves every list. */
export async function withdrawArticle(deps: ContentDeps, articleId: string): Promise<void> {
  const nowIso = deps.clock.now().toISOString();
  await writeArticle(deps, articleId, (trx) => setArticleStatus(trx, articleId, 'withdrawn', nowIso));
}
