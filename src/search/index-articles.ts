import type { Database } from '../db/database.js';
import { rowChunks } from '../shared/row-chunks.js';
import {
  type ArticleNames,
  articleIdsNaming,
  META_COLUMNS,
  findArticleNames,
  findDocuments,
  insertDocuments,
  type NamedBy,
  type StoredDocument,
  TEXT_COLUMNS,
  updateDocument,
} from './search-documents.queries.js';
import { cleanText } from './search-text.js';
import { indexTopicNames, type TopicNames } from './topic-names.queries.js';
import { countTerms, type VocabularyChange, vocabularyTerms } from './vocabulary.js';
import { applyVocabularyChange } from './vocabulary.queries.js';
import { READER_STATUSES } from './search-filters.queries.js';

/*
 * The writes other features call inside their own transactions, so an article is findable
 * (or not) in the same commit that publishes (or withdraws) it, and a renamed topic, tag or
 * author is found under its new name at once. Each takes the caller's transaction as `db`.
 */

/**
 * How much of a body's text is indexed, in UTF-16 units. PostgreSQL refuses a tsvector over
 * 1 MB; text of two-letter CJK words, the densest, costs about 4.7 bytes of tsvector a unit,
 * so 150,000 stays under it whatever the body holds. It is about 25,000 English words (the
 * longest demo article has 21,000 characters); both dialects index the same part.
 */
export const INDEXED_BODY_CHARS = 150_000;

/** An article as its writer knows it when it writes; names of its topics, tags and authors are read here. */
export interface ArticleToIndex {
  id: string;
  status: string;
  publishedAt: string | null;
  updatedAt: string;
  title: string;
  dek: string;
  /** the body as plain text */
  bodyText: string;
}

/** Writes the index rows of these articles as they now are (new, changed or unchanged). Call after their relations are written. */
export async function indexArticles(db: Database, articles: readonly ArticleToIndex[]): Promise<void> {
  if (articles.length === 0) return;
  const names = await findArticleNames(db, articles.map((a) => a.id));
  await storeDocuments(
    db,
    articles.map((a) => ({
      article_id: a.id,
      status: a.status,
      published_at: a.publishedAt,
      updated_at: a.updatedAt,
      title: cleanText(a.title),
      dek: cleanText(a.dek),
      body: cleanText(a.bodyText.slice(0, INDEXED_BODY_CHARS)),
      ...nameColumns(names.get(a.id)),
    })),
  );
}

/** After a topic's names or aliases changed: its keys for query expansion, and the rows of the articles filed under it. */
export async function reindexTopic(db: Database, topic: TopicNames): Promise<void> {
  await indexTopicNames(db, topic);
  await reindexArticlesNaming(db, { topicId: topic.id });
}

/** After a tag or an author was renamed: the rows of the articles findable under the old name. */
export async function reindexArticlesNaming(db: Database, named: NamedBy): Promise<void> {
  await reindexArticleNames(db, await articleIdsNaming(db, named));
}

/** After these articles' tags or topics changed outside an article save (a merge): their names again. */
export async function reindexArticleNames(db: Database, articleIds: readonly string[]): Promise<void> {
  for (const chunk of rowChunks([...new Set(articleIds)], 200)) {
    const existing = await findDocuments(db, chunk);
    const names = await findArticleNames(db, [...existing.keys()]);
    await storeDocuments(
      db,
      [...existing.values()].map((doc) => ({ ...doc, ...nameColumns(names.get(doc.article_id)) })),
      existing,
    );
  }
}

function nameColumns(names: ArticleNames | undefined): Pick<StoredDocument, 'topics' | 'tags' | 'authors'> {
  return {
    topics: cleanText((names?.topics ?? []).join('. ')),
    tags: cleanText((names?.tags ?? []).join('. ')),
    authors: cleanText((names?.authors ?? []).join('. ')),
  };
}

/**
 * Inserts the new rows and updates only what changed, so a status change leaves the text
 * and the engines' indexes alone; the vocabulary follows what readers can find.
 */
async function storeDocuments(db: Database, next: readonly StoredDocument[], known?: Map<string, StoredDocument>): Promise<void> {
  const existing = known ?? (await findDocuments(db, next.map((d) => d.article_id)));
  const vocabulary: VocabularyChange = new Map();
  const inserts: StoredDocument[] = [];
  for (const doc of next) {
    const before = existing.get(doc.article_id);
    if (!before) {
      inserts.push(doc);
      if (isFindable(doc)) countTerms(vocabulary, union(columnTerms(doc)), 1);
      continue;
    }
    const changes = changedColumns(before, doc);
    if (!changes) continue;
    await updateDocument(db, doc.article_id, changes);
    const isTextChanged = TEXT_COLUMNS.some((column) => column in changes);
    if (isFindable(before) !== isFindable(doc) || (isTextChanged && isFindable(doc))) {
      const beforeTerms = columnTerms(before);
      // A rename changes one column of many rows: the body's words are read once, not twice.
      const afterTerms = TEXT_COLUMNS.map((column, i) => (doc[column] === before[column] ? beforeTerms[i]! : vocabularyTerms(doc[column])));
      if (isFindable(before)) countTerms(vocabulary, union(beforeTerms), -1);
      if (isFindable(doc)) countTerms(vocabulary, union(afterTerms), 1);
    }
  }
  await insertDocuments(db, inserts);
  await applyVocabularyChange(db, vocabulary);
}

function changedColumns(before: StoredDocument, after: StoredDocument): Partial<StoredDocument> | null {
  const changes: Partial<Record<(typeof META_COLUMNS | typeof TEXT_COLUMNS)[number], string | null>> = {};
  for (const column of [...META_COLUMNS, ...TEXT_COLUMNS]) if (before[column] !== after[column]) changes[column] = after[column];
  return Object.keys(changes).length > 0 ? (changes as Partial<StoredDocument>) : null;
}

function isFindable(doc: StoredDocument): boolean {
  return READER_STATUSES.includes(doc.status);
}

function columnTerms(doc: StoredDocument): Set<string>[] {
  return TEXT_COLUMNS.map((column) => vocabularyTerms(doc[column]));
}

function union(sets: readonly Set<string>[]): Set<string> {
  const all = new Set<string>();
  for (const set of sets) for (const term of set) all.add(term);
  return all;
}
