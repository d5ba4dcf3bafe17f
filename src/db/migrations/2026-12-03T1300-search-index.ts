import { type Kysely, PostgresAdapter, sql } from 'kysely';

/*
 * The search index (issue 8), frozen on 2026-12-03.
 *
 * search_documents: one narrow row per article of every status (readers' searches filter on
 * status, staff searches do not) with its dates: what the filters and the date sort read,
 * without touching the text. search_texts: the text that is searched, as plain text:
 * title, dek, the names and aliases of its topics, its tags, its authors' names, body.
 * - SQLite: an FTS5 table over search_texts (external content, so the text is stored once),
 *   kept in step by triggers; its rank is bm25 with the weights set below, so a relevance
 *   page is read in rank order from FTS5's own sorter and stops at the page's end.
 * - PostgreSQL: a weighted tsvector column computed from the text (title A; dek and topics B;
 *   tags and authors C; body D) with a GIN index, in the `dossier_search` configuration:
 *   `simple` with `unaccent` in front when the extension can be had (see searchConfiguration).
 *   ASCII punctuation becomes spaces before parsing, so "M.E.K.", "al-Qaeda" or "3.5" are
 *   words as SQLite's unicode61 tokenizer sees them, not PostgreSQL's hosts, files or
 *   hyphenated compounds.
 * search_topic_names: every topic name and alias under its normalized key (see aliasKey
 * below), for expanding a query that names a topic.
 * search_terms and search_term_trigrams: the vocabulary of the published articles with
 * document counts, and the trigrams that find a misspelled word's neighbours.
 *
 * The fill below uses frozen copies of the app's text rules (a migration never imports app
 * code); the app's own rules replace each row the next time its article is written.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  if (isPostgres) await createPostgresIndex(db);
  else await createSqliteIndex(db);
  await createSideTables(db);
  await fillDocuments(db);
  await fillTopicNames(db);
  await fillVocabulary(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema.dropTable('search_term_trigrams').ifExists().execute();
  await db.schema.dropTable('search_terms').ifExists().execute();
  await db.schema.dropTable('search_topic_names').ifExists().execute();
  if (!isPostgres) await sql`drop table if exists search_fts`.execute(db);
  await db.schema.dropTable('search_texts').ifExists().execute();
  await db.schema.dropTable('search_documents').ifExists().execute();
  if (isPostgres) await sql`drop text search configuration if exists dossier_search`.execute(db);
}

async function createSqliteIndex(db: Kysely<any>): Promise<void> {
  await createDocuments(db, sql`doc_id integer primary key`);
  await sql`
    create table search_texts (
      doc_id integer primary key references search_documents(doc_id) on delete cascade,
      title text not null,
      dek text not null,
      topics text not null,
      tags text not null,
      authors text not null,
      body text not null
    )`.execute(db);
  await sql`
    create virtual table search_fts using fts5(
      title, dek, topics, tags, authors, body,
      content = 'search_texts', content_rowid = 'doc_id',
      tokenize = 'unicode61 remove_diacritics 2'
    )`.execute(db);
  // Column weights, in order: title 10; dek 4, topics 4; tags 2, authors 2; body 1.
  await sql`insert into search_fts (search_fts, rank) values ('rank', 'bm25(10.0, 4.0, 4.0, 2.0, 2.0, 1.0)')`.execute(db);
  // The external-content triggers of the FTS5 manual.
  await sql`
    create trigger search_texts_ai after insert on search_texts begin
      insert into search_fts (rowid, title, dek, topics, tags, authors, body)
      values (new.doc_id, new.title, new.dek, new.topics, new.tags, new.authors, new.body);
    end`.execute(db);
  await sql`
    create trigger search_texts_ad after delete on search_texts begin
      insert into search_fts (search_fts, rowid, title, dek, topics, tags, authors, body)
      values ('delete', old.doc_id, old.title, old.dek, old.topics, old.tags, old.authors, old.body);
    end`.execute(db);
  await sql`
    create trigger search_texts_au after update on search_texts begin
      insert into search_fts (search_fts, rowid, title, dek, topics, tags, authors, body)
      values ('delete', old.doc_id, old.title, old.dek, old.topics, old.tags, old.authors, old.body);
      insert into search_fts (rowid, title, dek, topics, tags, authors, body)
      values (new.doc_id, new.title, new.dek, new.topics, new.tags, new.authors, new.body);
    end`.execute(db);
}

async function createDocuments(db: Kysely<any>, docId: ReturnType<typeof sql>): Promise<void> {
  await sql`
    create table search_documents (
      ${docId},
      article_id text not null unique references articles(id) on delete cascade,
      status text not null,
      published_at text,
      updated_at text not null
    )`.execute(db);
  await sql`create index search_documents_status_idx on search_documents (status, published_at)`.execute(db);
}

async function createPostgresIndex(db: Kysely<any>): Promise<void> {
  const unaccent = await findOrCreateUnaccent(db);
  await sql`create text search configuration dossier_search (copy = simple)`.execute(db);
  if (unaccent) {
    await sql
      .raw(
        `alter text search configuration dossier_search alter mapping for word, hword, hword_part, numword, numhword, hword_numpart, asciiword, asciihword, hword_asciipart with ${unaccent}, simple`,
      )
      .execute(db);
  }
  // translate(): ASCII punctuation to spaces (see the header). Immutable, so it may feed a stored column.
  const words = (column: string) => `to_tsvector('dossier_search', translate(${column}, ${PUNCTUATION_LITERAL}, ${SPACES_LITERAL}))`;
  await createDocuments(db, sql`doc_id integer generated by default as identity primary key`);
  await sql
    .raw(
      `create table search_texts (
        doc_id integer primary key references search_documents(doc_id) on delete cascade,
        title text not null,
        dek text not null,
        topics text not null,
        tags text not null,
        authors text not null,
        body text not null,
        document tsvector generated always as (
          setweight(${words('title')}, 'A') ||
          setweight(${words('dek')}, 'B') ||
          setweight(${words('topics')}, 'B') ||
          setweight(${words('tags')}, 'C') ||
          setweight(${words('authors')}, 'C') ||
          setweight(${words('body')}, 'D')
        ) stored
      )`,
    )
    .execute(db);
  // Ranking reads the vector of every match: kept in the row (compressed), not in TOAST, it is
  // one page read instead of a TOAST index lookup and chunks (twice as fast on 100,000 articles).
  await sql`alter table search_texts set (toast_tuple_target = 8160)`.execute(db);
  await sql`alter table search_texts alter column document set storage main`.execute(db);
  await sql`create index search_texts_document_idx on search_texts using gin (document)`.execute(db);
}

const PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';
const PUNCTUATION_LITERAL = `'${PUNCTUATION.replace(/'/g, "''")}'`;
const SPACES_LITERAL = `'${' '.repeat(PUNCTUATION.length)}'`;

/**
 * The schema-qualified name of the unaccent dictionary, or null when this server cannot
 * give it. Created in `public` when possible: tests give each file a schema of their own and
 * drop it afterwards, and an extension lives once per database, so it must not live in one
 * of theirs. Each attempt runs under a savepoint: a refusal must not abort the migration.
 */
