import type { Database } from '../db/database.js';
import { inTransaction, PUBLISHED } from './related.queries.js';

/*
 * The SQL of the bulk rebuild: reads stream in keyset-paginated batches (never the whole
 * table at once), writes go as multi-row inserts inside transactions.
 */

// Rows per INSERT: 3 columns × 1,000 = 3,000 bound parameters, far below SQLite's 32,766
// and PostgreSQL's 65,535; larger statements gain nothing measurable.
const INSERT_ROWS = 1000;

export interface PublishedArticleRow {
  id: string;
  title: string;
  dek: string;
  body: string;
  publishedAt: string | null;
  primaryTopicId: string;
}

/** Every published article, in id order, `batchSize` at a time. */
export async function* publishedArticleBatches(db: Database, batchSize: number): AsyncGenerator<PublishedArticleRow[]> {
  let after: string | null = null;
  for (;;) {
    let query = db
      .selectFrom('articles')
      .select(['id', 'title', 'dek', 'body', 'published_at', 'primary_topic_id'])
      .where('status', '=', PUBLISHED);
    if (after !== null) query = query.where('id', '>', after);
    const rows = await query.orderBy('id', 'asc').limit(batchSize).execute();
    if (rows.length === 0) return;
    after = rows[rows.length - 1]!.id;
    yield rows.map((r) => ({
      id: r.id,
      title: r.title,
      dek: r.dek,
      body: r.body,
      publishedAt: r.published_at,
      primaryTopicId: r.primary_topic_id,
    }));
    if (rows.length < batchSize) return;
  }
}

export interface ArticleLinkRow {
  articleId: string;
  linkedId: string; // a topic id or a tag id
}

/** Every row of article_topics or article_tags, `batchSize` at a time, in key order. */
export async function* articleLinkBatches(
  db: Database,
  table: 'article_topics' | 'article_tags',
  batchSize: number,
): AsyncGenerator<ArticleLinkRow[]> {
  let after: ArticleLinkRow | null = null;
  for (;;) {
    const rows: ArticleLinkRow[] =
      table === 'article_topics'
        ? (
            await db
              .selectFrom('article_topics')
              .select(['article_id', 'topic_id'])
              .$if(after !== null, (q) =>
                q.where((eb) =>
                  eb.or([
                    eb('article_id', '>', after!.articleId),
                    eb.and([eb('article_id', '=', after!.articleId), eb('topic_id', '>', after!.linkedId)]),
                  ]),
                ),
              )
              .orderBy('article_id', 'asc')
              .orderBy('topic_id', 'asc')
              .limit(batchSize)
              .execute()
          ).map((r) => ({ articleId: r.article_id, linkedId: r.topic_id }))
        : (
            await db
              .selectFrom('article_tags')
              .select(['article_id', 'tag_id'])
              .$if(after !== null, (q) =>
                q.where((eb) =>
                  eb.or([
                    eb('article_id', '>', after!.articleId),
                    eb.and([eb('article_id', '=', after!.articleId), eb('tag_id', '>', after!.linkedId)]),
                  ]),
                ),
              )
              .orderBy('article_id', 'asc')
              .orderBy('tag_id', 'asc')
              .limit(batchSize)
              .execute()
          ).map((r) => ({ articleId: r.article_id, linkedId: r.tag_id }));
    if (rows.length === 0) return;
    after = rows[rows.length - 1]!;
    yield rows;
    if (rows.length < batchSize) return;
  }
}

/** The whole topic tree as (id, parent): a site has hundreds of topics, not millions. */
export async function allTopicParents(db: Database): Promise<Array<{ id: string; parentId: string | null }>> {
  const rows = await db.selectFrom('topics').select(['id', 'parent_id']).execute();
  return rows.map((r) => ({ id: r.id, parentId: r.parent_id }));
}

/** Replaces every document count in one transaction, so readers never see half a table. */
export async function replaceAllDocumentCounts(db: Database, counts: Iterable<{ term: string; document_count: number }>): Promise<void> {
  await inTransaction(db, async (trx) => {
    await trx.deleteFrom('term_frequencies').execute();
    for (const rows of inGroups(counts, INSERT_ROWS)) await trx.insertInto('term_frequencies').values(rows).execute();
  });
}

/** Empties the inverted index before a rebuild fills it again (only refreshes read it; the site does not). */
export async function deleteAllArticleTerms(db: Database): Promise<void> {
  await db.deleteFrom('article_terms').execute();
}

/** Inserts article_terms rows in one transaction, as the iterable yields them. */
export async function insertArticleTerms(db: Database, rows: Iterable<{ term: string; article_id: string; weight: number }>): Promise<number> {
  return inTransaction(db, async (trx) => {
    let count = 0;
    for (const group of inGroups(rows, INSERT_ROWS)) {
      await trx.insertInto('article_terms').values(group).execute();
      count += group.length;
    }
    return count;
  });
}

export type RelatedListRow = { article_id: string; rank: number; related_id: string; score: number };

/** Replaces the lists of a batch of articles in one transaction: each list flips whole. */
export async function replaceRelatedLists(db: Database, articleIds: readonly string[], rows: readonly RelatedListRow[]): Promise<void> {
  await inTransaction(db, async (trx) => {
    for (const ids of inGroups(articleIds, INSERT_ROWS)) await trx.deleteFrom('article_related').where('article_id', 'in', ids).execute();
    for (const group of inGroups(rows, INSERT_ROWS)) await trx.insertInto('article_related').values(group).execute();
  });
}

/** Drops the lists of articles that are no longer published, and their places in other lists. */
export async function deleteListsOfUnpublished(db: Database): Promise<void> {
  await inTransaction(db, async (trx) => {
    const published = trx.selectFrom('articles').select('id').where('status', '=', PUBLISHED);
    await trx.deleteFrom('article_related').where('article_id', 'not in', published).execute();
    await trx.deleteFrom('article_related').where('related_id', 'not in', published).execute();
  });
}

function* inGroups<T>(items: Iterable<T>, size: number): Generator<T[]> {
  let group: T[] = [];
  for (const item of items) {
    group.push(item);
    if (group.length === size) {
      yield group;
      group = [];
    }
  }
  if (group.length > 0) yield group;
}
