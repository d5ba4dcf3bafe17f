import { CompiledQuery, type KyselyPlugin, type RootOperationNode } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listApprovedComments } from '../../comments/comment.queries.js';
import { findTopicByPath, listChildTopics } from '../../taxonomy/taxonomy.queries.js';
import { createNewsroom, type Newsroom, publishArticle } from '../../../test/factories.js';
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

/** Records the operation tree of every query run through it, so the test can EXPLAIN it. */
class CapturePlugin implements KyselyPlugin {
  nodes: RootOperationNode[] = [];
  transformQuery({ node }: { node: RootOperationNode }) {
    this.nodes.push(node);
    return node;
  }
  async transformResult({ result }: { result: any }) {
    return result;
  }
}

/*
 * Every query behind a reader's page must be answered through an index. On SQLite a plan
 * line "SCAN <table>" without an index is a full scan; ordered lists must not sort in a
 * temporary B-tree. On PostgreSQL the planner is told sequential scans cost too much, and
 * must still find a plan without one.
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
  const cases: [string, (db: Database) => Promise<unknown>, { ordered: boolean; lookup?: boolean }][] = [
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

  it.each(cases)('%s uses an index', async (_name, run, { ordered, lookup }) => {
    const capture = new CapturePlugin();
    await run(t.db.withPlugin(capture));
    expect(capture.nodes.length).toBeGreaterThan(0);
    for (const node of capture.nodes) {
      const compiled = t.db.getExecutor().compileQuery(node, { queryId: 'plan' });
      const plan = await explain(t, compiled.sql, compiled.parameters);
      if (dialect === 'sqlite') {
        expect(plan.filter((l) => /^SCAN \w+$/.test(l.trim())), `${compiled.sql}\n${plan.join('\n')}`).toEqual([]);
        if (ordered) expect(plan.join('\n'), compiled.sql).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/);
        // A lookup by key must not walk a low-selectivity index (every published article).
        if (lookup) expect(plan.join('\n'), compiled.sql).not.toMatch(/\(status=\?\)/);
      } else {
        expect(plan.join('\n'), compiled.sql).not.toMatch(/Seq Scan/);
      }
    }
  });
});

async function explain(t: TestDb, query: string, parameters: readonly unknown[]): Promise<string[]> {
  if (t.dialect === 'sqlite') {
    const result = await t.db.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${query}`, [...parameters]));
    return result.rows.map((r) => r.detail);
  }
  return t.db.connection().execute(async (conn) => {
    await conn.executeQuery(CompiledQuery.raw('set enable_seqscan = off'));
    const result = await conn.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`explain ${query}`, [...parameters]));
    await conn.executeQuery(CompiledQuery.raw('reset enable_seqscan'));
    return result.rows.map((r) => r['QUERY PLAN']);
  });
}
