/*
 * Which URLs to measure, read from the site's own database (read only) so the benchmark
 * follows whatever the seed wrote rather than hard-coded slugs.
 */
import Database from 'better-sqlite3';
import { databaseFile } from './sites.js';

export type PageName = 'home' | 'topic' | 'article' | 'feed';

export interface SitePages {
  /** path per page, e.g. { article: '/world/levant/some-slug/' } */
  paths: Record<PageName, string>;
  articleWords: number;
  topicArticles: number;
  publishedArticles: number;
}

export function discoverPages(dataDir: string): SitePages {
  const db = new Database(databaseFile(dataDir), { readonly: true, fileMustExist: true });
  try {
    // The longest article: the heaviest page to render, and the one nginx serves as the reference.
    const article = db
      .prepare<[], { slug: string; path: string; word_count: number }>(
        `select a.slug, t.path, a.word_count from articles a join topics t on t.id = a.primary_topic_id
         where a.status = 'published' order by a.word_count desc limit 1`,
      )
      .get();
    // A top-level topic's listing holds its descendants' articles too; the fullest one is the slowest list.
    const topic = db
      .prepare<[], { path: string; n: number }>(
        `select t.path, count(*) as n from article_listings l join topics t on t.id = l.list_id
         where l.list_kind = 'topic' and t.parent_id is null group by t.id, t.path order by n desc limit 1`,
      )
      .get();
    const published = db.prepare<[], { n: number }>(`select count(*) as n from articles where status = 'published'`).get();
    if (!article || !topic) throw new Error(`${dataDir}: no published article or topic listing; is the site seeded?`);
    return {
      paths: { home: '/', topic: `/${topic.path}/`, article: `/${article.path}/${article.slug}/`, feed: '/feed/' },
      articleWords: article.word_count,
      topicArticles: topic.n,
      publishedArticles: published?.n ?? 0,
    };
  } finally {
    db.close();
  }
}
