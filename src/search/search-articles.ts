import type { Database, Dialect } from '../db/database.js';
import { type ExpandedQuery, expandTopicNames } from './expand-topic-names.js';
import { hasMark, markedToHtml, matchedBlocks } from './marked-html.js';
import { type ParsedQuery, parseQuery } from './parse-query.js';
import { type EngineHit, type EngineQuery, type SearchEngine, type SearchSort, waysOf } from './search-engine.js';
import { READER_STATUSES, type SearchFilters, topicSubtreeIds } from './search-filters.queries.js';
import { postgresSearch } from './postgres-search.queries.js';
import { sqliteSearch } from './sqlite-search.queries.js';
import type { NamedTopic } from './topic-names.queries.js';

export interface SearchDeps {
  db: Database;
  dialect: Dialect;
}

export type SearchAudience = 'public' | 'staff';

export interface SearchOptions {
  /** readers find published articles; staff find every status (see `statuses`) */
  audience: SearchAudience;
  /** staff only: the statuses to search; by default all but the trash (the admin list's "All") */
  statuses?: readonly string[];
  /** this topic or any below it */
  topicId?: string | null;
  tagId?: string | null;
  authorId?: string | null;
  /** published at or after */
  from?: Date | null;
  /** published before */
  to?: Date | null;
  sort: SearchSort;
  /** from 1 */
  page: number;
  perPage: number;
}

/** Counted exactly up to this many; beyond, the count says "1,000+" and later pages are not served. */
export const TOTAL_CAP = 1_000;
export const MAX_PER_PAGE = 50;
export const STAFF_DEFAULT_STATUSES: readonly string[] = ['draft', 'pending', 'scheduled', 'published', 'withdrawn'];

export interface SearchTotal {
  /** exact when isAtLeast is false; TOTAL_CAP when it is true */
  count: number;
  /** more than TOTAL_CAP matched: show "1,000+" */
  isAtLeast: boolean;
}

export interface SearchResult {
  id: string;
  title: string;
  /** the title, escaped, with <mark> around the words that matched */
  titleHtml: string;
  dek: string;
  /** a passage of the body (or the dek, when only it matched), escaped, with <mark> around matches: safe to render as is */
  snippetHtml: string;
  status: string;
  publishedAt: string | null;
  /** the URL is articleUrl(topicPath, slug) */
  slug: string;
  topicPath: string;
}

export type SearchOutcome =
  | {
      kind: 'nothing-to-search';
      /** no word at all (empty, punctuation, operators), or only -exclusions */
      reason: 'no-words' | 'only-exclusions';
      isTruncated: boolean;
    }
  | {
      kind: 'results';
      results: SearchResult[];
      total: SearchTotal;
      /** the topics the query named by a name or alias: the page shows their cards and offers to narrow to one */
      matchedTopics: NamedTopic[];
      page: number;
      perPage: number;
      /** pages that can be asked for (the results past TOTAL_CAP are not) */
      pageCount: number;
      /** part of the query was past the parser's limits and ignored */
      isTruncated: boolean;
    };

export function searchEngineFor(dialect: Dialect): SearchEngine {
  return dialect === 'postgres' ? postgresSearch : sqliteSearch;
}

/**
 * Searches articles: parses the query (never throws on what a reader types), expands topic
 * names and aliases, counts (exactly up to TOTAL_CAP) and fetches one page with highlights.
 */
export async function searchArticles(deps: SearchDeps, rawQuery: string, options: SearchOptions): Promise<SearchOutcome> {
  const parsed = parseQuery(rawQuery);
  if (parsed.kind === 'empty') return { kind: 'nothing-to-search', reason: parsed.reason, isTruncated: parsed.isTruncated };
  const { db } = deps;
  const engine = searchEngineFor(deps.dialect);
  const perPage = clamp(Math.trunc(options.perPage), 1, MAX_PER_PAGE);
  const page = Math.max(1, Math.trunc(options.page) || 1);
  const topicId = options.topicId ?? null;

  const expanded = await expandTopicNames(db, parsed.query, topicId);
  const query = engineQueryOf(parsed.query, expanded);
  const filters: SearchFilters = {
    statuses: options.audience === 'public' ? READER_STATUSES : (options.statuses ?? STAFF_DEFAULT_STATUSES),
    topicIds: topicId ? await topicSubtreeIds(db, topicId) : null,
    tagId: options.tagId ?? null,
    authorId: options.authorId ?? null,
    from: options.from?.toISOString() ?? null,
    to: options.to?.toISOString() ?? null,
  };
  const counted = filters.statuses.length === 0 || filters.topicIds?.length === 0 ? 0 : await engine.countMatches(db, query, filters, TOTAL_CAP + 1);
  const total = { count: Math.min(counted, TOTAL_CAP), isAtLeast: counted > TOTAL_CAP };
  const offset = (page - 1) * perPage;
  const hits = offset < total.count ? await engine.findPage(db, query, filters, { sort: options.sort, limit: Math.min(perPage, TOTAL_CAP - offset), offset }) : [];
  return {
    kind: 'results',
    results: hits.map(resultOf),
    total,
    matchedTopics: expanded.matchedTopics,
    page,
    perPage,
    pageCount: Math.max(1, Math.ceil(total.count / perPage)),
    isTruncated: parsed.query.isTruncated,
  };
}

function resultOf(hit: EngineHit): SearchResult {
  // The body's passage, unless only the dek matched: then the dek, which says what the article is about.
  const snippet = !hasMark(hit.bodyMarked) && hasMark(hit.dekMarked) ? hit.dekMarked : hit.bodyMarked;
  return {
    id: hit.articleId,
    title: hit.title,
    titleHtml: markedToHtml(hit.titleMarked),
    dek: hit.dek,
    snippetHtml: markedToHtml(matchedBlocks(snippet)),
    status: hit.status,
    publishedAt: hit.publishedAt,
    slug: hit.slug,
    topicPath: hit.topicPath,
  };
}

function clamp(value: number, min: number, max: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : min;
}

function engineQueryOf(parsed: ParsedQuery, expanded: ExpandedQuery): EngineQuery {
  return { include: expanded.include, exclude: parsed.exclude.map((c) => waysOf(c.anyOf)) };
}

/**
 * How many published articles a query matches, counted past TOTAL_CAP: the figure the bench
 * prints beside each query's times, matched exactly as readers' searches are.
 */
export async function countPublishedMatches(deps: SearchDeps, rawQuery: string): Promise<number> {
  const parsed = parseQuery(rawQuery);
  if (parsed.kind === 'empty') return 0;
  const expanded = await expandTopicNames(deps.db, parsed.query, null);
  const filters: SearchFilters = { statuses: READER_STATUSES, topicIds: null, tagId: null, authorId: null, from: null, to: null };
  return searchEngineFor(deps.dialect).countMatches(deps.db, engineQueryOf(parsed.query, expanded), filters, Number.MAX_SAFE_INTEGER);
}
