import type { Selectable } from 'kysely';
import type { Database } from '../db/database.js';
import { rowChunks } from '../shared/row-chunks.js';
import type { SearchDocumentsTable, SearchTextsTable } from './search.table.js';

/*
 * The statements that write the index (search_documents and search_texts; each dialect's
 * index follows search_texts)
 * and read what it is made from. Reads of the relation tables are reads of content's and
 * taxonomy's tables, as every feature may read; only search writes these.
 */

/** An article's index entry as one value: its search_documents row and its search_texts row, ids aside. */
export type StoredDocument = Omit<Selectable<SearchDocumentsTable>, 'doc_id'> & Omit<Selectable<SearchTextsTable>, 'doc_id'>;

export const META_COLUMNS = ['status', 'published_at', 'updated_at'] as const;
export const TEXT_COLUMNS = ['title', 'dek', 'topics', 'tags', 'authors', 'body'] as const;

const LOOKUP_CHUNK = 500;

export async function findDocuments(db: Database, articleIds: readonly string[]): Promise<Map<string, StoredDocument>> {
  const found = new Map<string, StoredDocument>();
  for (const chunk of rowChunks([...new Set(articleIds)], LOOKUP_CHUNK)) {
    const rows = await db
      .selectFrom('search_documents as d')
      .innerJoin('search_texts as x', 'x.doc_id', 'd.doc_id')
      .select(['d.article_id', 'd.status', 'd.published_at', 'd.updated_at', 'x.title', 'x.dek', 'x.topics', 'x.tags', 'x.authors', 'x.body'])
      .where('d.article_id', 'in', chunk)
      .execute();
    for (const row of rows) found.set(row.article_id, row);
  }
  return found;
}

export async function insertDocuments(db: Database, documents: readonly StoredDocument[]): Promise<void> {
  for (const chunk of rowChunks(documents)) {
    const ids = await db
      .insertInto('search_documents')
      .values(chunk.map((d) => ({ article_id: d.article_id, status: d.status, published_at: d.published_at, updated_at: d.updated_at })))
      .returning(['doc_id', 'article_id'])
      .execute();
    const docIds = new Map(ids.map((r) => [r.article_id, Number(r.doc_id)]));
    await db
      .insertInto('search_texts')
      .values(chunk.map((d) => ({ doc_id: docIds.get(d.article_id)!, title: d.title, dek: d.dek, topics: d.topics, tags: d.tags, authors: d.authors, body: d.body })))
      .execute();
  }
}

/** Writes what changed: the narrow row, the text row (which the engine's index follows), or both. */
export async function updateDocument(db: Database, articleId: string, changes: Partial<StoredDocument>): Promise<void> {
  const meta = Object.fromEntries(META_COLUMNS.filter((c) => c in changes).map((c) => [c, changes[c]]));
  const text = Object.fromEntries(TEXT_COLUMNS.filter((c) => c in changes).map((c) => [c, changes[c]]));
  if (Object.keys(meta).length > 0) await db.updateTable('search_documents').set(meta).where('article_id', '=', articleId).execute();
  if (Object.keys(text).length > 0) {
    await db
      .updateTable('search_texts')
      .set(text)
      .where('doc_id', '=', (eb) => eb.selectFrom('search_documents').select('doc_id').where('article_id', '=', articleId))
      .execute();
  }
}

/** The names an article is findable under, per article: its topics' names and aliases, its tags', its authors'. */
export interface ArticleNames {
  topics: string[];
  tags: string[];
  authors: string[];
}

export async function findArticleNames(db: Database, articleIds: readonly string[]): Promise<Map<string, ArticleNames>> {
  const names = new Map<string, ArticleNames>(articleIds.map((id) => [id, { topics: [], tags: [], authors: [] }]));
  for (const chunk of rowChunks([...new Set(articleIds)], LOOKUP_CHUNK)) {
    const topics = await db
      .selectFrom('article_topics')
      .innerJoin('topics', 'topics.id', 'article_topics.topic_id')
      .select(['article_topics.article_id as articleId', 'topics.name', 'topics.aliases'])
      .where('article_topics.article_id', 'in', chunk)
      .orderBy('topics.name')
      .execute();
    for (const t of topics) names.get(t.articleId)?.topics.push(t.name, ...(JSON.parse(t.aliases) as string[]));
    const tags = await db
      .selectFrom('article_tags')
      .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
      .select(['article_tags.article_id as articleId', 'tags.name'])
      .where('article_tags.article_id', 'in', chunk)
      .orderBy('tags.name')
      .execute();
    for (const t of tags) names.get(t.articleId)?.tags.push(t.name);
    const authors = await db
      .selectFrom('article_authors')
      .innerJoin('users', 'users.id', 'article_authors.user_id')
      .select(['article_authors.article_id as articleId', 'users.name'])
      .where('article_authors.article_id', 'in', chunk)
      .orderBy('users.name')
      .execute();
    for (const a of authors) names.get(a.articleId)?.authors.push(a.name);
  }
  return names;
}

/** The articles findable under a topic, tag or author's name (drafts and the trash too: staff search them). */
export async function articleIdsNaming(db: Database, named: NamedBy): Promise<string[]> {
  const rows =
    'topicId' in named
      ? await db.selectFrom('article_topics').select('article_id').where('topic_id', '=', named.topicId).execute()
      : 'tagId' in named
        ? await db.selectFrom('article_tags').select('article_id').where('tag_id', '=', named.tagId).execute()
        : await db.selectFrom('article_authors').select('article_id').where('user_id', '=', named.authorId).execute();
  return rows.map((r) => r.article_id);
}

export type NamedBy = { topicId: string } | { tagId: string } | { authorId: string };
