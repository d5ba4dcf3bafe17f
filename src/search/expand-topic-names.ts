import type { Database } from '../db/database.js';
import { aliasKey } from './alias-key.js';
import type { Clause, ParsedQuery, WordSequence } from './parse-query.js';
import { type AllOf, type MatchClause, waysOf } from './search-engine.js';
import { cleanText, foldText, wordsOf } from './search-text.js';
import { findTopicsByNameKeys, type NamedTopic } from './topic-names.queries.js';

/** The most query words read together as one name ("people's mojahedin organization of iran": 6). */
export const NAME_WORDS = 6;
/** The most word sequences one clause may stand for once expanded. */
export const SEQUENCES_PER_CLAUSE = 16;

export interface ExpandedQuery {
  /** per included clause (or run of words that named a topic): the ways any of which matches */
  include: MatchClause[];
  /** every topic a clause named, in query order, each once; several when they share the name */
  matchedTopics: NamedTopic[];
}

/**
 * Reads the query for topic names: a quoted phrase, or a run of up to NAME_WORDS unquoted
 * words, whose key (aliasKey) is a topic's name or alias, matches any of that topic's names
 * instead. A name shared by several topics stands for all their names, unless the search is
 * narrowed to one of them (then that one's). Longest run first, left to right.
 */
export async function expandTopicNames(db: Database, query: ParsedQuery, narrowToTopicId: string | null): Promise<ExpandedQuery> {
  const clauses = query.include;
  const keyOf = (from: number, count: number) => aliasKey(clauses.slice(from, from + count).map((c) => c.text).join(' '));
  const runLengths = (from: number): number[] => {
    if (clauses[from]!.isQuoted) return [1];
    const lengths: number[] = [];
    for (let n = 1; n <= NAME_WORDS && from + n <= clauses.length && !clauses[from + n - 1]!.isQuoted; n++) lengths.push(n);
    return lengths.reverse();
  };
  const keys = clauses.flatMap((_, i) => runLengths(i).map((n) => keyOf(i, n)));
  const topicsByKey = await findTopicsByNameKeys(db, keys.filter((k) => k !== ''));

  const include: MatchClause[] = [];
  const matched = new Map<string, NamedTopic>();
  for (let i = 0; i < clauses.length; ) {
    const n = runLengths(i).find((length) => topicsByKey.has(keyOf(i, length)));
    if (n === undefined) {
      include.push(waysOf(clauses[i]!.anyOf));
      i++;
      continue;
    }
    const topics = topicsByKey.get(keyOf(i, n))!;
    for (const topic of topics) matched.set(topic.id, topic);
    const narrowed = topics.filter((t) => t.id === narrowToTopicId);
    const named = (narrowed.length > 0 ? narrowed : topics).flatMap((t) => [t.name, ...t.aliases].flatMap(sequencesOfName));
    include.push(withoutImpliedWays(distinct([...typedWays(clauses.slice(i, i + n)), ...waysOf(named)])).slice(0, SEQUENCES_PER_CLAUSE));
    i += n;
  }
  return { include, matchedTopics: [...matched.values()] };
}

/**
 * What the reader typed, first, matched as it would be without the topic: one clause as
 * parsed; several words all of them, anywhere ("kaldoran sorin" finds "the sorin, Kaldora's
 * currency" as well as the name written out). A clause with two readings ("M.E.K.": mek, or
 * m e k) gives one way per combination.
 */
function typedWays(run: readonly Clause[]): AllOf[] {
  return run.reduce<AllOf[]>((ways, clause) => ways.flatMap((way) => clause.anyOf.map((sequence) => [...way, sequence])), [[]]);
}

/** A name as the words it is written with, and as its key's words when they differ ("M.E.K." is m e k, and mek). */
function sequencesOfName(name: string): WordSequence[] {
  const words = wordsOf(cleanText(name));
  if (words.length === 0) return [];
  const keyWords = aliasKey(name).split(' ');
  return foldText(words.join(' ')) === keyWords.join(' ') ? [words] : [words, keyWords];
}

function distinct(ways: readonly AllOf[]): AllOf[] {
  const seen = new Set<string>();
  return ways.filter((way) => {
    const key = way.map((s) => s.join(' ')).join(' + ');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Leaves out each way whose every match another way matches too ("Sabriq Harbour Brigades"
 * beside "Harbour Brigades"; "Republic of Kaldora" beside "Kaldora"): the clause matches the
 * same documents, and the engines no longer read the longer name's common words ("sabriq",
 * "of") through the whole index. Ways are compared as stored words, accents kept.
 */
export function withoutImpliedWays(ways: readonly AllOf[]): AllOf[] {
  return ways.filter((way, i) => !ways.some((other, j) => j !== i && implies(way, other) && (j < i || !implies(other, way))));
}

/** Whether a document with every sequence of `way` has every sequence of `other`: each of other's runs of words is inside one of way's. */
function implies(way: AllOf, other: AllOf): boolean {
  return other.every((needle) => way.some((haystack) => containsRun(haystack, needle)));
}

function containsRun(haystack: WordSequence, needle: WordSequence): boolean {
  for (let start = 0; start + needle.length <= haystack.length; start++) {
    if (needle.every((word, k) => haystack[start + k] === word)) return true;
  }
  return false;
}
