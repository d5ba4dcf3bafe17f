import type { Database } from '../db/database.js';
import type { WordSequence } from './parse-query.js';
import type { SearchFilters } from './search-filters.queries.js';

/*
 * The port where the dialects differ: full-text matching, ranking and highlighting. One
 * implementation per dialect; searchArticles does everything else the same way on both.
 */

/** One way a clause matches: every one of these word sequences occurs in the document, each in a row, anywhere. */
export type AllOf = readonly WordSequence[];
/** A clause matches by any of its ways. */
export type MatchClause = readonly AllOf[];

/**
 * What the engines match: every include clause and none of the exclude ones. Nearly every way
 * is one sequence (a word, a phrase, a topic's name); several typed words that name a topic
 * keep, beside the topic's names, the way they match without it: all of them, anywhere.
 */
export interface EngineQuery {
  include: readonly MatchClause[];
  exclude: readonly MatchClause[];
}

/** A parsed clause's sequences as ways of one sequence each. */
export function waysOf(sequences: readonly WordSequence[]): MatchClause {
  return sequences.map((sequence) => [sequence]);
}

export type SearchSort = 'relevance' | 'date';

/** One result as an engine gives it: the marked texts carry MARK_START/MARK_END around matches, unescaped. */
export interface EngineHit {
  articleId: string;
  status: string;
  publishedAt: string | null;
  title: string;
  titleMarked: string;
  dek: string;
  dekMarked: string;
  bodyMarked: string;
  slug: string;
  topicPath: string;
}

export interface SearchEngine {
  /** How many documents match, counting no further than `upTo`. */
  countMatches(db: Database, query: EngineQuery, filters: SearchFilters, upTo: number): Promise<number>;
  /** One page of matches in the order asked for, with highlights. */
  findPage(db: Database, query: EngineQuery, filters: SearchFilters, page: { sort: SearchSort; limit: number; offset: number }): Promise<EngineHit[]>;
}

/** How long a snippet is, in words (both engines count tokens); and how much of a body PostgreSQL highlights. */
export const SNIPPET_WORDS = 30;
export const HEADLINE_PREFIX_CHARS = 20_000;

/** A hit's row as both engines select it. */
export interface HitRow {
  doc_id: number;
  article_id: string;
  status: string;
  published_at: string | null;
  title: string;
  dek: string;
  slug: string;
  topic_path: string;
  title_marked: string | null;
  dek_marked: string | null;
  body_marked: string | null;
}

/** The hits in the order of the page's ids (the highlight query returns them in any order). */
export function inPageOrder(ids: readonly number[], rows: readonly HitRow[]): EngineHit[] {
  const byId = new Map(rows.map((r) => [Number(r.doc_id), r]));
  return ids.flatMap((id) => {
    const r = byId.get(Number(id));
    if (!r) return [];
    return [
      {
        articleId: r.article_id,
        status: r.status,
        publishedAt: r.published_at,
        title: r.title,
        titleMarked: r.title_marked ?? r.title,
        dek: r.dek,
        dekMarked: r.dek_marked ?? r.dek,
        bodyMarked: r.body_marked ?? '',
        slug: r.slug,
        topicPath: r.topic_path,
      },
    ];
  });
}

