import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleInput, createNewsroom, type Newsroom } from '../../test/factories.js';
import { createTestDb, type TestDb, testDialects } from '../../test/test-db.js';
import { type ArticleInput, saveArticle } from '../content/index.js';
import { fixedClock } from '../shared/clock.js';
import type { DomainEvent } from '../shared/domain-events.js';
import { EventBus } from '../shared/events.js';
import { searchArticles, type SearchOptions } from './search-articles.js';

/*
 * Each hit's marked title and snippet are its own document's, on a page of one as on a page
 * of many. (SQLite's FTS5 dropped a rowid constraint of one bound value: a page of one result
 * showed another match's text, a draft's included.)
 */
describe.each(testDialects)('page highlights on %s', (dialect) => {
  let t: TestDb;
  let n: Newsroom;
  const clock = fixedClock('2026-11-20T12:00:00Z');
  const events = new EventBus<DomainEvent>();
  const search = (q: string, options: Partial<SearchOptions>) => searchArticles({ db: t.db, dialect }, q, { audience: 'public', sort: 'relevance', page: 1, perPage: 10, ...options });
  const save = (overrides: Partial<ArticleInput>) => saveArticle({ db: t.db, clock, events }, articleInput(n, overrides));

  beforeAll(async () => {
    t = await createTestDb(dialect);
    n = await createNewsroom(t.db, clock, events);
    await save({ slug: 'harbour', title: 'The harbour reopens', body: '<p>Dockworkers returned to the crossings.</p>', primaryTopicId: n.economy.id, topicIds: [] });
    await save({ slug: 'secret', title: 'Secret plans', body: '<p>Draft notes about the crossings.</p>', status: 'draft', publishedAt: null });
    for (let i = 1; i <= 3; i++) await save({ slug: `ledger-${i}`, title: `Ledger ${i}`, body: `<p>Ledger ${i} of the crossings.</p>` });
  });
  afterAll(async () => t.destroy());

  it('marks each hit in its own text when the page holds one result and more match', async () => {
    const outcome = await search('crossings', { topicId: n.economy.id });
    // (PostgreSQL's ts_headline leaves out the full stop.)
    expect(outcome.kind === 'results' && outcome.results.map((r) => [r.title, r.titleHtml, r.snippetHtml.replace(/\.$/, '')])).toEqual([
      ['The harbour reopens', 'The harbour reopens', 'Dockworkers returned to the <mark>crossings</mark>'],
    ]);
  });

  it('marks each hit in its own text on every page of one', async () => {
    for (let page = 1; page <= 4; page++) {
      const outcome = await search('crossings', { perPage: 1, page, sort: 'date' });
      if (outcome.kind !== 'results') throw new Error(outcome.kind);
      const [hit] = outcome.results;
      expect(hit!.titleHtml.replace(/<\/?mark>/g, '')).toBe(hit!.title);
      expect(hit!.snippetHtml).not.toContain('Draft notes');
    }
  });
});
