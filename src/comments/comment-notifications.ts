import { can, listActiveStaffFor, ROLES, type User } from '../accounts/index.js';
import { findCommentedArticleNotice } from '../content/index.js';
import type { Database } from '../db/database.js';
import type { Clock } from '../shared/clock.js';
import type { DomainEvent } from '../shared/domain-events.js';
import type { MailQueue, OutgoingMail } from '../shared/mail-queue.js';
import type { Comment, StatusReason } from './comment.js';
import { commentExcerpt } from './comment-body.js';
import { emailKeyOf } from './comment-hash.js';
import { claimCommentNotice, findReplyWatcher } from './comment.queries.js';
import { replyUnsubscribeToken } from './comment-unsubscribe.js';
import { findCommentById } from './list-comments.js';

export interface CommentNotificationDeps {
  db: Database;
  clock: Clock;
  /** the outbox; a message it cannot store is reported, never thrown at the comment */
  mail: MailQueue;
  /** the site's secret: unsubscribe links are signed with it */
  hashKey: string;
  /** the site's origin, for links in the mail ("https://news.example.org") */
  siteUrl: string;
  /** told of anything that went wrong; the comment stands regardless */
  onError?: (error: unknown, context: { commentId: string }) => void;
}

/**
 * The reasons a comment is stored with when it is submitted and shown or held: the mark of a
 * new one. Not spam's reasons (block list, filter), not a moderator's decision, not an import.
 */
const SUBMITTED_REASONS: ReadonlySet<StatusReason> = new Set(['first-comment', 'hold-all', 'known-commenter', 'approve-all', 'staff']);
const MODERATOR_ROLES = ROLES.filter((role) => can(role, 'moderate_comments'));
const EXCERPT_LENGTH = 600;

/**
 * Mail about comments, heard after they are committed (`comments.changed`):
 * - a new comment, shown or held (never spam), to the article's authors and the moderators,
 *   the writer excepted; a held one says why and links to the queue;
 * - an approved reply, to the writer of the comment it answers when they asked for replies
 *   (and did not write the reply), with a one-click unsubscribe link.
 * Each notice is claimed in the comment's row first, so it goes once however often the
 * comment is approved or the event heard. No commenter's email address is put in any mail.
 * Nothing here can fail or undo the comment: errors are reported through onError.
 */
export function notifyOnCommentChanges(deps: CommentNotificationDeps): (event: DomainEvent) => Promise<void> {
  return async (event) => {
    if (event.type !== 'comments.changed') return;
    for (const commentId of event.commentIds) {
      try {
        const comment = await findCommentById(deps.db, commentId);
        if (!comment) continue;
        await tellStaffOfNewComment(deps, comment);
        await tellParentOfReply(deps, comment);
      } catch (error) {
        deps.onError?.(error, { commentId });
      }
    }
  };
}

async function tellStaffOfNewComment(deps: CommentNotificationDeps, comment: Comment): Promise<void> {
  const isNew = SUBMITTED_REASONS.has(comment.statusReason) && comment.editedAt === null;
  if (!isNew || !(await claimCommentNotice(deps.db, comment.id, 'notified_at', deps.clock.now().toISOString()))) return;
  const article = await articleOf(deps, comment.articleId);
  if (!article) return;
  const writerKey = emailKeyOf(comment.authorEmail);
  const recipients = (await listActiveStaffFor(deps.db, MODERATOR_ROLES, article.authorIds)).filter(
    (user: User) => user.id !== comment.userId && emailKeyOf(user.email) !== writerKey,
  );
  const isHeld = comment.status === 'pending';
  const excerpt = commentExcerpt(comment.body, EXCERPT_LENGTH);
  const text = isHeld
    ? [
        `${comment.authorName} left a comment on “${article.title}” that is waiting for a moderator.`,
        '',
        `Why it was held: ${comment.statusNote}`,
        '',
        excerpt,
        '',
        `Approve or reject it in the queue: ${deps.siteUrl}/admin/comments/?status=pending`,
      ]
    : [
        `${comment.authorName} commented on “${article.title}”:`,
        '',
        excerpt,
        '',
        `Read it on the site: ${deps.siteUrl}/comments/${comment.id}/`,
        `Moderate comments: ${deps.siteUrl}/admin/comments/`,
      ];
  const subject = `${isHeld ? 'Comment held for moderation on' : 'New comment on'} “${subjectTitle(article.title)}”`;
  for (const user of recipients) await send(deps, comment.id, { to: user.email, subject, text: text.join('\n') });
}

async function tellParentOfReply(deps: CommentNotificationDeps, reply: Comment): Promise<void> {
  if (reply.status !== 'approved' || !reply.parentId) return;
  const parent = await findReplyWatcher(deps.db, reply.parentId);
  // An erased parent has no email; one's own reply needs no mail.
  if (!parent?.notifyReplies || !parent.emailKey || parent.emailKey === emailKeyOf(reply.authorEmail)) return;
  if (!(await claimCommentNotice(deps.db, reply.id, 'reply_notified_at', deps.clock.now().toISOString()))) return;
  const article = await articleOf(deps, reply.articleId);
  if (!article) return;
  const unsubscribe = `${deps.siteUrl}/comments/unsubscribe?token=${replyUnsubscribeToken(deps.hashKey, parent.id, parent.emailKey)}`;
  const text = [
    `Hello ${parent.name},`,
    '',
    `${reply.authorName} replied to your comment on “${article.title}”:`,
    '',
    commentExcerpt(reply.body, EXCERPT_LENGTH),
    '',
    `Read the reply: ${deps.siteUrl}/comments/${reply.id}/`,
    '',
    'You get this email because you asked to be told of replies to your comments.',
    `To stop these emails, open: ${unsubscribe}`,
  ];
  await send(deps, reply.id, { to: parent.email, subject: `A reply to your comment on “${subjectTitle(article.title)}”`, text: text.join('\n'), listUnsubscribeUrl: unsubscribe });
}

async function articleOf(deps: CommentNotificationDeps, articleId: string): Promise<{ title: string; authorIds: string[] } | null> {
  return findCommentedArticleNotice(deps.db, articleId);
}

/** One message to the outbox; a failure to store it is reported and the others still go. */
async function send(deps: CommentNotificationDeps, commentId: string, mail: OutgoingMail): Promise<void> {
  try {
    if (!(await deps.mail.queue(mail))) deps.onError?.(new Error(`the outbox did not store a comment notice to ${mail.to}`), { commentId });
  } catch (error) {
    deps.onError?.(error, { commentId });
  }
}

/** A title for a subject line: one line, not too long. */
function subjectTitle(title: string): string {
  const line = title.replace(/\s+/g, ' ').trim();
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}
