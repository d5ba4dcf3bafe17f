import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleInput, createNewsroom } from '../../test/factories.js';
import { createTestDb, type TestDb, testDialects } from '../../test/test-db.js';
import { saveArticle } from '../content/index.js';
import { fixedClock } from '../shared/clock.js';
import type { DomainEvent } from '../shared/domain-events.js';
import { EventBus } from '../shared/events.js';
import { searchArticles, searchEngineFor } from './search-articles.js';
import { READER_STATUSES } from './search-filters.queries.js';
import { suggestQuerySpelling } from './suggest-spelling.js';

/** Queries that must never reach an engine as syntax, nor make search throw. */
export const HOSTILE_QUERIES: readonly string[] = [
  // unbalanced quotes
  '"talks', 'talks"', 'a"b"c"d', '"""', '"', '" "',
  // FTS5 syntax
  'talks AND', 'OR OR OR', 'AND', 'NOT', 'NOT talks', 'talks NOT', 'NEAR(talks crossings, 3)', 'NEAR/2', 'title:talks', '{title body}: talks',
  '^talks', 'talks*', '*', '-', '--', '- -', '-"', 'a + b', '(', ')', '((((talks', 'talks))))', '"a" NOT "b"', 'col:', ':', '"talks" *',
  // tsquery syntax
  'talks & crossings', 'talks | crossings', '!talks', '!!', 'talks <-> crossings', 'talks <2> crossings', 'talks:*', 'talks:A', "'talks'", "'", '&', '|', '<->',
  // SQL
  "'; drop table articles; --", '" or 1=1 --', "' or ''='", '\\', '\\"', '%', '_', '%_%', 'talks%', "x'); select pg_sleep(5); --", '/* talks */', '; ;',
  // regex and LIKE metacharacters
  '.*', '[a-z]+', '(?:x)', '$^', '\\d{3}', 'talks|crossings', '(a|b)*c', '[', ']', '{', '}', '?', '+',
  // control, format and private-use characters
  '\u0000', 'talks\u0000crossings', '\u0007bell', '\u001b[31mred', '\u202etalks', 'talks\u200bcrossings', '\r\n\t', '\u0085\u2028\u2029',
  '\ue000', '\ue000talks\ue001', '\ue002<script>', '\uffff', '\ufeff',
  // lone surrogates (what invalid UTF-8 in a URL decodes to at worst) and odd Unicode
  '\ud800', '\udfff talks', 'a\ud83d', '\ud83d\ude42', 'e\u0301', '\u0345', '²', '٣٤', 'ǅ', '東京', 'ﷺ', '𝕥𝕒𝕝𝕜𝕤',
  // long
  'a'.repeat(10_000), 'talks '.repeat(2_000), '"'.repeat(10_000), '-'.repeat(10_000), 'x-'.repeat(5_000), '"a '.repeat(3_000), 'M.'.repeat(5_000),
  '\ud800'.repeat(10_000), '(' .repeat(10_000), 'NEAR('.repeat(2_000),
  // names with punctuation
  'M.E.K.', 'C.B.C.', 'al-Qaeda', "People's", '3.5%', 'user@example.com', 'https://example.com/a?b=c#d', '../../etc/passwd', '<script>alert(1)</script>',
];

describe.each(testDialects)('hostile queries on %s', (dialect) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(dialect);
    const clock = fixedClock('2026-11-20T12:00:00Z');
    const n = await createNewsroom(t.db, clock);
    await saveArticle({ db: t.db, clock, events: new EventBus<DomainEvent>() }, articleInput(n));
  });
  afterAll(async () => t.destroy());

  it(`answers each of ${HOSTILE_QUERIES.length} queries with results or "nothing to search for", never an error`, async () => {
    const failures: string[] = [];
    for (const query of HOSTILE_QUERIES) {
      for (const options of [
        { audience: 'public', sort: 'relevance' },
        { audience: 'staff', sort: 'date' },
      ] as const) {
        try {
          const outcome = await searchArticles({ db: t.db, dialect }, query, { ...options, page: 1, perPage: 10 });
          expect(['results', 'nothing-to-search']).toContain(outcome.kind);
          if (outcome.kind === 'results') for (const r of outcome.results) expect(r.snippetHtml.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
          await suggestQuerySpelling(t.db, query);
        } catch (error) {
          failures.push(`${JSON.stringify(query.slice(0, 40))}: ${(error as Error).message}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('has each engine quote what it is given, even words the parser never passes on', async () => {
    const engine = searchEngineFor(dialect);
    const filters = { statuses: READER_STATUSES, topicIds: null, tagId: null, authorId: null, from: null, to: null };
    for (const word of ['AND', 'OR', 'NOT', 'NEAR', 'a"b', '"', 'x*', 'col:', '^start', '(', "'", '&', '!', '<->', ':*', '\\', '']) {
      const query = { include: [[[[word]]], [[['talks'], [word]], [['talks']]]], exclude: [[[[word]]]] };
      await expect(engine.countMatches(t.db, query, filters, 10), word).resolves.toBeTypeOf('number');
      await expect(engine.findPage(t.db, query, filters, { sort: 'relevance', limit: 10, offset: 0 }), word).resolves.toBeInstanceOf(Array);
    }
  });

  it('still finds what the words of a hostile query name', async () => {
    for (const query of ['talks*', 'NOT talks', '"talks', 'talks & crossings', "'talks'", 'talks\u0000crossings', '\ue000talks\ue001']) {
      const outcome = await searchArticles({ db: t.db, dialect }, query, { audience: 'public', sort: 'relevance', page: 1, perPage: 10 });
      expect(outcome.kind === 'results' && outcome.results.map((r) => r.slug), query).toEqual(query === 'NOT talks' ? [] : ['talks-resume-over-the-northern-crossings']);
    }
  });
});
