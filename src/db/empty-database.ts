import type { Database, Tables } from './database.js';

// Children before parents, so foreign keys hold at every statement.
const TABLES: readonly (keyof Tables)[] = [
  'search_texts', 'search_documents', 'search_topic_names', 'search_term_trigrams', 'search_terms',
  'article_related', 'article_terms', 'term_frequencies', 'article_listings', 'list_counts', 'article_revisions',
  'article_authors', 'article_topics', 'article_tags', 'comments', 'comment_blocks', 'spam_tokens', 'articles', 'pages', 'redirects', 'topics', 'tags',
  'sessions', 'rate_counters', 'users', 'media', 'settings',
];

/**
 * Deletes every row of every table, in one transaction: for a database that holds nothing
 * but a demo cut short. The schema's owner is the only code that writes every table.
 */
export async function emptyDatabase(db: Database): Promise<void> {
  await db.transaction().execute(async (trx) => {
    // SQLite checks a RESTRICT key row by row: the topic tree is cut before its rows go.
    await trx.updateTable('topics').set({ parent_id: null }).execute();
    for (const table of TABLES) await trx.deleteFrom(table).execute();
  });
}
