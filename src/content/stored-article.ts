/*
 * A stored article read back in the two shapes writers use: the form's fields (the editor
 * loads these) and an ArticleInput (a restore saves one). One reading of the row for both.
 */
import type { Database } from '../db/database.js';
import { utcToZonedLocal } from '../shared/zoned-time.js';
import type { ArticleInput } from './article.schema.js';
import type { ArticleRow } from './article.table.js';
import type { ArticleFields } from './article-fields.js';
import { findArticleRelations } from './article-admin.queries.js';

export interface StoredArticle {
  row: ArticleRow;
  authorIds: string[];
  /** the primary topic first */
  topicIds: string[];
  tags: { id: string; name: string }[];
}

export async function readStoredArticle(db: Database, row: ArticleRow): Promise<StoredArticle> {
  const relations = await findArticleRelations(db, row.id);
  const others = relations.topicIds.filter((id) => id !== row.primary_topic_id);
  return { row, authorIds: relations.authorIds, topicIds: [row.primary_topic_id, ...others], tags: relations.tags };
}

export function fieldsOfStored({ row, authorIds, topicIds, tags }: StoredArticle, timeZone: string): ArticleFields {
  return {
    title: row.title,
    slug: row.slug,
    dek: row.dek,
    body: row.body,
    primaryTopicId: row.primary_topic_id,
    topicIds: topicIds.filter((id) => id !== row.primary_topic_id),
    tags: tags.map((t) => t.name).join(', '),
    featuredMediaId: row.featured_media_id ?? '',
    authorIds,
    sourceOutlet: row.source_outlet ?? '',
    sourceAuthor: row.source_author ?? '',
    sourceCountry: row.source_country ?? '',
    sourceUrl: row.source_url ?? '',
    sourceIsCanonical: row.source_is_canonical === 1,
    seoTitle: row.seo_title,
    seoDescription: row.seo_description,
    commentsOpen: row.comments_open === 1,
    publishAt: row.published_at ? utcToZonedLocal(new Date(row.published_at), timeZone) : '',
  };
}

/** The stored article as a save would submit it, with its text replaced by `text`. */
export function inputOfStored({ row, authorIds, topicIds, tags }: StoredArticle, text: { title: string; dek: string; body: string }): ArticleInput {
  const status = row.status === 'trashed' ? 'draft' : row.status;
  return {
    slug: row.slug,
    title: text.title,
    dek: text.dek,
    body: text.body,
    status: status as ArticleInput['status'],
    publishedAt: row.published_at ? new Date(row.published_at) : null,
    primaryTopicId: row.primary_topic_id,
    topicIds,
    tagIds: tags.map((t) => t.id),
    authorIds,
    featuredMediaId: row.featured_media_id,
    isFeatured: row.is_featured === 1,
    source: row.source_outlet
      ? { outlet: row.source_outlet, author: row.source_author ?? '', country: row.source_country ?? '', url: row.source_url ?? '', isCanonical: row.source_is_canonical === 1 }
      : null,
    seoTitle: row.seo_title,
    seoDescription: row.seo_description,
    commentsOpen: row.comments_open === 1,
  };
}
