import { recordCommentCount } from '../content/index.js';
import { NotFoundError } from '../shared/errors.js';
import type { WriteDeps } from '../shared/write-deps.js';
import type { CommentStatus } from './comment.js';
import { countApprovedComments, findCommentById, setCommentStatus } from './comment.queries.js';

/**
 * Approves, holds, marks as spam or trashes a comment. The article's approved count, shown
 * on its cards, follows in the same transaction; readers see the change once it is announced.
 */
export async function moderateComment(deps: WriteDeps, commentId: string, status: CommentStatus): Promise<void> {
  const comment = await findCommentById(deps.db, commentId);
  if (!comment) throw new NotFoundError('comment', commentId);
  if (comment.status === status) return;
  await deps.db.transaction().execute(async (trx) => {
    await setCommentStatus(trx, commentId, status);
    await recordCommentCount(trx, comment.article_id, await countApprovedComments(trx, comment.article_id));
  });
  await deps.events.emit({ type: 'comments.changed', articleId: comment.article_id });
}
