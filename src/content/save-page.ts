import { z } from 'zod';
import type { Database } from '../db/database.js';
import type { Clock } from '../shared/clock.js';
import { ConflictError, ValidationError } from '../shared/errors.js';
import type { EventSink } from '../shared/events.js';
import { newId } from '../shared/ids.js';
import { isReservedSegment } from '../shared/reserved-paths.js';
import { parseInput } from '../shared/validate.js';
import { Slug } from '../taxonomy/index.js';
import { prepareBody } from './body-html.js';
import type { ContentEvent } from '../shared/domain-events.js';
import { findPageBySlug, insertPage, isTopLevelTopicSlug } from './page.queries.js';

export const PageInput = z.object({
  slug: Slug,
  title: z.string().trim().min(1).max(300),
  body: z.string().max(500_000),
  status: z.enum(['draft', 'published']).default('published'),
});
export type PageInput = z.input<typeof PageInput>;

/** A standalone page (About, Privacy) at /<slug>/, which it shares with top-level topics. */
export async function createPage(db: Database, clock: Clock, events: EventSink<ContentEvent>, input: PageInput): Promise<string> {
  const data = parseInput(PageInput, input, 'page');
  if (isReservedSegment(data.slug)) throw new ValidationError(`"${data.slug}" is reserved for the site's own pages`, { slug: 'reserved' });
  if ((await findPageBySlug(db, data.slug)) || (await isTopLevelTopicSlug(db, data.slug))) {
    throw new ConflictError(`something already lives at /${data.slug}/`);
  }
  const now = clock.now().toISOString();
  const id = newId();
  await insertPage(db, { id, slug: data.slug, title: data.title, body: prepareBody(data.body).html, status: data.status, created_at: now, updated_at: now });
  events.emit({ type: 'page.changed', pageId: id, slug: data.slug });
  return id;
}
