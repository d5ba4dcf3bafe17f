import { type Actor, assertCan } from '../accounts/index.js';
import { NotFoundError } from '../shared/errors.js';
import type { CommentDeps } from './comment-deps.js';
import { findCommentRow } from './comment.queries.js';
import { moderateComments } from './moderate-comment.js';
import { submitComment, type SubmitOutcome } from './submit-comment.js';

/**
 * A moderator answers a comment from the queue, under their own account (WordPress's
 * "Approve and reply"): a held comment is approved first, since a reply must answer
 * something readers can see. Spam and trash are not answered. The reply itself follows
 * submitComment's rules for staff (a closed article refuses it too).
 */
export async function replyFromQueue(
  deps: CommentDeps,
  actor: Actor,
  parentId: string,
  reply: { body: string; ip: string; userAgent?: string },
): Promise<SubmitOutcome> {
  assertCan(actor, 'moderate_comments', 'reply from the comment queue');
  const parent = await findCommentRow(deps.db, parentId);
  if (!parent) throw new NotFoundError('comment', parentId);
  if (parent.status === 'pending') await moderateComments(deps, actor, [parentId], 'approve');
  return submitComment(deps, {
    articleId: parent.article_id,
    parentId,
    userId: actor.id,
    name: '',
    email: '',
    body: reply.body,
    ip: reply.ip,
    ...(reply.userAgent === undefined ? {} : { userAgent: reply.userAgent }),
  });
}
