import type { Database } from '../../db/database.js';
import { type MediaImage, findMediaByIds } from '../../media/index.js';
import { findTopicsByIds, topicLink } from '../../taxonomy/index.js';
import { readingMinutes } from '../../content/body-html.js';
import { type ArticleSummary, articleUrl, authorUrl } from '../../content/article.js';
import { bylinesOf } from './article-page.queries.js';
import type { SummaryRow } from './article-reads.queries.js';

/** Turns list rows into summaries with three batched lookups: bylines, topics, images. */
export async function toSummaries(db: Database, rows: SummaryRow[]): Promise<ArticleSummary[]> {
  return (await toSummariesWithMedia(db, rows, [])).summaries;
}

/**
 * The same, fetching more images in the same lookup (an article page's featured image
 * beside its related cards), so a page pays for images once.
 */
export async function toSummariesWithMedia(
  db: Database,
  rows: SummaryRow[],
  moreMediaIds: readonly string[],
): Promise<{ summaries: ArticleSummary[]; media: Map<string, MediaImage> }> {
  const mediaIds = [...moreMediaIds, ...rows.flatMap((r) => (r.featured_media_id ? [r.featured_media_id] : []))];
  if (rows.length === 0) return { summaries: [], media: await findMediaByIds(db, mediaIds) };
  const [bylines, topics, media] = await Promise.all([
    bylinesOf(db, rows.map((r) => r.id)),
    findTopicsByIds(db, rows.map((r) => r.primary_topic_id)),
    findMediaByIds(db, mediaIds),
  ]);
  const topicById = new Map(topics.map((t) => [t.id, t]));
  const summaries = rows.map((row) => {
    const topic = topicById.get(row.primary_topic_id);
    if (!topic) throw new Error(`article ${row.id} has a missing primary topic`);
    return {
      id: row.id,
      slug: row.slug,
      url: articleUrl(topic.path, row.slug),
      title: row.title,
      dek: row.dek,
      excerpt: row.excerpt,
      publishedAt: new Date(row.published_at ?? row.updated_at),
      updatedAt: new Date(row.updated_at),
      primaryTopic: topicLink(topic),
      authors: (bylines.get(row.id) ?? []).map((a) => ({ id: a.id, name: a.name, url: authorUrl(a.slug) })),
      image: row.featured_media_id ? (media.get(row.featured_media_id) ?? null) : null,
      readingMinutes: readingMinutes(row.word_count),
      commentCount: row.comment_count,
    };
  });
  return { summaries, media };
}
