import { lockCommentCounts, recordCommentCount } from '../content/index.js';
import type { Database } from '../db/database.js';
import type { CommentsChanged } from '../shared/domain-events.js';
import type { EventSink } from '../shared/events.js';
import { findShownCommentIds } from './comment.queries.js';

export interface CommentWriteResult {
  /** per article, the comments written (inserted, moved, removed, edited) */
  touched: Map<string, string[]>;
  /** comments whose words or author changed: the thread differs if one of them is shown */
  editedIds?: readonly string[];
}

/**
 * Runs a write to comments in one transaction with what must follow it. The articles' rows
 * are locked first, so writers to one article's comments take turns. Then each touched
 * article's count (the comments readers see) is recounted in the same transaction, so cards
 * never disagree with the thread. After the commit, one event per touched article says
 * whether its thread and its count changed; the page cache drops exactly what they show.
 * `isShownUnchanged` is the caller's promise that no comment readers see is touched (a held
 * comment inserted): the thread is then neither read nor recounted.
 */
export async function writeComments<T extends CommentWriteResult>(
  deps: { db: Database; events: EventSink<CommentsChanged> },
  articleIds: readonly string[],
  write: (trx: Database) => Promise<T>,
  options: { isShownUnchanged?: boolean } = {},
): Promise<{ result: T; events: CommentsChanged[] }> {
  const articles = [...new Set(articleIds)];
  const { result, events } = await deps.db.transaction().execute(async (trx) => {
    await lockCommentCounts(trx, articles);
    const before = new Map<string, Set<string>>();
    if (!options.isShownUnchanged) for (const id of articles) before.set(id, await findShownCommentIds(trx, id));
    const result = await write(trx);
    const events: CommentsChanged[] = [];
    for (const [articleId, commentIds] of result.touched) {
      if (commentIds.length === 0) continue;
      if (!articles.includes(articleId)) throw new Error(`comment write touched article ${articleId}, which it did not name`);
      if (options.isShownUnchanged) {
        events.push({ type: 'comments.changed', articleId, isThreadChanged: false, isCountChanged: false, commentIds });
        continue;
      }
      const was = before.get(articleId)!;
      const now = await findShownCommentIds(trx, articleId);
      const isCountChanged = was.size !== now.size;
      const isSetChanged = isCountChanged || [...now].some((id) => !was.has(id));
      const isEditShown = (result.editedIds ?? []).some((id) => now.has(id) || was.has(id));
      // Written every time, so a count that drifted (an import, a hand edit) is made exact again.
      await recordCommentCount(trx, articleId, now.size);
      events.push({ type: 'comments.changed', articleId, isThreadChanged: isSetChanged || isEditShown, isCountChanged, commentIds });
    }
    return { result, events };
  });
  for (const event of events) await deps.events.emit(event);
  return { result, events };
}
