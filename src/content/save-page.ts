import { z } from 'zod';
import type { Database } from '../db/database.js';
import type { Clock } from '../shared/clock.js';
import { ConflictError, NotFoundError, ValidationError } from '../shared/errors.js';
import type { EventSink } from '../shared/events.js';
import { newId } from '../shared/ids.js';
import { isReservedSegment } from '../shared/reserved-paths.js';
import { parseInput } from '../shared/validate.js';
import { Slug } from '../taxonomy/index.js';
import { prepareBody } from './body-html.js';
import type { DomainEvent } from '../shared/domain-events.js';
import { findPageById, findPageBySlug, insertPage, isTopLevelTopicSlug, updatePageRow } from './page.queries.js';

export const PageInput = z.object({
  slug: Slug,
  title: z.string().trim().min(1).max(300),
  body: z.string().max(500_000),
  status: z.enum(['draft', 'published']).default('published'),
});
export type PageInput = z.input<typeof PageInput>;

/** A standalone page (About, Privacy) at /<slug>/, which it shares with top-level topics. */
export async function createPage(db: Database, clock: Clock, events: EventSink<DomainEvent>, input: PageInput): Promise<string> {
  const data = parseInput(PageInput, input, 'page');
  if (isReservedSegment(data.slug)) throw new ValidationError(`"${data.slug}" is reserved for the site's own pages`, { slug: 'reserved' });
  if ((await findPageBySlug(db, data.slug)) || (await isTopLevelTopicSlug(db, data.slug))) {
    throw new ConflictError(`something already lives at /${data.slug}/`);
  }
  const now = clock.now().toISOString();
  const id = newId();
  await insertPage(db, { id, slug: data.slug, title: data.title, body: prepareBody(data.body).html, status: data.status, created_at: now, updated_at: now });
  await events.emit({ type: 'page.changed', pageId: id, slug: data.slug, isListingChanged: data.status === 'published' });
  return id;
}

/** Edits a page; the footer of every page lists published pages, so a new title, slug or status reaches it. */
export async function updatePage(db: Database, clock: Clock, events: EventSink<DomainEvent>, pageId: string, input: PageInput): Promise<void> {
  const data = parseInput(PageInput, input, 'page');
  const before = await findPageById(db, pageId);
  if (!before) throw new NotFoundError('page', pageId);
  if (data.slug !== before.slug) {
    if (isReservedSegment(data.slug)) throw new ValidationError(`"${data.slug}" is reserved for the site's own pages`, { slug: 'reserved' });
    if ((await findPageBySlug(db, data.slug)) || (await isTopLevelTopicSlug(db, data.slug))) {
      throw new ConflictError(`something already lives at /${data.slug}/`);
    }
  }
  await updatePageRow(db, pageId, { slug: data.slug, title: data.title, body: prepareBody(data.body).html, status: data.status, updated_at: clock.now().toISOString() });
  const isListingChanged = before.slug !== data.slug || before.title !== data.title || before.status !== data.status;
  await events.emit({ type: 'page.changed', pageId, slug: data.slug, isListingChanged });
}
