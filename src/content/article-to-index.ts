import { type ArticleToIndex, BLOCK_SEPARATOR } from '../search/index.js';
import type { NewArticleRow } from './article.table.js';
import { htmlToText } from './body-html.js';

/** What the search index is given of a stored article row, in the transaction that writes it. */
export function articleToIndex(row: Pick<NewArticleRow, 'id' | 'status' | 'published_at' | 'updated_at' | 'title' | 'dek' | 'body'>): ArticleToIndex {
  return {
    id: row.id,
    status: row.status,
    publishedAt: row.published_at ?? null,
    updatedAt: row.updated_at,
    title: row.title,
    dek: row.dek ?? '',
    bodyText: htmlToText(row.body, BLOCK_SEPARATOR),
  };
}
