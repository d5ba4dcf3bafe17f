/*
 * Which queries the search rows measure, chosen from the site's own words by how many
 * published articles they occur in (the vocabulary's document counts), so the issue's
 * "terms in at most 5% of articles" is a measured fact, not a guess. For each query the
 * exact number of published articles it matches is counted by the engine, past its cap.
 */
import { sql } from 'kysely';
import type { Database, Dialect } from '../../src/db/database.js';
import { countPublishedMatches } from '../../src/search/index.js';

export type SearchQueryKind = 'one word' | 'two words' | 'alias' | 'phrase' | 'common word' | 'common words';

export interface BenchQuery {
  kind: SearchQueryKind;
  query: string;
  /** published articles the query matches (counted by the bench, no cap) */
  matches: number;
  /** matches / published articles */
  share: number;
  /** the share of published articles each word typed occurs in, as the vocabulary counts it; null for a word it does not keep (under 3 letters: "of", "to") */
  wordShares: Record<string, number | null>;
  /**
   * Whether the issue's targets hold for it: each word typed in at most 5% of the articles
   * (an alias: the articles its names match together, which is what the engine searches).
   */
  isWithinTarget: boolean;
}

/** The issue's limit: the targets hold for terms in at most this share of the articles. */
export const TARGET_SHARE = 0.05;

export async function chooseSearchQueries(db: Database, dialect: Dialect): Promise<{ published: number; queries: BenchQuery[] }> {
  const published = Number(
    (await db.selectFrom('search_documents').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'published').executeTakeFirstOrThrow()).n,
  );
  const names = new Set((await db.selectFrom('search_topic_names').select('name_key').execute()).map((r) => r.name_key));
  /** How many published articles have the word; null when the vocabulary does not keep it (too short, or a number). */
  const known = new Map<string, number | null>();
  const dfOf = async (term: string) => {
    if (!known.has(term)) {
      const row = await db.selectFrom('search_terms').select('document_count').where('term', '=', term).executeTakeFirst();
      known.set(term, row ? Number(row.document_count) : null);
    }
    return known.get(term)!;
  };
  const isRareWord = async (term: string) => {
    const df = await dfOf(term);
    return df !== null && df <= published * TARGET_SHARE;
  };
  // Words of five letters or more that name no topic (those would be alias queries).
  const vocabulary = (
    await db
      .selectFrom('search_terms')
      .select(['term', 'document_count'])
      .where(sql<boolean>`length(term) >= 5`)
      .orderBy('document_count', 'desc')
      .orderBy('term')
      .execute()
  ).filter((t) => !names.has(t.term));
  const nearest = (share: number, exclude: Set<string>) =>
    vocabulary
      .filter((t) => t.document_count <= published * share && !exclude.has(t.term))
      .reduce<(typeof vocabulary)[number] | undefined>((best, t) => (!best || t.document_count > best.document_count ? t : best), undefined)?.term;

  const chosen = new Set<string>();
  const pick = (share: number) => {
    const term = nearest(share, chosen);
    if (term) chosen.add(term);
    return term;
  };
  // One word at about 0.2%, 1%, 2.5% and 5% of the articles.
  const words = [0.002, 0.01, 0.025, TARGET_SHARE].map(pick).filter((w): w is string => w !== undefined);
  const texts = await Promise.all(words.slice(1, 3).map(async (w) => (await bodiesWith(db, w, 1))[0] ?? ''));
  const isRare = (w: string) => vocabulary.some((t) => t.term === w && t.document_count <= published * TARGET_SHARE);
  const pairs = words.slice(1, 3).flatMap((word, i) => {
    // Another word of the same article, itself in at most 5%: a pair a reader might type.
    const other = wordsOf(texts[i] ?? '').find((w) => w !== word && w.length >= 5 && !names.has(w) && isRare(w));
    return other ? [[word, other]] : [];
  });
  // Two neighbouring words of an article, each in at most 5% of the articles: from the
  // articles of the 1% and 2.5% words, that word and its neighbour where there is such a pair,
  // else the first such pair in them.
  const phrases: string[][] = [];
  for (const word of words.slice(1, 3)) {
    let found: string[] | undefined;
    let fallback: string[] | undefined;
    for (const all of (await bodiesWith(db, word, 20)).map(wordsOf)) {
      for (let j = 0; j + 1 < all.length && !found; j++) {
        const pair = [all[j]!, all[j + 1]!];
        if (phrases.some((p) => p.join(' ') === pair.join(' ')) || !pair.every((w) => /^\p{L}{3,}$/u.test(w))) continue;
        if (!(pair.includes(word) || !fallback)) continue;
        if (!(await isRareWord(pair[0]!)) || !(await isRareWord(pair[1]!))) continue;
        if (pair.includes(word)) found = pair;
        else fallback = pair;
      }
      if (found) break;
    }
    const phrase = found ?? fallback;
    if (phrase) phrases.push(phrase);
  }
  const aliases = await aliasQueries(db, dialect, published);
  const common = vocabulary.slice(0, 2).map((t) => t.term);

  const queries: { kind: SearchQueryKind; query: string }[] = [
    ...words.map((w) => ({ kind: 'one word' as const, query: w })),
    ...pairs.map((p) => ({ kind: 'two words' as const, query: p.join(' ') })),
    ...aliases.map((alias) => ({ kind: 'alias' as const, query: alias })),
    ...phrases.map((p) => ({ kind: 'phrase' as const, query: `"${p.join(' ')}"` })),
    ...common.map((w) => ({ kind: 'common word' as const, query: w })),
    ...(common.length === 2 ? [{ kind: 'common words' as const, query: common.join(' ') }] : []),
  ];
  const result: BenchQuery[] = [];
  for (const q of queries) {
    const matches = await countPublishedMatches({ db, dialect }, q.query);
    const wordShares: Record<string, number | null> = {};
    for (const word of wordsOf(q.query)) {
      const df = await dfOf(word);
      wordShares[word] = df === null ? null : df / published;
    }
    // A word the vocabulary does not count is taken for a common one.
    const isWithinTarget = q.kind.startsWith('common')
      ? false
      : q.kind === 'alias'
        ? matches <= published * TARGET_SHARE
        : Object.values(wordShares).every((s) => s !== null && s <= TARGET_SHARE);
    result.push({ kind: q.kind, query: q.query, matches, share: matches / published, wordShares, isWithinTarget });
  }
  return { published, queries: result };
}

