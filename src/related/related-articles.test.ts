import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, testDialects, type TestDb } from '../../test/test-db.js';
import type { Database } from '../db/database.js';
import { rebuildAllRelated } from './rebuild-all-related.js';
import { refreshRelatedArticles } from './refresh-related-articles.js';
import { RELATED_LIST_SIZE } from './related-method.js';
import {
  CLEAR_PICKS,
  FIXTURE_ARTICLES,
  FOLLOW_UP,
  fixtureArticlesInPublicationOrder,
  insertFixtureArticle,
  insertFixtureTaxonomy,
} from '../../test/related-fixtures.js';
import { articlesListing, relatedArticleIds } from './related.queries.js';

const PUBLISHED_IDS = FIXTURE_ARTICLES.filter((a) => a.status === 'published').map((a) => a.id);
const UNPUBLISHED_IDS = FIXTURE_ARTICLES.filter((a) => a.status !== 'published').map((a) => a.id);

/*
 * The use cases on both dialects, over the fixture corpus of related-fixtures.ts.
 * One database per dialect for the whole file, emptied before each test: the test kit's
 * PostgreSQL migrator goes wrong when another test schema already exists (it finds that
 * schema's migration lock table and skips creating its own), so this file opens only one.
 */

const INDEX_TABLES = ['article_related', 'article_terms', 'term_frequencies', 'article_tags', 'article_topics', 'articles', 'tags'] as const;

async function emptyDatabase(db: Database): Promise<void> {
  for (const table of INDEX_TABLES) await db.deleteFrom(table).execute();
  // Children before parents: topics.parent_id restricts deletes.
  for (let depth = 5; depth >= 0; depth--) await db.deleteFrom('topics').where('depth', '=', depth).execute();
}

/** The corpus inserted and published one article at a time, as editors would. */
async function publishCorpus(db: Database): Promise<void> {
  await emptyDatabase(db);
  await insertFixtureTaxonomy(db);
  for (const article of fixtureArticlesInPublicationOrder()) {
    await insertFixtureArticle(db, article);
    await refreshRelatedArticles(db, article.id);
  }
}

async function allLists(db: Database): Promise<Map<string, string[]>> {
  const lists = new Map<string, string[]>();
  for (const id of [...PUBLISHED_IDS, ...UNPUBLISHED_IDS]) lists.set(id, await relatedArticleIds(db, id));
  return lists;
}

