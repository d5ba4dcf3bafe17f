import type { Database } from '../../db/database.js';
import { listAllTags, listAllTopics, tagUrl, topicUrl } from '../../taxonomy/index.js';
import { articleUrl, authorUrl } from '../../content/article.js';
import { countPublished, listNonEmptyLists, listSitemapRows } from './article-reads.queries.js';
import { listPublishedPages } from '../../content/page.queries.js';

export interface SitemapUrl {
  path: string;
  lastModified: Date | null;
}

export async function countSitemapArticles(db: Database): Promise<number> {
  return countPublished(db);
}

export async function loadSitemapArticles(db: Database, offset: number, limit: number): Promise<SitemapUrl[]> {
  const rows = await listSitemapRows(db, { offset, limit });
  return rows.map((r) => ({ path: articleUrl(r.path, r.slug), lastModified: new Date(r.updated_at) }));
}

/** The home page, every topic, tag and author with articles, and the standalone pages. */
export async function loadSitemapSections(db: Database): Promise<SitemapUrl[]> {
  const [lists, topics, tags, pages, authors] = await Promise.all([
    listNonEmptyLists(db),
    listAllTopics(db),
    listAllTags(db),
    listPublishedPages(db),
    db.selectFrom('users').select(['id', 'slug']).execute(),
  ]);
  const latest = new Map(lists.map((l) => [`${l.list_kind}:${l.list_id}`, new Date(l.latest as string)]));
  const newest = [...latest.values()].reduce<Date | null>((a, b) => (!a || b > a ? b : a), null);
  const of = (kind: string, id: string) => latest.get(`${kind}:${id}`);
  return [
    { path: '/', lastModified: newest },
    ...topics.flatMap((t) => (of('topic', t.id) ? [{ path: topicUrl(t.path), lastModified: of('topic', t.id)! }] : [])),
    ...tags.flatMap((t) => (of('tag', t.id) ? [{ path: tagUrl(t.slug), lastModified: of('tag', t.id)! }] : [])),
    ...authors.flatMap((u) => (of('author', u.id) ? [{ path: authorUrl(u.slug), lastModified: of('author', u.id)! }] : [])),
    ...pages.map((p) => ({ path: `/${p.slug}/`, lastModified: new Date(p.updated_at) })),
  ];
}
