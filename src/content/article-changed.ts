import type { ArticleChanged } from '../shared/domain-events.js';
import { isPublic } from './article.js';
import type { ListMemberships } from './listing.queries.js';

/** An article as a write found or left it: its status, publish time and the lists it was filed on. */
export interface ArticleState {
  slug: string;
  status: string;
  publishedAt: string | null;
  lists: ListMemberships;
}

/**
 * The one way an `article.changed` event is built, by single and bulk saves alike: every
 * list the article was on (when public before) or is on now (when public now), so a move
 * drops both the old and the new lists. `before` is null for a new article.
 */
export function articleChanged(articleId: string, before: ArticleState | null, after: ArticleState): ArticleChanged {
  const wasPublic = before !== null && isPublic(before.status);
  const nowPublic = isPublic(after.status);
  const was = wasPublic ? before.lists : { topicIds: [], tagIds: [], authorIds: [] };
  const now = nowPublic ? after.lists : { topicIds: [], tagIds: [], authorIds: [] };
  return {
    type: 'article.changed',
    articleId,
    slug: after.slug,
    wasPublic,
    isPublic: nowPublic,
    topicIds: union(was.topicIds, now.topicIds),
    tagIds: union(was.tagIds, now.tagIds),
    authorIds: union(was.authorIds, now.authorIds),
    publishedAts: union(wasPublic && before.publishedAt ? [before.publishedAt] : [], nowPublic && after.publishedAt ? [after.publishedAt] : []),
  };
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}
