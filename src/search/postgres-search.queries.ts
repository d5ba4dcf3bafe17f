import { type RawBuilder, sql } from 'kysely';
import type { WordSequence } from './parse-query.js';
import { type AllOf, type EngineQuery, HEADLINE_PREFIX_CHARS, type HitRow, type MatchClause, inPageOrder, type SearchEngine, SNIPPET_WORDS } from './search-engine.js';
import { filterCondition, type SearchFilters } from './search-filters.queries.js';
import { LESS_THAN_STAND_IN, MARK_END, MARK_START } from './search-text.js';

/*
 * PostgreSQL full-text search over search_texts.document (weighted tsvector, GIN). The
 * tsquery is composed in SQL from phraseto_tsquery() of bound parameters, joined with the
 * tsquery operators || (or), && (and) and !! (not): no text a reader typed is ever parsed as
 * tsquery syntax. ts_rank weights {D, C, B, A} = body 0.1, tags/authors 0.2, dek/topics 0.4,
 * title 1.0; normalization 1 divides by the log of the document's length, as bm25 damps long ones.
 */
const CONFIG = sql.raw(`'dossier_search'`);
const WEIGHTS = sql.raw(`'{0.1, 0.2, 0.4, 1.0}'`);

function phrase(words: WordSequence): RawBuilder<unknown> {
  return sql`phraseto_tsquery(${CONFIG}, ${words.join(' ')})`;
}

function allOf(way: AllOf): RawBuilder<unknown> {
  return way.length === 1 ? phrase(way[0]!) : sql`(${sql.join(way.map(phrase), sql` && `)})`;
}

function anyOf(clause: MatchClause): RawBuilder<unknown> {
  return sql`(${sql.join(clause.map(allOf), sql` || `)})`;
}

function includedQuery(query: EngineQuery): RawBuilder<unknown> {
  return sql`(${sql.join(query.include.map(anyOf), sql` && `)})`;
}

export function tsquery(query: EngineQuery): RawBuilder<unknown> {
  if (query.exclude.length === 0) return includedQuery(query);
  return sql`(${includedQuery(query)} && !!(${sql.join(query.exclude.map(anyOf), sql` || `)}))`;
}

function matching(query: EngineQuery, filters: SearchFilters): RawBuilder<unknown> {
  return sql`x.document @@ ${tsquery(query)} and ${filterCondition(filters)}`;
}

/** ts_headline of a stored text, "<" hidden from its parser (which drops what looks like a tag: "<script>" is plain text here). */
function headline(text: RawBuilder<unknown>, query: EngineQuery, options: string): RawBuilder<unknown> {
  return sql`ts_headline(${CONFIG}, replace(${text}, '<', ${LESS_THAN_STAND_IN}), ${tsquery(query)}, ${headlineOptions(options)})`;
}

function restoreLessThan(text: string | null): string | null {
  return text === null ? null : text.replaceAll(LESS_THAN_STAND_IN, '<');
}

function headlineOptions(extra: string): string {
  return `StartSel=${MARK_START}, StopSel=${MARK_END}, ${extra}`;
}

export const postgresSearch: SearchEngine = {
  async countMatches(db, query, filters, upTo) {
    const { rows } = await sql<{ n: number }>`
      select count(*) as n from (select 1 from search_texts x join search_documents d on d.doc_id = x.doc_id where ${matching(query, filters)} limit ${upTo}) m`.execute(db);
    return Number(rows[0]?.n ?? 0);
  },

  async findPage(db, query, filters, { sort, limit, offset }) {
    const order =
      sort === 'date'
        ? sql`coalesce(d.published_at, d.updated_at) desc, d.article_id desc`
        : // Ranked on the included words only: given a !! operand, ts_rank scores the excluded words as
          // missing terms and puts every match near zero, shortest first (exclusion-ranking.test.ts).
          sql`ts_rank(${WEIGHTS}, x.document, ${includedQuery(query)}, 1) desc, d.article_id`;
    const page = await sql<{ doc_id: number }>`
      select d.doc_id from search_texts x join search_documents d on d.doc_id = x.doc_id where ${matching(query, filters)}
      order by ${order} limit ${limit} offset ${offset}`.execute(db);
    const ids = page.rows.map((r) => r.doc_id);
    if (ids.length === 0) return [];
    // ts_headline parses the text it marks: only the page's rows, and only a prefix of each body.
    const { rows } = await sql<HitRow>`
      select d.doc_id, d.article_id, d.status, d.published_at, x.title, x.dek, a.slug, t.path as topic_path,
        ${headline(sql`x.title`, query, 'HighlightAll=true')} as title_marked,
        ${headline(sql`x.dek`, query, 'HighlightAll=true')} as dek_marked,
        ${headline(sql`left(x.body, ${HEADLINE_PREFIX_CHARS})`, query, `MaxWords=${SNIPPET_WORDS}, MinWords=${Math.round(SNIPPET_WORDS / 2)}, MaxFragments=2, FragmentDelimiter=" … "`)} as body_marked
      from search_documents d
        join search_texts x on x.doc_id = d.doc_id
        join articles a on a.id = d.article_id
        join topics t on t.id = a.primary_topic_id
      where d.doc_id in (${sql.join(ids)})`.execute(db);
    return inPageOrder(
      ids,
      rows.map((r) => ({ ...r, title_marked: restoreLessThan(r.title_marked), dek_marked: restoreLessThan(r.dek_marked), body_marked: restoreLessThan(r.body_marked) })),
    );
  },
};
