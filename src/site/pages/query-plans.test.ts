import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listApprovedComments } from '../../comments/comment.queries.js';
import { findTopicByPath, listChildTopics } from '../../taxonomy/taxonomy.queries.js';
import { createNewsroom, type Newsroom, publishArticle } from '../../../test/factories.js';
import { type PlanRules, unindexedPlans } from '../../../test/query-plans.js';
import { createTestDb, type TestDb, testDialects } from '../../../test/test-db.js';
import { fixedClock } from '../../shared/clock.js';
import { EventBus } from '../../shared/events.js';
import type { Database } from '../../db/database.js';
import {
  countListing,
  findArticleById,
  countPublished,
  countPublishedBetween,
  findLeadStory,
  firstPublishTimeFrom,
  lastPublishTimeBefore,
  listFromListing,
  listLatestPublished,
  listPublishedBetween,
  listSitemapRows,
} from './article-reads.queries.js';
import { bylinesOf, namesOfArticle, relatedSummaryRows } from './article-page.queries.js';
import { resolvePublicPath } from './resolve-public-path.js';

/*
 * Every query behind a reader's page must be answered through an index (test/query-plans.ts
 * says how each dialect's plan is read); ordered lists must not sort, and a lookup by key
 * must not walk the index of every published article.
 */
describe.each(testDialects)('query plans on %s', (dialect) => {
  let t: TestDb;
  let n: Newsroom;
  let articleId = '';
  beforeAll(async () => {
    t = await createTestDb(dialect);
    const clock = fixedClock('2026-11-20T12:00:00Z');
    n = await createNewsroom(t.db, clock);
    const deps = { db: t.db, clock, events: new EventBus<never>() };
    for (let i = 0; i < 6; i++) {
      const saved = await publishArticle(deps, n, { slug: `article-${i}`, title: `Report ${i} on the crossings`, publishedAt: new Date(Date.UTC(2026, 9, i + 1)) });
      articleId = saved.id;
    }
  });
  afterAll(() => t.destroy());

  const window = { limit: 12, offset: 0 };
  const cases: [string, (db: Database) => Promise<unknown>, PlanRules][] = [
    ['latest published (home, site feed)', (db) => listLatestPublished(db, window), { ordered: true }],
    ['lead story', (db) => findLeadStory(db), { ordered: true }],
    ['count published', (db) => countPublished(db), { ordered: false }],
    ['a topic list page', (db) => listFromListing(db, 'topic', n.world.id, window), { ordered: true }],
    ['a topic list count', (db) => countListing(db, 'topic', n.world.id), { ordered: false }],
    ['a month of the archive', (db) => listPublishedBetween(db, '2026-10-01', '2026-11-01', window), { ordered: true }],
    ['a month count', (db) => countPublishedBetween(db, '2026-10-01', '2026-11-01'), { ordered: false }],
    ['next month', (db) => firstPublishTimeFrom(db, '2026-10-01'), { ordered: true }],
    ['previous month', (db) => lastPublishTimeBefore(db, '2026-10-01'), { ordered: true }],
    ['a sitemap chunk', (db) => listSitemapRows(db, { limit: 50_000, offset: 0 }), { ordered: true }],
    ['what a path is (redirect, topic, page, article)', (db) => resolvePublicPath(db, ['world', 'levant', 'northern-front', 'article-1']), { ordered: false }],
    ['an article by id', (db) => findArticleById(db, articleId), { ordered: false, lookup: true }],
    ['the names an article shows', (db) => namesOfArticle(db, articleId, ['world', 'world/levant', 'world/levant/northern-front']), { ordered: false }],
    ['related cards', (db) => relatedSummaryRows(db, articleId), { ordered: false }],
    ['bylines of cards', (db) => bylinesOf(db, [articleId]), { ordered: false }],
    ['a comment thread', (db) => listApprovedComments(db, articleId), { ordered: false }],
    ['a topic by path', (db) => findTopicByPath(db, 'world/levant'), { ordered: false }],
    ['subtopics', (db) => listChildTopics(db, n.world.id), { ordered: false }],
  ];

  it.each(cases)('%s uses an index', async (_name, run, rules) => {
    expect(await unindexedPlans(t, run, rules)).toEqual([]);
  });
});