describe.each(testDialects)('related articles on %s', (dialect) => {
  let testDb: TestDb;
  beforeAll(async () => {
    testDb = await createTestDb(dialect);
  });
  afterAll(async () => testDb?.destroy());
  async function corpusDb(): Promise<Database> {
    await publishCorpus(testDb.db);
    return testDb.db;
  }

  it('ranks first the article a reader would clearly pick', async () => {
    const db = await corpusDb();
    for (const [articleId, expected] of CLEAR_PICKS) {
      expect({ articleId, first: (await relatedArticleIds(db, articleId))[0] }).toEqual({ articleId, first: expected });
    }
  });

  it('never lists the article itself, a draft or a withdrawn article, and never more than six', async () => {
    const db = await corpusDb();
    const lists = await allLists(db);
    for (const [id, list] of lists) {
      expect(list).not.toContain(id);
      for (const unpublished of UNPUBLISHED_IDS) expect(list).not.toContain(unpublished);
      expect(new Set(list).size).toBe(list.length);
      expect(list.length).toBeLessThanOrEqual(RELATED_LIST_SIZE);
    }
    for (const id of UNPUBLISHED_IDS) expect(lists.get(id)).toEqual([]);
    for (const id of PUBLISHED_IDS) expect(lists.get(id)!.length).toBeGreaterThanOrEqual(2);
  });

  it('keeps the same story together before other stories of the same topic', async () => {
    const db = await corpusDb();
    const walkout = await relatedArticleIds(db, 'tyre-walkout');
    // Same topic, other story (ruins) and sibling topic, same tag (Sidon) come after the strike's end.
    expect(walkout.indexOf('tyre-strike-ends')).toBeLessThan(walkout.indexOf('sidon-fishermen'));
    expect(walkout).toContain('sidon-fishermen');
  });

  it('takes a withdrawn article out of every list and names the lists that changed', async () => {
    const db = await corpusDb();
    const listers = await articlesListing(db, 'tyre-strike-ends');
    expect(listers).toContain('tyre-walkout');

    await db.updateTable('articles').set({ status: 'withdrawn' }).where('id', '=', 'tyre-strike-ends').execute();
    const { changedArticleIds } = await refreshRelatedArticles(db, 'tyre-strike-ends');

    for (const lister of listers) expect(changedArticleIds).toContain(lister);
    expect(changedArticleIds).toContain('tyre-strike-ends'); // its own list is now empty
    for (const [, list] of await allLists(db)) expect(list).not.toContain('tyre-strike-ends');
    expect(await relatedArticleIds(db, 'tyre-strike-ends')).toEqual([]);
    const terms = await db.selectFrom('article_terms').select('term').where('article_id', '=', 'tyre-strike-ends').execute();
    expect(terms).toEqual([]);
    // The lists that lost it were refilled, not left short.
    expect((await relatedArticleIds(db, 'tyre-walkout')).length).toBeGreaterThanOrEqual(2);
  });

  it('makes a newly published follow-up appear first in its closest older article', async () => {
    const db = await corpusDb();
    expect(await relatedArticleIds(db, 'space-budget-cuts')).not.toContain(FOLLOW_UP.id);

    await insertFixtureArticle(db, FOLLOW_UP);
    const { changedArticleIds } = await refreshRelatedArticles(db, FOLLOW_UP.id);

    expect((await relatedArticleIds(db, 'space-budget-cuts'))[0]).toBe(FOLLOW_UP.id);
    expect((await relatedArticleIds(db, FOLLOW_UP.id))[0]).toBe('space-budget-cuts');
    expect(changedArticleIds).toContain('space-budget-cuts');
    expect(changedArticleIds).toContain(FOLLOW_UP.id);
    for (const id of changedArticleIds) {
      if (id !== FOLLOW_UP.id) expect(await relatedArticleIds(db, id)).toContain(FOLLOW_UP.id);
    }
  });

  it('changes nothing when an unchanged article is refreshed twice, or a draft is saved', async () => {
    const db = await corpusDb();
    // The first refresh may re-weigh it against a corpus that grew since it was published.
    await refreshRelatedArticles(db, 'aire-floods');
    const before = await allLists(db);
    expect(await refreshRelatedArticles(db, 'aire-floods')).toEqual({ changedArticleIds: [] });
    expect(await refreshRelatedArticles(db, 'tyre-vote-draft')).toEqual({ changedArticleIds: [] });
    expect(await refreshRelatedArticles(db, 'no-such-article')).toEqual({ changedArticleIds: [] });
    expect(await allLists(db)).toEqual(before);
  });

  it('keeps document counts in step: published, edited, then withdrawn', async () => {
    const db = await corpusDb();
    const count = async (term: string) =>
      (await db.selectFrom('term_frequencies').select('document_count').where('term', '=', term).executeTakeFirst())?.document_count;
    expect(await count('kirkstal')).toBe(2); // "Kirkstall", stemmed, in two flood stories
    expect(await count('telescop')).toBe(2); // the withdrawn piece never counted

    // An edit that drops a stored term takes it out of the counts.
    await db
      .updateTable('articles')
      .set({ title: 'River Aire bursts its banks', body: '<p>The river Aire flooded homes overnight.</p>' })
      .where('id', '=', 'aire-floods')
      .execute();
    await refreshRelatedArticles(db, 'aire-floods');
    expect(await count('kirkstal')).toBe(1);

    await db.updateTable('articles').set({ status: 'draft' }).where('id', '=', 'kirkstall-cleanup').execute();
    await refreshRelatedArticles(db, 'kirkstall-cleanup');
    expect(await count('kirkstal')).toBeUndefined();
  });

  it('rebuilds every list in bulk with the same clear picks and the same exclusions', async () => {
    const db = await corpusDb();
    await db.deleteFrom('article_related').execute();
    const summary = await rebuildAllRelated(db, { batchSize: 4 }); // several pages of every read
    expect(summary.articleCount).toBe(PUBLISHED_IDS.length);
    for (const [articleId, expected] of CLEAR_PICKS) expect((await relatedArticleIds(db, articleId))[0]).toBe(expected);
    for (const [id, list] of await allLists(db)) {
      expect(list).not.toContain(id);
      for (const unpublished of UNPUBLISHED_IDS) expect(list).not.toContain(unpublished);
    }
    const rows = await db.selectFrom('article_related').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(rows.n)).toBe(summary.relatedRowCount);
  });

  it('counts documents the same way one publish at a time and in bulk', async () => {
    const db = await corpusDb();
    const incremental = await db.selectFrom('term_frequencies').selectAll().orderBy('term').execute();
    await rebuildAllRelated(db);
    const bulk = await db.selectFrom('term_frequencies').selectAll().orderBy('term').execute();
    expect(bulk).toEqual(incremental);
  });

  it('agrees with the incremental path: after a rebuild, refreshing any article changes nothing', async () => {
    const db = await corpusDb();
    await rebuildAllRelated(db, { batchSize: 5 });
    const rebuilt = await allLists(db);
    const terms = () => db.selectFrom('article_terms').selectAll().orderBy('term').orderBy('article_id').execute();
    const rebuiltTerms = await terms();
    for (const id of PUBLISHED_IDS) expect({ id, ...(await refreshRelatedArticles(db, id)) }).toEqual({ id, changedArticleIds: [] });
    expect(await allLists(db)).toEqual(rebuilt);
    expect(await terms()).toEqual(rebuiltTerms); // the same weights, to the bit
  });

  it('drops the terms and lists of articles unpublished behind its back', async () => {
    const db = await corpusDb();
    // Taken down without a refresh: the bulk rebuild must still forget it.
    await db.updateTable('articles').set({ status: 'draft' }).where('id', '=', 'kirkstall-cleanup').execute();
    await rebuildAllRelated(db);
    expect(await relatedArticleIds(db, 'kirkstall-cleanup')).toEqual([]);
    expect(await articlesListing(db, 'kirkstall-cleanup')).toEqual([]);
    const terms = await db.selectFrom('article_terms').select('term').where('article_id', '=', 'kirkstall-cleanup').execute();
    expect(terms).toEqual([]);
  });
});
