import { type RawBuilder, sql } from 'kysely';
import type { WordSequence } from './parse-query.js';
import { type AllOf, type EngineQuery, type HitRow, type MatchClause, inPageOrder, type SearchEngine, SNIPPET_WORDS } from './search-engine.js';
import { filterCondition, type SearchFilters } from './search-filters.queries.js';
import { MARK_END, MARK_START } from './search-text.js';

/*
 * SQLite FTS5 over search_texts (external content). The MATCH expression is built from
 * words only, each sequence in double quotes (an FTS5 string: never an operator, a column
 * filter or a prefix), so nothing a reader types is read as FTS5 syntax. Relevance is the
 * table's rank, bm25 with the migration's column weights (title 10; dek, topics 4; tags,
 * authors 2; body 1): ordered by rank alone, FTS5 hands the rows over in rank order from its
 * own sorter and the join stops at the page's end; a second sort key would make SQLite read
 * and sort every match instead.
 */
const BODY_COLUMN = 5;

function quoted(words: WordSequence): string {
  return `"${words.join(' ').replace(/"/g, '""')}"`;
}

function allOf(way: AllOf): string {
  return way.length === 1 ? quoted(way[0]!) : `(${way.map(quoted).join(' AND ')})`;
}

function anyOf(clause: MatchClause): string {
  return `(${clause.map(allOf).join(' OR ')})`;
}

export function matchExpression(query: EngineQuery): string {
  const included = query.include.map(anyOf).join(' AND ');
  if (query.exclude.length === 0) return included;
  return `(${included}) NOT (${query.exclude.map(anyOf).join(' OR ')})`;
}

function matching(query: EngineQuery, filters: SearchFilters): RawBuilder<unknown> {
  return sql`search_fts match ${matchExpression(query)} and ${filterCondition(filters)}`;
}

/**
 * The page's document ids written into the statement as integer literals, not bound. With
 * MATCH, SQLite 3.53's FTS5 ignores a rowid constraint of one bound value (`rowid = ?`, which
 * is what `in (?)` becomes) and returns every match, joined as if each were that row: a page
 * of one result then showed another document's marked title and snippet, drafts' included.
 * Literals (and lists of two or more bound values) are applied. The ids are the engine's own
 * integers, checked here, never a reader's text.
 */
function pageIds(ids: readonly number[]): RawBuilder<unknown> {
  return sql.join(
    ids.map((id) => {
      const n = Number(id);
      if (!Number.isSafeInteger(n)) throw new Error(`not a document id: ${String(id)}`);
      return sql.lit(n);
    }),
  );
}

export const sqliteSearch: SearchEngine = {
  async countMatches(db, query, filters, upTo) {
    const { rows } = await sql<{ n: number }>`
      select count(*) as n from (
        select 1 from search_fts join search_documents d on d.doc_id = search_fts.rowid
        where ${matching(query, filters)} limit ${upTo}
      )`.execute(db);
    return Number(rows[0]?.n ?? 0);
  },

  async findPage(db, query, filters, { sort, limit, offset }) {
    const order = sort === 'date' ? sql`coalesce(d.published_at, d.updated_at) desc, d.article_id desc` : sql`search_fts.rank`;
    const page = await sql<{ doc_id: number }>`
      select d.doc_id from search_fts join search_documents d on d.doc_id = search_fts.rowid
      where ${matching(query, filters)}
      order by ${order} limit ${limit} offset ${offset}`.execute(db);
    const ids = page.rows.map((r) => r.doc_id);
    if (ids.length === 0) return [];
    // Highlights for the page's rows only: snippet() reads and tokenizes the text it marks.
    const { rows } = await sql<HitRow>`
      select d.doc_id, d.article_id, d.status, d.published_at, x.title, x.dek, a.slug, t.path as topic_path,
        highlight(search_fts, 0, ${MARK_START}, ${MARK_END}) as title_marked,
        highlight(search_fts, 1, ${MARK_START}, ${MARK_END}) as dek_marked,
        snippet(search_fts, ${BODY_COLUMN}, ${MARK_START}, ${MARK_END}, '…', ${SNIPPET_WORDS}) as body_marked
      from search_fts
        join search_documents d on d.doc_id = search_fts.rowid
        join search_texts x on x.doc_id = search_fts.rowid
        join articles a on a.id = d.article_id
        join topics t on t.id = a.primary_topic_id
      where search_fts match ${matchExpression(query)} and search_fts.rowid in (${pageIds(ids)})`.execute(db);
    return inPageOrder(ids, rows);
  },
};
