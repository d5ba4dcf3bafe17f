import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleInput, createNewsroom, type Newsroom } from '../../test/factories.js';
import { createTestDb, type TestDb, testDialects } from '../../test/test-db.js';
import { saveArticle } from '../content/index.js';
import { fixedClock } from '../shared/clock.js';
import type { DomainEvent } from '../shared/domain-events.js';
import { EventBus } from '../shared/events.js';
import { searchArticles } from './index.js';

/*
 * An -exclusion only removes articles: those it keeps are ranked as they were without it.
 * (PostgreSQL's ts_rank, given the whole tsquery, scores the negated words as missing terms
 * and ranks every match near zero, shortest first; found by the judged set's "strike -campaign".)
 */
describe.each(testDialects)('ranking with an exclusion on %s', (dialect) => {
  let t: TestDb;
  let n: Newsroom;
  const clock = fixedClock('2026-11-20T12:00:00Z');
  const events = new EventBus<DomainEvent>();
  const paragraphs = (text: string, times: number) => Array.from({ length: times }, () => `<p>${text}</p>`).join('');

  beforeAll(async () => {
    t = await createTestDb(dialect);
    n = await createNewsroom(t.db, clock, events);
    const save = (slug: string, title: string, body: string) => saveArticle({ db: t.db, clock, events }, articleInput(n, { slug, title, dek: '', body }));
    // The strongest match is the longest: a rank that ignored the words would put it last.
    await save('strike-itself', 'The dock strike enters its sixth month', paragraphs('The strike has closed the quays, and the strike fund is running low.', 12));
    await save('in-passing', 'Notes from the waterfront', '<p>Ferries ran on time; a strike was mentioned.</p>');
    await save('campaign', 'The strike and the campaign', '<p>The strike is now a campaign issue.</p>');
  });
  afterAll(async () => t?.destroy());

  const slugsOf = async (query: string) => {
    const outcome = await searchArticles({ db: t.db, dialect }, query, { audience: 'public', sort: 'relevance', page: 1, perPage: 10 });
    if (outcome.kind !== 'results') throw new Error(outcome.kind);
    return outcome.results.map((r) => r.slug);
  };

  it('keeps the order of the articles it does not exclude', async () => {
    const all = await slugsOf('strike');
    // A title match above a passing mention in the body, as a search without the exclusion ranks them.
    expect(all.indexOf('strike-itself')).toBeLessThan(all.indexOf('in-passing'));
    expect(await slugsOf('strike -campaign')).toEqual(all.filter((slug) => slug !== 'campaign'));
    expect(await slugsOf('strike -"campaign issue"')).toEqual(all.filter((slug) => slug !== 'campaign'));
  });
});
