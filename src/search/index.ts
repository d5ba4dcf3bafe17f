/*
 * Search (issue 8): the public surface. docs/search.md describes the design; the engines
 * (SQLite FTS5, PostgreSQL tsvector) sit behind search-engine.ts.
 */
export {
  countPublishedMatches,
  MAX_PER_PAGE,
  type SearchAudience,
  type SearchDeps,
  type SearchOptions,
  type SearchOutcome,
  type SearchResult,
  type SearchTotal,
  STAFF_DEFAULT_STATUSES,
  searchArticles,
  TOTAL_CAP,
} from './search-articles.js';
export type { SearchSort } from './search-engine.js';
export type { NamedTopic } from './topic-names.queries.js';
export { suggestQuerySpelling, suggestSpelling, type QuerySuggestion } from './suggest-spelling.js';
export { aliasKey } from './alias-key.js';
export { BLOCK_SEPARATOR } from './search-text.js';
export { parseQuery, QUERY_LIMITS, type ParsedQuery, type QueryParse } from './parse-query.js';

// The index writes, for the writers of articles, topics, tags and authors, inside their transactions.
export { type ArticleToIndex, indexArticles, reindexArticleNames, reindexArticlesNaming, reindexTopic } from './index-articles.js';
export { indexTopicNames } from './topic-names.queries.js';
