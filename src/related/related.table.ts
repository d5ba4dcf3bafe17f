/** Related articles' tables: each article's strongest terms, document counts, and its ranked list. */

export interface ArticleRelatedTable {
  article_id: string;
  rank: number;
  related_id: string;
  score: number;
}

export interface ArticleTermsTable {
  term: string;
  article_id: string;
  weight: number;
}

export interface TermFrequenciesTable {
  term: string;
  document_count: number;
}
