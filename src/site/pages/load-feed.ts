import type { Database } from '../../db/database.js';
import { GoneError, MovedError, NotFoundError } from '../../shared/errors.js';
import { findTopicByPath, tagUrl, topicUrl } from '../../taxonomy/index.js';
import { findListRedirect, type ListPath, resolveAuthorPath, resolveTagPath } from './resolve-list-path.js';
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

/**
 * The newest articles of the site or of one list, with their bodies, for RSS/Atom/JSON Feed.
 * A list's feed follows the list's redirect row (a merged tag, a moved topic): `feedPath` is
 * the feed's place below the list ("feed/", "feed/atom/"), kept on the new list.
 */
export async function loadFeed(db: Database, scope: FeedScope, feedPath = 'feed/'): Promise<FeedData> {
  const window = { limit: FEED_SIZE, offset: 0 };
  const list = await resolveList(db, scope, feedPath);
  const rows = list ? await listFromListing(db, list.kind, list.id, window) : await listLatestPublished(db, window);
  const summaries = await toSummaries(db, rows);
  const bodies = new Map(
    rows.length
      ? (await db.selectFrom('articles').select(['id', 'body']).where('id', 'in', rows.map((r) => r.id)).execute()).map((r) => [r.id, r.body])
      : [],
  );
  return { list, entries: summaries.map((s) => ({ ...s, body: bodies.get(s.id) ?? '' })) };
}

async function resolveList(db: Database, scope: FeedScope, feedPath: string): Promise<FeedData['list']> {
  switch (scope.kind) {
    case 'site':
      return null;
    case 'topic': {
      const topic = await findTopicByPath(db, scope.path);
      // Only a missing topic costs the redirect lookup: a moved one leaves a row at its old path.
      if (!topic) return followListRedirect(await findListRedirect(db, topicUrl(scope.path)), feedPath, `topic ${scope.path}`);
      return { kind: 'topic', id: topic.id, name: topic.name, url: topicUrl(topic.path) };
    }
    case 'tag': {
      const found = await resolveTagPath(db, scope.slug);
      if (found.kind !== 'found') return followListPath(found, feedPath, `tag ${scope.slug}`);
      return { kind: 'tag', id: found.item.id, name: found.item.name, url: tagUrl(found.item.slug) };
    }
    case 'author': {
      const found = await resolveAuthorPath(db, scope.slug);
      if (found.kind !== 'found') return followListPath(found, feedPath, `author ${scope.slug}`);
      return { kind: 'author', id: found.item.id, name: found.item.name, url: authorUrl(found.item.slug) };
    }
  }
}

function followListPath(found: Exclude<ListPath<unknown>, { kind: 'found' }>, feedPath: string, what: string): never {
  if (found.kind === 'none') throw new NotFoundError('feed', what);
  return followListRedirect(found.kind === 'gone' ? { toPath: '', code: 410 } : { toPath: found.location, code: 301 }, feedPath, what);
}

/** The list moved on this site: its feed moves with it; it is gone: so is its feed. A list sent off-site takes no feed along. */
function followListRedirect(redirect: { toPath: string; code: number } | null, feedPath: string, what: string): never {
  if (redirect?.code === 410) throw new GoneError('feed', what);
  if (redirect && /^\/(?:[a-z0-9-]+\/)*$/.test(redirect.toPath) && redirect.toPath !== '/') throw new MovedError(`${redirect.toPath}${feedPath}`);
  throw new NotFoundError('feed', what);
}
