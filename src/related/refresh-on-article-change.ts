import type { Database } from '../db/database.js';
import type { DomainEvent } from '../shared/domain-events.js';
import type { EventSink } from '../shared/events.js';
import { refreshRelatedArticles } from './refresh-related-articles.js';

export interface RelatedSubscriberDeps {
  db: Database;
  events: EventSink<DomainEvent>;
  /** told of a refresh that failed, and whether it will be tried again */
  onFailure: (error: unknown, articleId: string, willRetry: boolean) => void;
  /** how long to wait before the one retry; a failure after it is left to `rebuildAllRelated` */
  retryDelayMs?: number;
}

/**
 * Related articles react to article changes: the changed article's list and its closest
 * neighbours' lists are recomputed after the article's own write has committed, and the
 * lists that differ are announced, so the page cache drops those articles' pages. A failed
 * refresh never undoes or hides the article's write: it is logged, tried once more later,
 * and otherwise left to the next full rebuild.
 */
export function refreshRelatedOnArticleChange(deps: RelatedSubscriberDeps): (event: DomainEvent) => Promise<void> | void {
  const retryDelayMs = deps.retryDelayMs ?? 30_000;
  const refresh = async (articleId: string) => {
    const { changedArticleIds } = await refreshRelatedArticles(deps.db, articleId);
    if (changedArticleIds.length > 0) await deps.events.emit({ type: 'related.changed', articleIds: changedArticleIds });
  };
  return async (event) => {
    if (event.type !== 'article.changed') return;
    try {
      await refresh(event.articleId);
    } catch (error) {
      deps.onFailure(error, event.articleId, true);
      const retry = setTimeout(() => {
        refresh(event.articleId).catch((again: unknown) => deps.onFailure(again, event.articleId, false));
      }, retryDelayMs);
      retry.unref();
    }
  };
}
