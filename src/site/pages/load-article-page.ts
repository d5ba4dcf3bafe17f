import { areCommentsOpen, commentsCloseAt, listApprovedComments, threadComments } from '../../comments/index.js';
import type { Database } from '../../db/database.js';
import { NotFoundError } from '../../shared/errors.js';
import { findTopicById, pathPrefixes, tagUrl, topicUrl } from '../../taxonomy/index.js';
import { type ArticleDetail, articleUrl, authorUrl, isPublic } from '../../content/article.js';
import type { TocEntry } from '../../content/body-html.js';
import { readingMinutes } from '../../content/body-html.js';
import { findArticleById } from './article-reads.queries.js';
import { namesOfArticle, type NamedRow, relatedSummaryRows } from './article-page.queries.js';
import { toSummariesWithMedia } from './article-summaries.js';
import { pageOfThreads } from './comment-pages.js';
import type { ArticlePage, Commenting } from './reader-pages.js';

/**
 * A published article's page, as `resolvePublicPath` found it (at its canonical path).
 * Eight statements at most: the article, the names it shows (topics, trail, tags, authors),
 * its related rows, their bylines, their topics, the images of both, and its comments.
 */
export async function loadArticlePage(
  db: Database,
  articleId: string,
  primaryTopicPath: string,
  options: {
    isPreview?: boolean;
    /** how deep replies nest (the setting commentThreadDepth) */
    threadDepth?: number;
    /** which page of top-level comment threads (from 1); a page past the last is not found */
    commentPage?: number;
    /**
     * The site's "close comments after N days" (commentsCloseAfterDays) and the time to judge
     * it at; without it only the article's own switch decides.
     */
    closing?: { afterDays: number; now: Date };
  } = {},
): Promise<ArticlePage> {
  const [row, names, relatedRows, comments] = await Promise.all([
    findArticleById(db, articleId),
    namesOfArticle(db, articleId, pathPrefixes(primaryTopicPath)),
    relatedSummaryRows(db, articleId),
    listApprovedComments(db, articleId).then((rows) => threadComments(rows, options.threadDepth)),
  ]);
  // A preview shows any article but one in the trash; the site shows only what is public.
  if (!row || (options.isPreview ? row.status === 'trashed' : !isPublic(row.status))) throw new NotFoundError('article', articleId);
  const { summaries: related, media } = await toSummariesWithMedia(db, relatedRows, row.featured_media_id ? [row.featured_media_id] : []);

  const of = (kind: NamedRow['kind']) => names.filter((n) => n.kind === kind);
  const topics = of('topic');
  const primary = topics.find((t) => t.id === row.primary_topic_id);
  if (!primary) throw new Error(`article ${row.id} lacks its primary topic`);
  const link = (t: NamedRow) => ({ id: t.id, name: t.name, url: topicUrl(t.path!) });
  const aliases = JSON.parse(primary.aliases ?? '[]') as string[];
  const tags = of('tag');
  const article: ArticleDetail = {
    id: row.id,
    slug: row.slug,
    url: articleUrl(primary.path!, row.slug),
    title: row.title,
    dek: row.dek,
    excerpt: row.excerpt,
    // A draft previewed before it has a publish time shows its last change.
    publishedAt: new Date(row.published_at ?? row.updated_at),
    updatedAt: new Date(row.updated_at),
    primaryTopic: link(primary),
    authors: of('author').map((a) => ({ id: a.id, name: a.name, url: authorUrl(a.slug) })),
    image: row.featured_media_id ? (media.get(row.featured_media_id) ?? null) : null,
    readingMinutes: readingMinutes(row.word_count),
    commentCount: row.comment_count,
    body: row.body,
    toc: JSON.parse(row.toc) as TocEntry[],
    wordCount: row.word_count,
    trail: of('trail').map(link),
    topics: [primary, ...topics.filter((t) => t.id !== primary.id)].map(link),
    tags: tags.map((t) => ({ id: t.id, name: t.name, url: tagUrl(t.slug) })),
    tagline: aliases,
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
  const paged = pageOfThreads(comments, options.commentPage ?? 1);
  return {
    article,
    related,
    comments: paged.thread,
    commentPages: { page: paged.page, pageCount: paged.pageCount, articleUrl: article.url },
    commenting: commentingOf({ isPublished: isPublic(row.status), commentsOpen: article.commentsOpen, publishedAt: row.published_at ? new Date(row.published_at) : null }, options.closing),
  };
}

/** The comment rules' own verdict (comments/), so the page offers the form exactly when a post would be taken. */
function commentingOf(article: { isPublished: boolean; commentsOpen: boolean; publishedAt: Date | null }, closing: { afterDays: number; now: Date } | undefined): Commenting {
  const afterDays = closing?.afterDays ?? 0;
  const isOpen = closing ? areCommentsOpen(article, afterDays, closing.now) : article.isPublished && article.commentsOpen;
  return { isOpen, closesAt: isOpen && article.publishedAt ? commentsCloseAt(article.publishedAt, afterDays) : null };
}

/** An article at its secret preview URL, published or not, as readers would see it. */
export async function loadPreviewPage(db: Database, articleId: string, options: { threadDepth?: number } = {}): Promise<ArticlePage> {
  const row = await findArticleById(db, articleId);
  if (!row) throw new NotFoundError('article', articleId);
  const topic = await findTopicById(db, row.primary_topic_id);
  if (!topic) throw new Error(`article ${row.id} lacks its primary topic`);
  return loadArticlePage(db, articleId, topic.path, { ...options, isPreview: true });
}
