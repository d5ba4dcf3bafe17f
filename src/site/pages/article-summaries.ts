import { findUsersByIds } from '../../accounts/index.js';
import type { Database } from '../../db/database.js';
import { findMediaByIds } from '../../media/index.js';
import { findTopicsByIds, topicLink } from '../../taxonomy/index.js';
import { readingMinutes } from '../../content/body-html.js';
import { type ArticleSummary, articleUrl, authorUrl } from '../../content/article.js';
import { authorIdsByArticle, type SummaryRow } from './article-reads.queries.js';

/** Turns list rows into summaries with three batched lookups: authors, topics, images. */
export async function toSummaries(db: Database, rows: SummaryRow[]): Promise<ArticleSummary[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const authorIds = await authorIdsByArticle(db, ids);
  const [users, topics, media] = await Promise.all([
    findUsersByIds(db, [...authorIds.values()].flat()),
    findTopicsByIds(db, rows.map((r) => r.primary_topic_id)),
    findMediaByIds(db, rows.flatMap((r) => (r.featured_media_id ? [r.featured_media_id] : []))),
  ]);
  const userById = new Map(users.map((u) => [u.id, u]));
  const topicById = new Map(topics.map((t) => [t.id, t]));
  return rows.map((row) => {
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
      authors: (authorIds.get(row.id) ?? []).flatMap((id) => {
        const user = userById.get(id);
        return user ? [{ id: user.id, name: user.name, url: authorUrl(user.slug) }] : [];
      }),
      image: row.featured_media_id ? (media.get(row.featured_media_id) ?? null) : null,
      readingMinutes: readingMinutes(row.word_count),
      commentCount: row.comment_count,
    };
  });
}
