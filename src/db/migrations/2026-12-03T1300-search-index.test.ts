import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { articleInput, createNewsroom } from '../../../test/factories.js';
import { createTestDb, type TestDb, testDialects } from '../../../test/test-db.js';
import { saveArticle } from '../../content/index.js';
import { searchArticles } from '../../search/index.js';
import { fixedClock } from '../../shared/clock.js';
import type { DomainEvent } from '../../shared/domain-events.js';
import { EventBus } from '../../shared/events.js';
import * as searchIndex from './2026-12-03T1300-search-index.js';

describe.each(testDialects)('the search index migration on %s', (dialect) => {
  const dbs: TestDb[] = [];
  afterAll(async () => Promise.all(dbs.map((d) => d.destroy())));

  it('fills the index, topic names and vocabulary for the articles a site already has', async () => {
    const t = await createTestDb(dialect);
    dbs.push(t);
    const clock = fixedClock('2026-11-20T12:00:00Z');
    const n = await createNewsroom(t.db, clock);
    const deps = { db: t.db, clock, events: new EventBus<DomainEvent>() };
    await saveArticle(deps, articleInput(n, { slug: 'old', title: 'An older story', body: '<h2>Quays</h2><p>Harbourmasters &amp; pilots.</p>' }));
    await saveArticle(deps, articleInput(n, { slug: 'old-draft', title: 'An older draft', status: 'draft', publishedAt: null }));
    // As if the site predated the index: take it away, then migrate.
    await searchIndex.down(t.db);
    await (dialect === 'postgres' ? t.db.transaction().execute((trx) => searchIndex.up(trx)) : searchIndex.up(t.db));

    const search = (q: string, audience: 'public' | 'staff' = 'public') => searchArticles({ db: t.db, dialect }, q, { audience, sort: 'relevance', page: 1, perPage: 10 });
    const slugs = async (q: string, audience?: 'public' | 'staff') => {
      const outcome = await search(q, audience);
      return outcome.kind === 'results' ? outcome.results.map((r) => r.slug).sort() : [];
    };
    expect(await slugs('harbourmasters')).toEqual(['old']);
    expect(await slugs('quays')).toEqual(['old']); // the heading is a word of its own, not "quaysharbourmasters"
    expect(await slugs('nlf')).toEqual(['old']); // by the topic's alias
    expect(await slugs('ferreira')).toEqual(['old']); // by the author
    expect(await slugs('older', 'staff')).toEqual(['old', 'old-draft']);
    expect(await slugs('older')).toEqual(['old']);
    const terms = await t.db.selectFrom('search_terms').select(['term', 'document_count']).where('term', 'in', ['harbourmasters', 'draft']).execute();
    expect(terms).toEqual([{ term: 'harbourmasters', document_count: 1 }]);
    if (dialect === 'sqlite') await sql`insert into search_fts (search_fts) values ('integrity-check')`.execute(t.db);
  });

  it('folds accents on PostgreSQL when unaccent can be had', async () => {
    if (dialect !== 'postgres') return;
    const t = await createTestDb(dialect);
    dbs.push(t);
    const { rows } = await sql<{ v: string }>`select to_tsvector('dossier_search', 'Mojahedín Ünïcode')::text as v`.execute(t.db);
    expect(rows[0]!.v).toBe("'mojahedin':1 'unicode':2");
  });
});
