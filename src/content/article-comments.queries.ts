import type { Database } from '../db/database.js';
import { isPublic } from './article.js';

/** What the comment rules need to know of an article: whether readers may comment on it. */
export interface CommentableArticle {
  id: string;
  isPublished: boolean;
  /** the article's own switch ("comments open") */
  commentsOpen: boolean;
  publishedAt: Date | null;
}

export async function findCommentableArticle(db: Database, articleId: string): Promise<CommentableArticle | null> {
  const row = await db
    .selectFrom('articles')
    .select(['id', 'status', 'comments_open', 'published_at'])
    .where('id', '=', articleId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    isPublished: isPublic(row.status),
    commentsOpen: row.comments_open === 1,
    publishedAt: row.published_at ? new Date(row.published_at) : null,
  };
}

/** What a notice about a comment names of its article: title, where it lives, who wrote it. */
export interface CommentedArticleNotice {
  id: string;
  title: string;
  slug: string;
  primaryTopicId: string;
  authorIds: string[];
}

export async function findCommentedArticleNotice(db: Database, articleId: string): Promise<CommentedArticleNotice | null> {
  const [row, authors] = await Promise.all([
    db.selectFrom('articles').select(['id', 'title', 'slug', 'primary_topic_id']).where('id', '=', articleId).executeTakeFirst(),
    db.selectFrom('article_authors').select('user_id').where('article_id', '=', articleId).orderBy('position').execute(),
  ]);
  if (!row) return null;
  return { id: row.id, title: row.title, slug: row.slug, primaryTopicId: row.primary_topic_id, authorIds: authors.map((a) => a.user_id) };
}
