import { z } from 'zod';
import { type Actor, assertCan } from '../accounts/index.js';
import type { Database } from '../db/database.js';
import { recordMovedPaths } from '../redirects/index.js';
import { NotFoundError, ValidationError } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { isReservedSegment } from '../shared/reserved-paths.js';
import { parseInput } from '../shared/validate.js';
import type { WriteDeps } from '../shared/write-deps.js';
import { Slug } from '../taxonomy/index.js';
import { prepareBody } from './body-html.js';
import { deletePageRow, findPageById, findPageBySlug, insertPage, isRedirectedPagePath, isTopLevelTopicSlug, takenTopLevelSlugs, updatePageRow } from './page.queries.js';

export const PAGE_STATUSES = ['draft', 'published'] as const;

export const PageInput = z.object({
  slug: Slug,
  title: z.string().trim().min(1, 'a title is required').max(300, 'a title has at most 300 characters'),
  body: z.string().max(500_000, 'the body is too long (500,000 characters at most)'),
  status: z.enum(PAGE_STATUSES, { message: 'draft or published' }).default('published'),
});
export type PageInput = z.input<typeof PageInput>;

/** A standalone page (About, Privacy) at /<slug>/, which it shares with top-level topics. */
export async function createPage(deps: WriteDeps, actor: Actor, input: PageInput): Promise<string> {
  assertCan(actor, 'manage_pages', 'create pages');
  const { db, clock, events } = deps;
  const data = parseInput(PageInput, input, 'page');
  await assertSlugFree(db, data.slug, null);
  if (await isRedirectedPagePath(db, data.slug)) {
    const message = `a redirect answers for /${data.slug}/ and would hide this page: delete it under Redirects first, or choose another slug`;
    throw new ValidationError(message, { slug: message });
  }
  const now = clock.now().toISOString();
  const id = newId();
  await insertPage(db, { id, slug: data.slug, title: data.title, body: prepareBody(data.body).html, status: data.status, created_at: now, updated_at: now });
  await events.emit({ type: 'page.changed', pageId: id, slug: data.slug, isListingChanged: data.status === 'published' });
  return id;
}

/**
 * Edits a page; the footer of every page lists published pages, so a new title, slug or
 * status reaches it. A published page whose slug changes leaves a 301 at its old URL.
 */
export async function updatePage(deps: WriteDeps, actor: Actor, pageId: string, input: PageInput): Promise<void> {
  assertCan(actor, 'manage_pages', 'edit pages');
  const { db, clock, events } = deps;
  const data = parseInput(PageInput, input, 'page');
  const before = await findPageById(db, pageId);
  if (!before) throw new NotFoundError('page', pageId);
  if (data.slug !== before.slug) await assertSlugFree(db, data.slug, pageId);
  const now = clock.now().toISOString();
  await db.transaction().execute(async (trx) => {
    await updatePageRow(trx, pageId, { slug: data.slug, title: data.title, body: prepareBody(data.body).html, status: data.status, updated_at: now });
    if (data.slug !== before.slug && before.status === 'published') {
      await recordMovedPaths(trx, [{ fromPath: `/${before.slug}/`, toPath: `/${data.slug}/` }], now);
    }
  });
  const isListingChanged = before.slug !== data.slug || before.title !== data.title || before.status !== data.status;
  await events.emit({ type: 'page.changed', pageId, slug: data.slug, isListingChanged });
  if (before.slug !== data.slug) await events.emit({ type: 'redirect.changed', fromPath: `/${before.slug}/` });
}

/** Deletes a page: its URL answers 404 from now on (add a redirect to send readers elsewhere). */
export async function deletePage(deps: WriteDeps, actor: Actor, pageId: string): Promise<void> {
  assertCan(actor, 'manage_pages', 'delete pages');
  const before = await findPageById(deps.db, pageId);
  if (!before) throw new NotFoundError('page', pageId);
  await deletePageRow(deps.db, pageId);
  await deps.events.emit({ type: 'page.changed', pageId, slug: before.slug, isListingChanged: before.status === 'published' });
}

/** A page's slug may not be reserved, nor taken by a top-level topic or another page; a free one is suggested. */
async function assertSlugFree(db: Database, slug: string, pageId: string | null): Promise<void> {
  const other = await findPageBySlug(db, slug);
  const problem = isReservedSegment(slug)
    ? `"${slug}" is reserved for the site's own pages`
    : other && other.id !== pageId
      ? `another page, "${other.title}", lives at /${slug}/`
      : (await isTopLevelTopicSlug(db, slug))
        ? `the topic at /${slug}/ lives there`
        : null;
  if (!problem) return;
  const suggestion = await suggestPageSlug(db, slug);
  const message = suggestion ? `${problem}; try "${suggestion}"` : problem;
  throw new ValidationError(message, { slug: message });
}

async function suggestPageSlug(db: Database, slug: string): Promise<string | null> {
  const base = slug.replace(/-\d+$/, '');
  const options = [...(isReservedSegment(base) ? [`${base}-page`] : []), ...Array.from({ length: 20 }, (_, i) => `${base}-${i + 2}`)].filter((s) => s !== slug && !isReservedSegment(s));
  const taken = await takenTopLevelSlugs(db, options);
  return options.find((s) => !taken.has(s)) ?? null;
}
