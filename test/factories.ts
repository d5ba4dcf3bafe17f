import { createUser, SYSTEM_ACTOR } from '../src/accounts/index.js';
import { type ArticleInput, type ContentDeps, saveArticle } from '../src/content/index.js';
import type { Database } from '../src/db/database.js';
import type { Clock } from '../src/shared/clock.js';
import type { DomainEvent } from '../src/shared/domain-events.js';
import { EventBus, type EventSink } from '../src/shared/events.js';
import { createTag, createTopic } from '../src/taxonomy/index.js';

/** A small newsroom: a three-level topic tree, two authors, two tags. */
export async function createNewsroom(db: Database, clock: Clock, events: EventSink<DomainEvent> = new EventBus<DomainEvent>()) {
  const deps = { db, clock, events };
  const world = await createTopic(deps, SYSTEM_ACTOR, { slug: 'world', name: 'World', kind: 'place', description: 'Reporting from every region.' });
  const levant = await createTopic(deps, SYSTEM_ACTOR, {
    slug: 'levant',
    name: 'Levant',
    kind: 'place',
    parentId: world.id,
    aliases: ['The Levant'],
  });
  const front = await createTopic(deps, SYSTEM_ACTOR, {
    slug: 'northern-front',
    name: 'Northern Front',
    kind: 'organization',
    parentId: levant.id,
    description: 'An armed coalition active in the north.',
    aliases: ['NLF', 'NLA', 'ANL', 'The Northern Front'],
  });
  const economy = await createTopic(deps, SYSTEM_ACTOR, { slug: 'economy', name: 'Economy', kind: 'theme' });
  const ana = await createUser(deps, { email: 'ana@example.org', name: 'Ana Ferreira', role: 'editor', password: 'correct horse battery', bio: 'Covers the region.' });
  const ben = await createUser(deps, { email: 'ben@example.org', name: 'Ben Okafor', role: 'author', password: 'correct horse battery' });
  const ports = await createTag(deps, SYSTEM_ACTOR, { slug: 'ports', name: 'Ports' });
  const ceasefire = await createTag(deps, SYSTEM_ACTOR, { slug: 'ceasefire', name: 'Ceasefire' });
  return { world, levant, front, economy, ana, ben, ports, ceasefire };
}

export type Newsroom = Awaited<ReturnType<typeof createNewsroom>>;

export function articleInput(newsroom: Newsroom, overrides: Partial<ArticleInput> = {}): ArticleInput {
  return {
    title: 'Talks resume over the northern crossings',
    dek: 'Negotiators return to the table after a month of silence.',
    body: '<p>Negotiators met again on Monday to discuss the crossings that link the northern towns.</p><h2>What is on the table</h2><p>Customs, patrols and the schedule of convoys.</p>',
    status: 'published',
    publishedAt: new Date('2026-11-10T09:00:00Z'),
    primaryTopicId: newsroom.front.id,
    topicIds: [newsroom.front.id],
    tagIds: [newsroom.ceasefire.id],
    authorIds: [newsroom.ana.id],
    ...overrides,
  };
}

export async function publishArticle(deps: ContentDeps, newsroom: Newsroom, overrides: Partial<ArticleInput> = {}) {
  return saveArticle(deps, articleInput(newsroom, overrides));
}
