import type { Database } from '../db/database.js';
import type { DomainEvent } from '../shared/domain-events.js';
import type { EventSink } from '../shared/events.js';
import { refreshRelatedArticles, refreshRelatedOfTag } from './refresh-related-articles.js';

export interface RelatedSubscriberDeps {
  db: Database;
  events: EventSink<DomainEvent>;
  /** told of a refresh that failed (of an article, or of a merged tag's articles), and whether it will be tried again */
  onFailure: (error: unknown, subjectId: string, willRetry: boolean) => void;
  /** how long to wait before the one retry; a failure after it is left to `rebuildAllRelated` */
  retryDelayMs?: number;
}

/**
 * Related articles react to article changes: the changed article's list and its closest
 * neighbours' lists are recomputed after the article's own write has committed, and the
 * lists that differ are announced, so the page cache drops those articles' pages. A tag
 * merge changes which articles share a tag, so the lists of the kept tag's articles are
 * recomputed the same way (tag.changed with `mergedIntoId`). A failed
 * refresh never undoes or hides the article's write: it is logged, tried once more later,
 * and otherwise left to the next full rebuild.
 */
export function refreshRelatedOnArticleChange(deps: RelatedSubscriberDeps): (event: DomainEvent) => Promise<void> | void {
  const retryDelayMs = deps.retryDelayMs ?? 30_000;
  const announce = async (changedArticleIds: string[]) => {
    if (changedArticleIds.length > 0) await deps.events.emit({ type: 'related.changed', articleIds: changedArticleIds });
  };
  const withRetry = async (work: () => Promise<void>, subjectId: string) => {
    try {
      await work();
    } catch (error) {
      deps.onFailure(error, subjectId, true);
      const retry = setTimeout(() => {
        work().catch((again: unknown) => deps.onFailure(again, subjectId, false));
      }, retryDelayMs);
      retry.unref();
    }
  };
  return async (event) => {
    if (event.type === 'article.changed') {
      const { articleId } = event;
      await withRetry(async () => announce((await refreshRelatedArticles(deps.db, articleId)).changedArticleIds), articleId);
    } else if (event.type === 'tag.changed' && event.mergedIntoId !== undefined) {
      const tagId = event.mergedIntoId;
      await withRetry(async () => announce((await refreshRelatedOfTag(deps.db, tagId)).changedArticleIds), tagId);
    }
  };
}