/**
 * Topic aliases by how many articles they match (the engine expands each to all its topic's
 * names): up to four in at most 5%, spread over that range, then the least and the most
 * common of the others (which the targets are not for: the count is capped there).
 */
async function aliasQueries(db: Database, dialect: Dialect, published: number): Promise<string[]> {
  const topics = await db.selectFrom('topics').select(['name', 'aliases']).where('aliases', '!=', '[]').orderBy('slug').execute();
  const measured: { alias: string; matches: number }[] = [];
  for (const topic of topics) {
    const aliases = JSON.parse(topic.aliases) as string[];
    // The shortest alias stands for its topic: an acronym where there is one, as readers type them.
    const alias = [...aliases].sort((a, b) => a.length - b.length)[0]!;
    measured.push({ alias, matches: await countPublishedMatches({ db, dialect }, alias) });
  }
  measured.sort((a, b) => a.matches - b.matches);
  const within = measured.filter((m) => m.matches > 0 && m.matches <= published * TARGET_SHARE);
  const spread = within.length <= 4 ? within : [0, 1, 2, 3].map((i) => within[Math.round((i * (within.length - 1)) / 3)]!);
  const beyond = measured.filter((m) => m.matches > published * TARGET_SHARE);
  const others = [beyond[0], beyond.at(-1)].filter((m, i, all): m is (typeof measured)[number] => m !== undefined && all.indexOf(m) === i);
  return [...spread, ...others].map((m) => m.alias);
}

async function bodiesWith(db: Database, word: string, limit: number): Promise<string[]> {
  const { rows } = await sql<{ body: string }>`
    select x.body from search_texts x join search_documents d on d.doc_id = x.doc_id
    where d.status = 'published' and lower(x.body) like ${`% ${word} %`} order by d.doc_id limit ${limit}`.execute(db);
  return rows.map((r) => r.body);
}

/** The words of a text as the index reads it: letters and digits (a number between two words keeps them apart), folded. */
function wordsOf(text: string): string[] {
  return text.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').match(/[\p{L}\p{N}]+/gu) ?? [];
}
