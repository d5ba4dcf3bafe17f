import { findUserBySlug } from '../../accounts/index.js';
import type { Database } from '../../db/database.js';
import { NotFoundError } from '../../shared/errors.js';
import { findTagBySlug, findTopicByPath, tagUrl, topicUrl } from '../../taxonomy/index.js';
import { type ArticleSummary, authorUrl } from '../../content/article.js';
import { listFromListing, listLatestPublished } from './article-reads.queries.js';
import { toSummaries } from './article-summaries.js';
import type { ListKind } from '../../content/listing.queries.js';

export const FEED_SIZE = 20;

export type FeedScope = { kind: 'site' } | { kind: 'topic'; path: string } | { kind: 'tag'; slug: string } | { kind: 'author'; slug: string };

export interface FeedEntry extends ArticleSummary {
  body: string;
}

export interface FeedData {
  /** the list the feed follows: null for the whole site */
  list: { kind: ListKind; id: string; name: string; url: string } | null;
  entries: FeedEntry[];
}

/** The newest articles of the site or of one list, with their bodies, for RSS/Atom/JSON Feed. */
export async function loadFeed(db: Database, scope: FeedScope): Promise<FeedData> {
  const window = { limit: FEED_SIZE, offset: 0 };
  const list = await resolveList(db, scope);
  const rows = list ? await listFromListing(db, list.kind, list.id, window) : await listLatestPublished(db, window);
  const summaries = await toSummaries(db, rows);
  const bodies = new Map(
    rows.length
      ? (await db.selectFrom('articles').select(['id', 'body']).where('id', 'in', rows.map((r) => r.id)).execute()).map((r) => [r.id, r.body])
      : [],
  );
  return { list, entries: summaries.map((s) => ({ ...s, body: bodies.get(s.id) ?? '' })) };
}

async function resolveList(db: Database, scope: FeedScope): Promise<FeedData['list']> {
  switch (scope.kind) {
    case 'site':
      return null;
    case 'topic': {
      const topic = await findTopicByPath(db, scope.path);
      if (!topic) throw new NotFoundError('topic', scope.path);
      return { kind: 'topic', id: topic.id, name: topic.name, url: topicUrl(topic.path) };
    }
    case 'tag': {
      const tag = await findTagBySlug(db, scope.slug);
      if (!tag) throw new NotFoundError('tag', scope.slug);
      return { kind: 'tag', id: tag.id, name: tag.name, url: tagUrl(tag.slug) };
    }
    case 'author': {
      const user = await findUserBySlug(db, scope.slug);
      if (!user) throw new NotFoundError('author', scope.slug);
      return { kind: 'author', id: user.id, name: user.name, url: authorUrl(user.slug) };
    }
  }
}
