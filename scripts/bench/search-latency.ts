/*
 * npx tsx scripts/bench/search-latency.ts --database <sqlite file | postgres URL> [--runs 60]
 * Server-side latency of searchArticles (parse, alias expansion, capped count, one page of
 * 10 with highlights) on a seeded site, in process, for one-word, two-word, alias and
 * phrase queries, p50/p95 per query; the share of published articles each query's words
 * occur in is printed beside it (the issue's targets are for terms in at most 5%).
 * Read only: the site is opened as the server opens it and nothing is written.
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { createDb } from '../../src/db/create-db.js';
import type { Dialect } from '../../src/db/database.js';
import { searchArticles, type SearchOptions } from '../../src/search/index.js';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1]! : fallback;
};
const target = arg('database', '');
if (!target) throw new Error('--database <sqlite file | postgres URL> is required');
const runs = Number(arg('runs', '60'));
const dialect: Dialect = /^postgres(ql)?:\/\//.test(target) ? 'postgres' : 'sqlite';
const handle = createDb(dialect === 'postgres' ? { dialect, url: target } : { dialect, file: target });
const { db } = handle;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

try {
  const published = Number((await db.selectFrom('search_documents').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'published').executeTakeFirstOrThrow()).n);
  const share = async (term: string) =>
    Number((await db.selectFrom('search_terms').select('document_count').where('term', '=', term).executeTakeFirst())?.document_count ?? 0) / published;
  // Words of the vocabulary in 0.5–5% of the articles, spread over that range.
  const rare = await db
    .selectFrom('search_terms')
    .select(['term', 'document_count'])
    .where('document_count', '>=', Math.ceil(published * 0.005))
    .where('document_count', '<=', Math.floor(published * 0.05))
    .where(sql<boolean>`length(term) >= 5`)
    .orderBy('document_count', 'desc')
    .execute();
  const pick = (i: number) => rare[Math.floor((i / 6) * rare.length)]?.term;
  const words = [0, 1, 2, 3, 4, 5].map(pick).filter((w): w is string => Boolean(w));
  const common = (await db.selectFrom('search_terms').select('term').where(sql<boolean>`length(term) >= 5`).orderBy('document_count', 'desc').limit(1).executeTakeFirst())?.term;
  // A phrase that occurs: two neighbouring words of a rare word's article.
  const phraseSource = words[0]
    ? await sql<{ body: string }>`select x.body from search_texts x join search_documents d on d.doc_id = x.doc_id where d.status = 'published' and x.body like ${`% ${words[0]} %`} limit 1`.execute(db)
    : { rows: [] };
  const body = phraseSource.rows[0]?.body ?? '';
  const at = body.indexOf(` ${words[0]} `);
  const phrase = at >= 0 ? body.slice(at + 1).split(/\s+/).slice(0, 2).join(' ').replace(/[^\p{L}\p{N} ]/gu, '') : '';
  const aliases = (await db.selectFrom('topics').select(['aliases']).where('aliases', '!=', '[]').orderBy('path').execute()).flatMap((t) => JSON.parse(t.aliases) as string[]);

  // Two words that occur together: rare words of one article (two such articles).
  const rareSet = new Set(rare.map((r) => r.term));
  const pairs: string[] = [];
  for (const word of words.slice(0, 2)) {
    const { rows } = await sql<{ body: string }>`select x.body from search_texts x join search_documents d on d.doc_id = x.doc_id where d.status = 'published' and x.body like ${`% ${word} %`} limit 1`.execute(db);
    const others = [...new Set((rows[0]?.body.toLowerCase().match(/\p{L}+/gu) ?? []).filter((w) => rareSet.has(w) && w !== word))];
    if (others[0]) pairs.push(`${word} ${others[0]}`);
  }
  const queries: { kind: string; query: string }[] = [
    ...words.slice(0, 4).map((w) => ({ kind: 'one word', query: w })),
    ...pairs.map((query) => ({ kind: 'two words', query })),
    ...aliases.slice(0, 4).map((a) => ({ kind: 'alias', query: a })),
    ...(phrase.includes(' ') ? [{ kind: 'phrase', query: `"${phrase}"` }] : []),
    ...(common ? [{ kind: 'common word', query: common }] : []),
  ];

  console.log(`${dialect}: ${published.toLocaleString('en-US')} published articles; ${runs} runs per query after 5 warm-up runs; page 1 of 10, public`);
  console.log(['kind', 'query', 'words in', 'topics list', 'total', 'sort', 'p50 ms', 'p95 ms', 'max ms'].join('\t'));
  for (const { kind, query } of queries) {
    const shares = await Promise.all(query.replace(/"/g, '').split(/\s+/).map((w) => share(w.toLowerCase())));
    // An alias matches every article of the topics it names (their lists, with subtopics), whatever the words' own share.
    const named = await searchArticles({ db, dialect }, query, { audience: 'public', sort: 'date', page: 1, perPage: 1 });
    const topicIds = named.kind === 'results' ? named.matchedTopics.map((t) => t.id) : [];
    const listed = topicIds.length
      ? Number((await db.selectFrom('list_counts').select((eb) => eb.fn.sum<number>('count').as('n')).where('list_kind', '=', 'topic').where('list_id', 'in', topicIds).executeTakeFirst())?.n ?? 0)
      : 0;
    const topicShare = topicIds.length ? `${((listed / published) * 100).toFixed(1)}%` : '';
    for (const sort of ['relevance', 'date'] as const) {
      const options: SearchOptions = { audience: 'public', sort, page: 1, perPage: 10 };
      let total = '';
      for (let i = 0; i < 5; i++) await searchArticles({ db, dialect }, query, options);
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const started = performance.now();
        const outcome = await searchArticles({ db, dialect }, query, options);
        times.push(performance.now() - started);
        if (outcome.kind === 'results') total = outcome.total.isAtLeast ? `${outcome.total.count}+` : String(outcome.total.count);
      }
      times.sort((a, b) => a - b);
      console.log(
        [kind, query, shares.map((s) => `${(s * 100).toFixed(1)}%`).join(' '), topicShare, total, sort, percentile(times, 50).toFixed(1), percentile(times, 95).toFixed(1), times.at(-1)!.toFixed(1)].join('\t'),
      );
    }
  }
} finally {
  await handle.close();
}
