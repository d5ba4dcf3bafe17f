import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveArticle } from '../content/index.js';
import { localInvalidator } from '../http/cache/cache-invalidator.js';
import { articleTag, LATEST_TAG } from '../http/cache/cache-tags.js';
import { PageCache } from '../http/cache/page-cache.js';
import { wireCacheInvalidation } from '../http/cache/wire-invalidation.js';
import { fixedClock } from '../shared/clock.js';
import type { DomainEvent } from '../shared/domain-events.js';
import { EventBus } from '../shared/events.js';
import { articleInput, createNewsroom, type Newsroom } from '../../test/factories.js';
import { createTestDb, type TestDb, testDialects } from '../../test/test-db.js';
import { refreshRelatedOnArticleChange } from './refresh-on-article-change.js';
import { relatedArticleIds } from './related.queries.js';

/*
 * Related articles are post-commit work: when their refresh fails (here: its table is
 * renamed away, as a broken disk or a dropped connection would), the article's write
 * stands, the page cache still hears of it, the failure is reported, and one retry later
 * brings the lists up to date.
 */
describe.each(testDialects)('related articles after a write, on %s', (dialect) => {
  let t: TestDb;
  let n: Newsroom;
  let events: EventBus<DomainEvent>;
  let cache: PageCache;
  let failures: { articleId: string; willRetry: boolean }[];
  const clock = fixedClock('2026-11-20T12:00:00Z');
  const deps = () => ({ db: t.db, clock, events });

  beforeEach(async () => {
    t = await createTestDb(dialect);
    events = new EventBus<DomainEvent>();
    cache = new PageCache(1024 * 1024);
    failures = [];
    wireCacheInvalidation(events, localInvalidator(cache));
    events.subscribe(
      refreshRelatedOnArticleChange({
        db: t.db,
        events,
        retryDelayMs: 50,
        onFailure: (_error, articleId, willRetry) => failures.push({ articleId, willRetry }),
      }),
    );
    n = await createNewsroom(t.db, clock, events);
  });
  afterEach(() => t.destroy());

  it('refreshes the lists of the article and its neighbours and announces the ones that changed', async () => {
    const announced: string[][] = [];
    events.subscribe((e) => {
      if (e.type === 'related.changed') announced.push(e.articleIds);
    });
    const first = await saveArticle(deps(), articleInput(n, { slug: 'first' }));
    const second = await saveArticle(deps(), articleInput(n, { slug: 'second', title: 'Talks resume again over the crossings' }));
    expect(await relatedArticleIds(t.db, first.id)).toEqual([second.id]);
    expect(await relatedArticleIds(t.db, second.id)).toEqual([first.id]);
    expect(announced.at(-1)?.sort()).toEqual([first.id, second.id].sort());
  });

  it('keeps the write and the invalidation when the refresh fails, and retries once', async () => {
    const first = await saveArticle(deps(), articleInput(n, { slug: 'first' }));
    await cache.set('/', { contentType: 'text/html', body: 'home', lastModified: new Date(0), tags: [LATEST_TAG, articleTag(first.id)] }, cache.begin());
    await sql`alter table article_terms rename to article_terms_away`.execute(t.db);

    const second = await saveArticle(deps(), articleInput(n, { slug: 'second', title: 'Talks resume again over the crossings' }));
    expect(second.status).toBe('published');
    expect(cache.get('/'), 'the page cache heard of the publish').toBeUndefined();
    expect(failures).toEqual([{ articleId: second.id, willRetry: true }]);
    expect(await relatedArticleIds(t.db, first.id)).toEqual([]);

    await sql`alter table article_terms_away rename to article_terms`.execute(t.db);
    await expect.poll(() => relatedArticleIds(t.db, first.id), { timeout: 5000 }).toEqual([second.id]);
    expect(failures).toHaveLength(1);
  });

  it('reports a retry that fails too, leaving the lists to the next rebuild', async () => {
    await sql`alter table article_terms rename to article_terms_away`.execute(t.db);
    const saved = await saveArticle(deps(), articleInput(n, { slug: 'only' }));
    await expect.poll(() => failures.length, { timeout: 5000 }).toBe(2);
    expect(failures).toEqual([
      { articleId: saved.id, willRetry: true },
      { articleId: saved.id, willRetry: false },
    ]);
    await sql`alter table article_terms_away rename to article_terms`.execute(t.db);
  });
});