async function findOrCreateUnaccent(db: Kysely<any>): Promise<string | null> {
  const existing = await unaccentSchema(db);
  if (existing) return `${existing}.unaccent`;
  for (const statement of ['create extension if not exists unaccent schema public', 'create extension if not exists unaccent']) {
    await sql`savepoint dossier_unaccent`.execute(db);
    try {
      await sql.raw(statement).execute(db);
      await sql`release savepoint dossier_unaccent`.execute(db);
      break;
    } catch {
      await sql`rollback to savepoint dossier_unaccent`.execute(db);
    }
  }
  const schema = await unaccentSchema(db);
  return schema ? `${schema}.unaccent` : null;
}

async function unaccentSchema(db: Kysely<any>): Promise<string | null> {
  const { rows } = await sql<{ schema: string }>`
    select quote_ident(n.nspname) as schema from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'unaccent'`.execute(db);
  return rows[0]?.schema ?? null;
}

async function createSideTables(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('search_topic_names')
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('topic_id', 'text', (c) => c.notNull().references('topics.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('search_topic_names_pk', ['name_key', 'topic_id'])
    .execute();
  await db.schema.createIndex('search_topic_names_topic_idx').on('search_topic_names').column('topic_id').execute();

  await db.schema
    .createTable('search_terms')
    .addColumn('term', 'text', (c) => c.primaryKey())
    .addColumn('document_count', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('search_term_trigrams')
    .addColumn('trigram', 'text', (c) => c.notNull())
    .addColumn('term', 'text', (c) => c.notNull().references('search_terms.term').onDelete('cascade'))
    .addPrimaryKeyConstraint('search_term_trigrams_pk', ['trigram', 'term'])
    .execute();
  await db.schema.createIndex('search_term_trigrams_term_idx').on('search_term_trigrams').column('term').execute();
}

const BATCH = 200;

async function fillDocuments(db: Kysely<any>): Promise<void> {
  let after = '';
  for (;;) {
    const articles = await db
      .selectFrom('articles')
      .select(['id', 'status', 'published_at', 'updated_at', 'title', 'dek', 'body'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(BATCH)
      .execute();
    if (articles.length === 0) return;
    after = articles.at(-1)!.id;
    const ids = articles.map((a) => a.id);
    const topics = await db
      .selectFrom('article_topics')
      .innerJoin('topics', 'topics.id', 'article_topics.topic_id')
      .select(['article_topics.article_id as articleId', 'topics.name', 'topics.aliases'])
      .where('article_topics.article_id', 'in', ids)
      .orderBy('topics.name')
      .execute();
    const tags = await db
      .selectFrom('article_tags')
      .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
      .select(['article_tags.article_id as articleId', 'tags.name'])
      .where('article_tags.article_id', 'in', ids)
      .orderBy('tags.name')
      .execute();
    const authors = await db
      .selectFrom('article_authors')
      .innerJoin('users', 'users.id', 'article_authors.user_id')
      .select(['article_authors.article_id as articleId', 'users.name'])
      .where('article_authors.article_id', 'in', ids)
      .orderBy('users.name')
      .execute();
    const namesOf = (rows: { articleId: string; name: string; aliases?: string }[], id: string) =>
      rows.filter((r) => r.articleId === id).flatMap((r) => [r.name, ...(r.aliases ? (JSON.parse(r.aliases) as string[]) : [])]);
    const documents = await db
      .insertInto('search_documents')
      .values(articles.map((a) => ({ article_id: a.id, status: a.status, published_at: a.published_at, updated_at: a.updated_at })))
      .returning(['doc_id', 'article_id'])
      .execute();
    const docIds = new Map(documents.map((d) => [d.article_id as string, Number(d.doc_id)]));
    await db
      .insertInto('search_texts')
      .values(
        articles.map((a) => ({
          doc_id: docIds.get(a.id),
          title: clean(a.title),
          dek: clean(a.dek),
          topics: clean(namesOf(topics, a.id).join('. ')),
          tags: clean(namesOf(tags, a.id).join('. ')),
          authors: clean(namesOf(authors, a.id).join('. ')),
          // The first 150,000 characters, as the index keeps them (a longer tsvector can exceed PostgreSQL's 1 MB).
          body: clean(bodyText(a.body).slice(0, 150_000)),
        })),
      )
      .execute();
  }
}

async function fillTopicNames(db: Kysely<any>): Promise<void> {
  const topics = await db.selectFrom('topics').select(['id', 'name', 'aliases']).execute();
  const rows = topics.flatMap((t) => {
    const keys = new Set([t.name, ...(JSON.parse(t.aliases) as string[])].map(aliasKey).filter((k) => k !== ''));
    return [...keys].map((name_key) => ({ name_key, topic_id: t.id }));
  });
  for (let i = 0; i < rows.length; i += BATCH) await db.insertInto('search_topic_names').values(rows.slice(i, i + BATCH)).execute();
}

async function fillVocabulary(db: Kysely<any>): Promise<void> {
  const counts = new Map<string, number>();
  let after = 0;
  for (;;) {
    const docs = await db
      .selectFrom('search_documents as d')
      .innerJoin('search_texts as x', 'x.doc_id', 'd.doc_id')
      .select(['d.doc_id', 'x.title', 'x.dek', 'x.topics', 'x.tags', 'x.authors', 'x.body'])
      .where('d.status', '=', 'published')
      .where('d.doc_id', '>', after)
      .orderBy('d.doc_id')
      .limit(BATCH)
      .execute();
    if (docs.length === 0) break;
    after = Number(docs.at(-1)!.doc_id);
    for (const d of docs) {
      for (const term of vocabularyTerms([d.title, d.dek, d.topics, d.tags, d.authors, d.body].join(' '))) counts.set(term, (counts.get(term) ?? 0) + 1);
    }
  }
  const terms = [...counts];
  for (let i = 0; i < terms.length; i += BATCH) {
    const chunk = terms.slice(i, i + BATCH);
    await db.insertInto('search_terms').values(chunk.map(([term, document_count]) => ({ term, document_count }))).execute();
    const trigrams = chunk.flatMap(([term]) => trigramsOf(term).map((trigram) => ({ trigram, term })));
    for (let j = 0; j < trigrams.length; j += BATCH) await db.insertInto('search_term_trigrams').values(trigrams.slice(j, j + BATCH)).execute();
  }
}

// ---- Frozen copies of the app's text rules, as of this migration (src/search/search-text.ts, alias-key.ts, vocabulary-terms.ts).

function clean(text: string): string {
  return text.replace(/[\p{Cc}\p{Co}\p{Cs}]+/gu, ' ').normalize('NFC');
}

const BLOCK_BOUNDARY = /<\/?(?:p|h[1-6]|li|ul|ol|blockquote|figure|figcaption|div|section|aside|table|tr|td|th|br|hr|pre)\b[^>]*>/gi;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function bodyText(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(BLOCK_BOUNDARY, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]+);/gi, (_, name: string) => {
      if (name.startsWith('#')) {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ' ';
      }
      return ENTITIES[name.toLowerCase()] ?? ' ';
    })
    .replace(/\s+/g, ' ')
    .trim();
}

function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

function aliasKey(name: string): string {
  const acronyms = fold(name).replace(/(?<![\p{L}\p{N}])\p{L}(?:[.-]\p{L})+(?![\p{L}\p{N}])\.?/gu, (m) => m.replace(/[.-]/g, ''));
  return (acronyms.match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
}

function vocabularyTerms(text: string): Set<string> {
  const terms = new Set<string>();
  for (const word of fold(text).match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (word.length >= 3 && word.length <= 30 && /^\p{L}+$/u.test(word)) terms.add(word);
  }
  return terms;
}

function trigramsOf(term: string): string[] {
  const padded = `  ${term} `;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  return [...grams];
}
