import type { Generated } from 'kysely';

/*
 * The search feature's tables (migration 2026-12-03T1300-search-index). Besides these, each
 * dialect has its index: SQLite the FTS5 table search_fts over search_texts, kept by
 * triggers; PostgreSQL the generated tsvector column search_texts.document with a GIN
 * index. Neither is written by the app: writing search_texts keeps them in step.
 */

/** One narrow row per article, of every status: what the filters and the date sort read. */
export interface SearchDocumentsTable {
  doc_id: Generated<number>;
  article_id: string;
  status: string;
  published_at: string | null;
  updated_at: string;
}

/** The text searched, as plain text, one row per search_documents row. */
export interface SearchTextsTable {
  doc_id: number;
  title: string;
  dek: string;
  /** names and aliases of the topics it is filed under */
  topics: string;
  tags: string;
  /** its authors' names */
  authors: string;
  body: string;
}

/** Every name and alias of every topic, under its aliasKey. */
export interface SearchTopicNamesTable {
  name_key: string;
  topic_id: string;
}

/** The words of the published articles, with how many of them use each. */
export interface SearchTermsTable {
  term: string;
  document_count: number;
}

/** The trigrams of each vocabulary term, to find the terms that look like a misspelled word. */
export interface SearchTermTrigramsTable {
  trigram: string;
  term: string;
}
