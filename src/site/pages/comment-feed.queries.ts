import type { Database } from '../../db/database.js';

/** An approved comment as a site-wide feed entry shows it, with its article's title and path. */
export interface LatestCommentRow {
  id: string;
  parentId: string | null;
  articleId: string;
  articleTitle: string;
  articleSlug: string;
  primaryTopicId: string;
  topicPath: string;
  authorName: string;
  isStaff: boolean;
  body: string;
  bodyHtml: string;
  renderVersion: number;
  createdAt: Date;
}

/**
 * The newest approved comments on published articles, newest first, from before `before`
 * (a keyset: created_at, then id) when given. Never the email or the IP hash. Whether each
 * one's ancestors are approved too (what the thread shows) is the caller's to check.
 */
export async function listLatestApprovedComments(db: Database, limit: number, before?: { createdAt: string; id: string }): Promise<LatestCommentRow[]> {
  let query = db
    .selectFrom('comments as c')
    .innerJoin('articles as a', 'a.id', 'c.article_id')
    .innerJoin('topics as t', 't.id', 'a.primary_topic_id')
    .select([
      'c.id',
      'c.parent_id',
      'c.article_id',
      'a.title',
      'a.slug',
      'a.primary_topic_id',
      't.path',
      'c.author_name',
      'c.is_staff',
      'c.body',
      'c.body_html',
      'c.render_version',
      'c.created_at',
    ])
    .where('c.status', '=', 'approved')
    .where('a.status', '=', 'published');
  if (before) {
    query = query.where((eb) => eb.or([eb('c.created_at', '<', before.createdAt), eb.and([eb('c.created_at', '=', before.createdAt), eb('c.id', '<', before.id)])]));
  }
  const rows = await query.orderBy('c.created_at', 'desc').orderBy('c.id', 'desc').limit(limit).execute();
  return rows.map((r) => ({
    id: r.id,
    parentId: r.parent_id,
    articleId: r.article_id,
    articleTitle: r.title,
    articleSlug: r.slug,
    primaryTopicId: r.primary_topic_id,
    topicPath: r.path,
    authorName: r.author_name,
    isStaff: Number(r.is_staff) === 1,
    body: r.body,
    bodyHtml: r.body_html,
    renderVersion: Number(r.render_version),
    createdAt: new Date(r.created_at),
  }));
}

/** The parent and status of each of these comments (the ones that exist). */
export async function findCommentParents(db: Database, ids: readonly string[]): Promise<Map<string, { parentId: string | null; status: string }>> {
  const found = new Map<string, { parentId: string | null; status: string }>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db.selectFrom('comments').select(['id', 'parent_id', 'status']).where('id', 'in', unique.slice(i, i + 500)).execute();
    for (const r of rows) found.set(r.id, { parentId: r.parent_id, status: r.status });
  }
  return found;
}

/** What an article's comment feed names of it: its title and slug, while it is published. */
export async function findPublishedArticleTitle(db: Database, id: string): Promise<{ title: string; slug: string; primary_topic_id: string } | undefined> {
  return db.selectFrom('articles').select(['title', 'slug', 'primary_topic_id']).where('id', '=', id).where('status', '=', 'published').executeTakeFirst();
}

/** The article a comment is on, with what its URL is made of. */
export async function findCommentedArticle(db: Database, commentId: string): Promise<{ id: string; status: string; slug: string; topicPath: string } | undefined> {
  const row = await db
    .selectFrom('comments as c')
    .innerJoin('articles as a', 'a.id', 'c.article_id')
    .innerJoin('topics as t', 't.id', 'a.primary_topic_id')
    .select(['a.id', 'a.status', 'a.slug', 't.path'])
    .where('c.id', '=', commentId)
    .executeTakeFirst();
  return row ? { id: row.id, status: row.status, slug: row.slug, topicPath: row.path } : undefined;
}
