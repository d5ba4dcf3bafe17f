import { findUsersByIds } from '../../accounts/index.js';
import { listApprovedComments, threadComments } from '../../comments/index.js';
import type { Database } from '../../db/database.js';
import { findMediaByIds } from '../../media/index.js';
import { GoneError, MovedError, NotFoundError } from '../../shared/errors.js';
import { findTagsByIds, findTopicsByIds, findTopicsByPaths, pathPrefixes, tagUrl, topicLink } from '../../taxonomy/index.js';
import { type ArticleDetail, articleUrl, authorUrl, isPublic } from '../../content/article.js';
import { articleRelationIds, findArticleBySlug, listSummariesByIds, relatedIdsOf } from './article-reads.queries.js';
import { toSummaries } from './article-summaries.js';
import type { TocEntry } from '../../content/body-html.js';
import { readingMinutes } from '../../content/body-html.js';
import type { ArticlePage } from './reader-pages.js';

/**
 * An article's page. `topicPath` is what the URL said; a known slug under another path
 * answers with the canonical URL (MovedError), a withdrawn one with GoneError.
 */
export async function loadArticlePage(db: Database, topicPath: string | null, slug: string): Promise<ArticlePage> {
  const row = await findArticleBySlug(db, slug);
  if (!row) throw new NotFoundError('article', slug);
  if (row.status === 'withdrawn') throw new GoneError('article', slug, row.title);
  if (!isPublic(row.status)) throw new NotFoundError('article', slug);
  const ids = await articleRelationIds(db, row.id);
  const [topics, tags, users, media] = await Promise.all([
    findTopicsByIds(db, ids.topicIds),
    findTagsByIds(db, ids.tagIds),
    findUsersByIds(db, ids.authorIds),
    findMediaByIds(db, row.featured_media_id ? [row.featured_media_id] : []),
  ]);
  const primary = topics.find((t) => t.id === row.primary_topic_id);
  if (!primary) throw new Error(`article ${row.id} lacks its primary topic`);
  if (topicPath !== primary.path) throw new MovedError(articleUrl(primary.path, row.slug));

  const trailTopics = await findTopicsByPaths(db, pathPrefixes(primary.path));
  const trail = trailTopics.sort((a, b) => a.depth - b.depth).map(topicLink);
  const userById = new Map(users.map((u) => [u.id, u]));
  const tagLinks = tags.map((t) => ({ name: t.name, url: tagUrl(t.slug) }));
  const article: ArticleDetail = {
    id: row.id,
    slug: row.slug,
    url: articleUrl(primary.path, row.slug),
    title: row.title,
    dek: row.dek,
    excerpt: row.excerpt,
    publishedAt: new Date(row.published_at!),
    updatedAt: new Date(row.updated_at),
    primaryTopic: topicLink(primary),
    authors: ids.authorIds.flatMap((id) => {
      const u = userById.get(id);
      return u ? [{ name: u.name, url: authorUrl(u.slug) }] : [];
    }),
    image: row.featured_media_id ? (media.get(row.featured_media_id) ?? null) : null,
    readingMinutes: readingMinutes(row.word_count),
    commentCount: row.comment_count,
    body: row.body,
    toc: JSON.parse(row.toc) as TocEntry[],
    wordCount: row.word_count,
    trail,
    topics: [primary, ...topics.filter((t) => t.id !== primary.id)].map(topicLink),
    tags: tagLinks,
    tagline: primary.aliases,
    source: row.source_outlet
      ? {
          outlet: row.source_outlet,
          author: row.source_author ?? '',
          country: row.source_country ?? '',
          url: row.source_url ?? '',
          isCanonical: row.source_is_canonical === 1,
        }
      : null,
    seoTitle: row.seo_title,
    seoDescription: row.seo_description,
    commentsOpen: row.comments_open === 1,
  };
  const [related, comments] = await Promise.all([
    relatedIdsOf(db, row.id).then((rids) => listSummariesByIds(db, rids)).then((rows) => toSummaries(db, rows)),
    listApprovedComments(db, row.id).then(threadComments),
  ]);
  return { article, related, comments };
}
