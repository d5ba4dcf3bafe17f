import { sql } from 'kysely';
import type { Database } from '../../db/database.js';
import { articleUrl, isPublic } from '../../content/index.js';

/** What a public path is: a value, never an exception, so the route decides the answer. */
export type PublicPath =
  | { kind: 'topic'; topicId: string }
  | { kind: 'page'; pageId: string }
  | { kind: 'article'; articleId: string; primaryTopicPath: string }
  | { kind: 'moved'; location: string }
  | { kind: 'gone'; title: string | null; /** the redirect row's path, when one said gone */ fromPath?: string }
  | { kind: 'redirect'; location: string; /** the row's path, whose hits count this one */ fromPath: string }
  | { kind: 'none' };

interface Candidate {
  kind: 'redirect' | 'topic' | 'page' | 'article';
  ref: string;
  topic_path: string | null;
  status: string | null;
  /** the article's title; for a redirect, the path it is from */
  title: string | null;
  code: number | null;
}

/**
 * Resolves the path of a request (already canonical: lower case, trailing slash, valid
 * slugs, first segment not reserved) in one statement. In order: a redirect row (an editor
 * who redirects a live URL means it), a topic, a standalone page (one segment), an article
 * by its slug — at its canonical topic path, or moved there from another.
 */
export async function resolvePublicPath(db: Database, segments: readonly string[]): Promise<PublicPath> {
  const path = segments.join('/');
  const urlPath = `/${path}/`;
  const slug = segments.at(-1)!;
  const { rows } = await sql<Candidate>`
    select 'redirect' as kind, to_path as ref, cast(null as text) as topic_path, cast(null as text) as status, from_path as title, code
      from redirects where from_path in (${urlPath}, ${`/${path}`})
    union all
    select 'topic', id, null, null, null, null from topics where path = ${path}
    union all
    select 'page', id, null, status, null, null from pages where slug = ${segments.length === 1 ? slug : ''}
    union all
    select 'article', a.id, t.path, a.status, a.title, null
      from articles a join topics t on t.id = a.primary_topic_id where a.slug = ${slug}
  `.execute(db);
  const first = (kind: Candidate['kind']) => rows.find((r) => r.kind === kind);

  // A row for the exact spelling wins over one stored without the trailing slash.
  const redirect = rows.find((r) => r.kind === 'redirect' && r.title === urlPath) ?? first('redirect');
  if (redirect) {
    const fromPath = redirect.title!;
    return Number(redirect.code) === 410 ? { kind: 'gone', title: null, fromPath } : { kind: 'redirect', location: redirect.ref, fromPath };
  }
  const topic = first('topic');
  if (topic) return { kind: 'topic', topicId: topic.ref };
  const page = first('page');
  if (page && page.status === 'published') return { kind: 'page', pageId: page.ref };
  const article = first('article');
  if (!article || article.status === null) return { kind: 'none' };
  if (article.status === 'withdrawn') return { kind: 'gone', title: article.title };
  if (!isPublic(article.status)) return { kind: 'none' };
  const topicPath = segments.slice(0, -1).join('/');
  if (topicPath !== article.topic_path) return { kind: 'moved', location: articleUrl(article.topic_path!, slug) };
  return { kind: 'article', articleId: article.ref, primaryTopicPath: article.topic_path! };
}
