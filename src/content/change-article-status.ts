import type { Actor } from '../accounts/index.js';
import { ConflictError, NotFoundError } from '../shared/errors.js';
import type { ArticleRow } from './article.table.js';
import { assertCanEditArticle, assertCanPublishArticle } from './article-permissions.js';
import {
  deleteTrashedArticle,
  findArticleRowById,
  moveToTrash,
  insertRevisionOfStored,
  restoreFromTrash,
  setArticleStatus,
  setPublication,
  trashedBefore,
} from './article-writes.queries.js';
import { findAuthorIds } from './article-versions.queries.js';
import type { ContentDeps } from './content-deps.js';
import { newId } from '../shared/ids.js';
import { writeArticle } from './write-article.js';

/** How long an article stays in the trash before the scheduler deletes it for good. */
export const TRASH_DAYS = 30;

async function articleWithAuthors(deps: ContentDeps, articleId: string): Promise<{ row: ArticleRow; authorIds: string[] }> {
  const row = await findArticleRowById(deps.db, articleId);
  if (!row) throw new NotFoundError('article', articleId);
  return { row, authorIds: await findAuthorIds(deps.db, articleId) };
}

/**
 * Publishes an article as it is stored (the list's bulk action; the form publishes with
 * saveArticleAs): at its publish time, or now; a time still to come schedules it.
 */
export async function publishArticle(deps: ContentDeps, actor: Actor, articleId: string): Promise<'published' | 'scheduled'> {
  const { row, authorIds } = await articleWithAuthors(deps, articleId);
  assertCanPublishArticle(actor, { authorIds });
  if (!['draft', 'pending', 'withdrawn'].includes(row.status)) throw new ConflictError(`This article is ${row.status === 'trashed' ? 'in the trash' : `already ${row.status}`}.`);
  const nowIso = deps.clock.now().toISOString();
  const at = row.published_at ?? nowIso;
  const status = at > nowIso ? 'scheduled' : 'published';
  await writeArticle(deps, articleId, async (trx) => {
    await setPublication(trx, articleId, status, at, actor.id, nowIso);
    await insertRevisionOfStored(trx, { id: newId(), articleId, userId: actor.id, nowIso, action: 'publish' });
  });
  return status;
}

/** Back to draft: the public URL answers 404 until it is published again; the lists drop it. */
export async function unpublishArticle(deps: ContentDeps, actor: Actor, articleId: string): Promise<void> {
  const { row, authorIds } = await articleWithAuthors(deps, articleId);
  assertCanPublishArticle(actor, { authorIds });
  if (row.status !== 'published' && row.status !== 'scheduled') throw new ConflictError('Only a published or scheduled article can be unpublished.');
  await writeArticle(deps, articleId, (trx) => setArticleStatus(trx, articleId, 'draft', actor.id, deps.clock.now().toISOString()));
}

/** Takes a published article down: its URL answers 410 with a notice, and it leaves every list. */
export async function withdrawArticle(deps: ContentDeps, actor: Actor, articleId: string): Promise<void> {
  const { row, authorIds } = await articleWithAuthors(deps, articleId);
  assertCanPublishArticle(actor, { authorIds });
  if (row.status !== 'published') throw new ConflictError('Only a published article can be withdrawn.');
  await writeArticle(deps, articleId, (trx) => setArticleStatus(trx, articleId, 'withdrawn', actor.id, deps.clock.now().toISOString()));
}

/**
 * To the trash: gone from the site and from the admin's lists but the Trash, for TRASH_DAYS;
 * restorable as it was. Trashing a live article takes it down, so it needs publishing rights.
 */
export async function trashArticle(deps: ContentDeps, actor: Actor, articleId: string): Promise<void> {
  const { row, authorIds } = await articleWithAuthors(deps, articleId);
  if (row.status === 'trashed') throw new ConflictError('This article is already in the trash.');
  // Editing a live article already takes publishing rights (canEditArticle).
  assertCanEditArticle(actor, { status: row.status, authorIds });
  await writeArticle(deps, articleId, (trx) => moveToTrash(trx, articleId, deps.clock.now().toISOString()));
}

/** Out of the trash, in the status it had: a published article is back on the site at once. */
export async function restoreArticleFromTrash(deps: ContentDeps, actor: Actor, articleId: string): Promise<void> {
  const { row, authorIds } = await articleWithAuthors(deps, articleId);
  if (row.status !== 'trashed') throw new ConflictError('This article is not in the trash.');
  const restored = row.status_before_trash ?? 'draft';
  // Judged as the article it becomes again: a live one takes publishing rights (canEditArticle).
  assertCanEditArticle(actor, { status: restored, authorIds });
  await writeArticle(deps, articleId, (trx) => restoreFromTrash(trx, articleId, deps.clock.now().toISOString()));
}

/** Deletes for good what has been in the trash for TRASH_DAYS (the scheduler runs it). Nothing public changes. */
export async function purgeTrashedArticles(deps: ContentDeps): Promise<string[]> {
  const cutoff = new Date(deps.clock.now().getTime() - TRASH_DAYS * 24 * 3600_000).toISOString();
  const purged: string[] = [];
  for (const id of await trashedBefore(deps.db, cutoff)) {
    if (await deleteTrashedArticle(deps.db, id)) purged.push(id);
  }
  return purged;
}
