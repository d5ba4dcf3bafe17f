import { sql } from 'kysely';
import { articleUrl, isPublic } from '../../content/article.js';
import type { Database } from '../../db/database.js';
import { SUMMARY_COLUMNS, type SummaryRow } from './article-reads.queries.js';

/** A topic, tag or author named on an article page, from one statement. */
export interface NamedRow {
  kind: 'topic' | 'trail' | 'tag' | 'author';
  id: string;
  name: string;
  slug: string;
  /** topics: their URL path; others: null */
  path: string | null;
  depth: number | null;
  /** topics: JSON list of aliases */
  aliases: string | null;
  position: number;
}

/**
 * Everything an article page names, in one statement: its topics, the trail of its primary
 * topic (every ancestor path, root first), its tags and its authors, each in its order.
 */
export async function namesOfArticle(db: Database, articleId: string, trailPaths: readonly string[]): Promise<NamedRow[]> {
  const paths = trailPaths.length > 0 ? trailPaths : [''];
  const { rows } = await sql<NamedRow>`
    select 'topic' as kind, t.id, t.name, t.slug, t.path, t.depth, t.aliases, 0 as position
      from article_topics x join topics t on t.id = x.topic_id where x.article_id = ${articleId}
    union all
    select 'trail', t.id, t.name, t.slug, t.path, t.depth, t.aliases, t.depth
      from topics t where t.path in (${sql.join(paths)})
    union all
    select 'tag', g.id, g.name, g.slug, null, null, null, x.position
      from article_tags x join tags g on g.id = x.tag_id where x.article_id = ${articleId}
    union all
    select 'author', u.id, u.name, u.slug, null, null, null, x.position
      from article_authors x join users u on u.id = x.user_id where x.article_id = ${articleId}
  `.execute(db);
  return rows.map((r) => ({ ...r, depth: r.depth === null ? null : Number(r.depth), position: Number(r.position) })).sort((a, b) => a.position - b.position);
}

/** "You may also like": the published articles an article's related list names, best first. */
export async function relatedSummaryRows(db: Database, articleId: string): Promise<SummaryRow[]> {
  return db
    .selectFrom('article_related')
    .innerJoin('articles', 'articles.id', 'article_related.related_id')
    .select(SUMMARY_COLUMNS)
    .where('article_related.article_id', '=', articleId)
    .where('articles.status', '=', 'published')
    .orderBy('article_related.rank')
    .execute();
}

/** The bylines of many articles at once: authors' ids, names and slugs in byline order. */
export async function bylinesOf(db: Database, articleIds: readonly string[]): Promise<Map<string, { id: string; name: string; slug: string }[]>> {
  const result = new Map<string, { id: string; name: string; slug: string }[]>(articleIds.map((id) => [id, []]));
  if (articleIds.length === 0) return result;
  const rows = await db
    .selectFrom('article_authors')
    .innerJoin('users', 'users.id', 'article_authors.user_id')
    .select(['article_authors.article_id', 'users.id', 'users.name', 'users.slug'])
    .where('article_authors.article_id', 'in', [...articleIds])
    .orderBy('article_authors.article_id')
    .orderBy('article_authors.position')
    .execute();
  for (const r of rows) result.get(r.article_id)?.push({ id: r.id, name: r.name, slug: r.slug });
  return result;
}

/** A published article's id, title and public path (`/topic/…/slug/`), or null when readers cannot see it. */
export async function findPublishedArticleLink(db: Database, articleId: string): Promise<{ id: string; title: string; path: string } | null> {
  const row = await db
    .selectFrom('articles')
    .innerJoin('topics', 'topics.id', 'articles.primary_topic_id')
    .select(['articles.id', 'articles.title', 'articles.slug', 'articles.status', 'topics.path'])
    .where('articles.id', '=', articleId)
    .executeTakeFirst();
  return row && isPublic(row.status) && row.path ? { id: row.id, title: row.title, path: articleUrl(row.path, row.slug) } : null;
}
