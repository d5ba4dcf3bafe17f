import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleInput, createNewsroom, type Newsroom, publishArticle } from '../../test/factories.js';
import { createTestDb, type TestDb, testDialects } from '../../test/test-db.js';
import { fixedClock } from '../shared/clock.js';
import { EventBus } from '../shared/events.js';
import { countListing } from '../site/pages/article-reads.queries.js';
import { saveNewArticles } from './save-new-articles.js';
import type { DomainEvent } from '../shared/domain-events.js';
import { saveArticle } from './save-article.js';
import { withdrawArticle } from './change-article-status.js';

/** The stored list sizes must always equal a count of the entries they stand for. */
describe.each(testDialects)('list sizes on %s', (dialect) => {
  let t: TestDb;
  let n: Newsroom;
  const clock = fixedClock('2026-11-20T12:00:00Z');
  const deps = () => ({ db: t.db, clock, events: new EventBus<DomainEvent>() });
  beforeAll(async () => {
    t = await createTestDb(dialect);
    n = await createNewsroom(t.db, clock);
  });
  afterAll(() => t.destroy());

  const truth = async (kind: 'topic' | 'tag' | 'author', id: string) =>
    Number((await t.db.selectFrom('article_listings').select((eb) => eb.fn.countAll<number>().as('n')).where('list_kind', '=', kind).where('list_id', '=', id).executeTakeFirstOrThrow()).n);

  it('follows publishing, moving, withdrawing and bulk inserts', async () => {
    const a = await publishArticle(deps(), n, { slug: 'one' });
    await publishArticle(deps(), n, { slug: 'two', tagIds: [n.ports.id] });
    expect(await countListing(t.db, 'topic', n.world.id)).toBe(2);
    expect(await countListing(t.db, 'tag', n.ports.id)).toBe(1);
    const b = await publishArticle(deps(), n, { slug: 'three' });
    // Moved to another topic: off the world's lists, onto the economy's.
    await saveArticle(deps(), articleInput(n, { slug: 'three', primaryTopicId: n.economy.id, topicIds: [n.economy.id] }), { articleId: b.id });
    expect(await countListing(t.db, 'topic', n.economy.id)).toBe(1);
    expect(await countListing(t.db, 'topic', n.world.id)).toBe(2);
    await withdrawArticle(deps(), { id: n.ana.id, role: 'editor' }, a.id);
    await saveNewArticles(
      deps(),
      [1, 2, 3].map((i) => ({
        input: articleInput(n, {
          slug: `bulk-${i}`,
          title: `Bulk ${i}`,
          publishedAt: new Date(Date.UTC(2026, 0, i)),
          primaryTopicId: n.levant.id,
          topicIds: [],
          tagIds: [n.ports.id],
          authorIds: [n.ben.id],
        }),
      })),
    );
    for (const [kind, id] of [['topic', n.world.id], ['topic', n.levant.id], ['topic', n.front.id], ['tag', n.ports.id], ['tag', n.ceasefire.id], ['author', n.ana.id], ['author', n.ben.id]] as const) {
      expect(await countListing(t.db, kind, id), `${kind} ${id}`).toBe(await truth(kind, id));
    }
    expect(await countListing(t.db, 'topic', n.world.id)).toBe(4);
  });
});
