/*
 * The reads of the search page and the header's suggestions that the search engine does not
 * make: the filters' choices, topics to browse, and prefix matches for as-you-type. Part of
 * the read model (site/ may read across features' tables), reading the search feature's
 * topic-name keys and vocabulary as they are documented in docs/search.md.
 */
import { sql } from 'kysely';
import type { Database } from '../../db/database.js';

export interface Choice {
  id: string;
  name: string;
}

/** Tags that have a published article, by name: the tag filter's choices. */
export async function listTagChoices(db: Database): Promise<Choice[]> {
  return db
    .selectFrom('tags')
    .innerJoin('list_counts', (join) => join.onRef('list_counts.list_id', '=', 'tags.id').on('list_counts.list_kind', '=', 'tag'))
    .select(['tags.id', 'tags.name'])
    .where('list_counts.count', '>', 0)
    .orderBy('tags.name')
    .execute();
}

/** People with a published article, by name: the author filter's choices. */
export async function listAuthorChoices(db: Database): Promise<Choice[]> {
  return db
    .selectFrom('users')
    .innerJoin('list_counts', (join) => join.onRef('list_counts.list_id', '=', 'users.id').on('list_counts.list_kind', '=', 'author'))
    .select(['users.id', 'users.name'])
    .where('list_counts.count', '>', 0)
    .orderBy('users.name')
    .execute();
}

/**
 * The topics with the most published articles, below the top level (whose sections the
 * navigation already shows): what an empty or fruitless search offers to browse.
 */
export async function listBusiestTopics(db: Database, limit: number): Promise<{ id: string; name: string; path: string }[]> {
  return db
    .selectFrom('topics')
    .innerJoin('list_counts', (join) => join.onRef('list_counts.list_id', '=', 'topics.id').on('list_counts.list_kind', '=', 'topic'))
    .select(['topics.id', 'topics.name', 'topics.path'])
    .where('topics.depth', '>', 0)
    .where('list_counts.count', '>', 0)
    .orderBy('list_counts.count', 'desc')
    .orderBy('topics.name')
    .limit(limit)
    .execute();
}

export interface NamedTopicRow {
  id: string;
  name: string;
  path: string;
  /** JSON list */
  aliases: string;
  /** the name or alias key that matched */
  name_key: string;
}

/**
 * Topics with a name or alias whose key (aliasKey) is `key`, starts with it, or has a word
 * that starts with it. Keys are few (one per name and alias) and short, so a scan is cheap.
 */
export async function findTopicsByKeyPrefix(db: Database, key: string, limit: number): Promise<NamedTopicRow[]> {
  const like = key.replace(/[\\%_]/g, (c) => `\\${c}`);
  return db
    .selectFrom('search_topic_names as n')
    .innerJoin('topics as t', 't.id', 'n.topic_id')
    .select(['t.id', 't.name', 't.path', 't.aliases', 'n.name_key'])
    .where((eb) => eb.or([sql<boolean>`n.name_key like ${`${like}%`} escape '\\'`, sql<boolean>`n.name_key like ${`% ${like}%`} escape '\\'`]))
    .orderBy('n.name_key')
    .limit(limit)
    .execute();
}

/** How many of the newest published articles the header box's title suggestions look through. */
export const SUGGESTION_WINDOW = 5_000;

/**
 * Published articles, newest first, whose title has a word beginning with each of `prefixes`
 * (lower case), among the newest SUGGESTION_WINDOW: what the header box offers while a word is
 * still being typed, which the engine (whole words) cannot match. The window bounds the scan,
 * however rare the prefix: on the 100,000-article site it costs a few milliseconds where the
 * whole table would cost a quarter of a second. Older articles are one Enter away.
 */
export async function findRecentTitlesWithWordsStarting(db: Database, prefixes: readonly string[], limit: number): Promise<{ title: string; slug: string; path: string; published_at: string }[]> {
  const recent = db
    .selectFrom('articles')
    .innerJoin('topics', 'topics.id', 'articles.primary_topic_id')
    .select(['articles.title', 'articles.slug', 'topics.path', 'articles.published_at'])
    .where('articles.status', '=', 'published')
    .orderBy('articles.published_at', 'desc')
    .limit(SUGGESTION_WINDOW)
    .as('recent');
  let query = db.selectFrom(recent).select(['recent.title', 'recent.slug', 'recent.path', 'recent.published_at']);
  for (const prefix of prefixes) {
    const like = prefix.replace(/[\\%_]/g, (c) => `\\${c}`);
    query = query.where((eb) =>
      eb.or([sql<boolean>`lower(recent.title) like ${`${like}%`} escape '\\'`, sql<boolean>`lower(recent.title) like ${`% ${like}%`} escape '\\'`]),
    );
  }
  const rows = await query.orderBy('recent.published_at', 'desc').limit(limit).execute();
  return rows.map((r) => ({ ...r, published_at: r.published_at! }));
}

/**
 * Whether any word of the published articles begins with `prefix` (folded: lower case, no
 * accents; 3 letters or more, as the vocabulary keeps them): a range scan of the primary key.
 * A typed word that begins no word at all begins no title either, so the title scan is spared.
 */
export async function isWordStart(db: Database, prefix: string): Promise<boolean> {
  const letters = Array.from(prefix);
  const last = letters.pop()!;
  const upper = letters.join('') + String.fromCodePoint(last.codePointAt(0)! + 1);
  const row = await db.selectFrom('search_terms').select('term').where('term', '>=', prefix).where('term', '<', upper).limit(1).executeTakeFirst();
  return row !== undefined;
}
