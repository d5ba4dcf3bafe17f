import { can, listActiveStaffFor, ROLES, type User } from '../accounts/index.js';
import { findCommentedArticleNotice } from '../content/index.js';
import type { Database } from '../db/database.js';
import type { Clock } from '../shared/clock.js';
import type { DomainEvent } from '../shared/domain-events.js';
import type { MailQueue, OutgoingMail } from '../shared/mail-queue.js';
import { commentPermalink, type Comment, type StatusReason } from './comment.js';
import { commentExcerpt } from './comment-body.js';
import { emailKeyOf } from './comment-hash.js';
import { claimCommentNotice, findReplyWatcher } from './comment.queries.js';
import { replyUnsubscribeToken } from './comment-unsubscribe.js';
import { findCommentById } from './list-comments.js';

export interface CommentNotificationDeps {
  db: Database;
  clock: Clock;
  /** the outbox; a notice it cannot store is reported, never thrown at the comment */
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

/** One notice: the comment's column that claims it, and its messages. */
interface Notice {
  claim: 'notified_at' | 'reply_notified_at';
  mails: OutgoingMail[];
}

/**
 * Mail about comments, heard after they are committed (`comments.changed`):
 * - a new comment, shown or held (never spam), to the article's authors and the moderators,
 *   the writer excepted; a held one says why and links to the queue;
 * - an approved reply, to the writer of the comment it answers when they asked for replies
 *   (and did not write the reply), with a one-click unsubscribe link.
 * Each notice is claimed in the comment's row, so it goes once however often the comment is
 * approved or the event heard; the claims and every message they send are stored in one
 * transaction (one commit, however many staff). No commenter's email address is put in any
 * mail. Nothing here can fail or undo the comment: errors are reported through onError, and
 * a notice whose messages could not be stored is not claimed either.
 */
export function notifyOnCommentChanges(deps: CommentNotificationDeps): (event: DomainEvent) => Promise<void> {
  return async (event) => {
    if (event.type !== 'comments.changed') return;
    for (const commentId of event.commentIds) {
      try {
        const comment = await findCommentById(deps.db, commentId);
        if (!comment) continue;
        const notices = [await staffNoticeOf(deps, comment), await replyNoticeOf(deps, comment)].filter((n): n is Notice => n !== null && n.mails.length > 0);
        if (notices.length > 0) await claimAndQueue(deps, comment.id, notices);
      } catch (error) {
        deps.onError?.(error, { commentId });
      }
    }
  };
}

/**
 * Each notice claimed and its messages queued, all in one transaction: a notice already
 * claimed (sent before) queues nothing; a failure to store the messages rolls its claim back.
 */
async function claimAndQueue(deps: CommentNotificationDeps, commentId: string, notices: readonly Notice[]): Promise<void> {
  const at = deps.clock.now().toISOString();
  const refused = await deps.db.transaction().execute(async (trx) => {
    const refused: OutgoingMail[] = [];
    for (const notice of notices) {
      if (await claimCommentNotice(trx, commentId, notice.claim, at)) refused.push(...(await deps.mail.queueWithin(trx, notice.mails)).refused);
    }
    return refused;
  });
  for (const mail of refused) deps.onError?.(new Error(`the outbox did not store a comment notice to ${mail.to}`), { commentId });
}

async function staffNoticeOf(deps: CommentNotificationDeps, comment: Comment): Promise<Notice | null> {
  const isNew = SUBMITTED_REASONS.has(comment.statusReason) && comment.editedAt === null;
  if (!isNew) return null;
  const article = await articleOf(deps, comment.articleId);
  if (!article) return null;
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
        `Read it on the site: ${deps.siteUrl}${commentPermalink(comment.id)}`,
        `Moderate comments: ${deps.siteUrl}/admin/comments/`,
      ];
  const subject = `${isHeld ? 'Comment held for moderation on' : 'New comment on'} “${subjectTitle(article.title)}”`;
  return { claim: 'notified_at', mails: recipients.map((user) => ({ to: user.email, subject, text: text.join('\n') })) };
}

async function replyNoticeOf(deps: CommentNotificationDeps, reply: Comment): Promise<Notice | null> {
  if (reply.status !== 'approved' || !reply.parentId) return null;
  const parent = await findReplyWatcher(deps.db, reply.parentId);
  // An erased parent has no email; one's own reply needs no mail.
  if (!parent?.notifyReplies || !parent.emailKey || parent.emailKey === emailKeyOf(reply.authorEmail)) return null;
  const article = await articleOf(deps, reply.articleId);
  if (!article) return null;
  const unsubscribe = `${deps.siteUrl}/comments/unsubscribe?token=${replyUnsubscribeToken(deps.hashKey, parent.id, parent.emailKey)}`;
  const text = [
    `Hello ${parent.name},`,
    '',
    `${reply.authorName} replied to your comment on “${article.title}”:`,
    '',
    commentExcerpt(reply.body, EXCERPT_LENGTH),
    '',
    `Read the reply: ${deps.siteUrl}${commentPermalink(reply.id)}`,
    '',
    'You get this email because you asked to be told of replies to your comments.',
    `To stop these emails, open: ${unsubscribe}`,
  ];
  return {
    claim: 'reply_notified_at',
    mails: [{ to: parent.email, subject: `A reply to your comment on “${subjectTitle(article.title)}”`, text: text.join('\n'), listUnsubscribeUrl: unsubscribe }],
  };
}

async function articleOf(deps: CommentNotificationDeps, articleId: string): Promise<{ title: string; authorIds: string[] } | null> {
  return findCommentedArticleNotice(deps.db, articleId);
}

/** A title for a subject line: one line, not too long. */
function subjectTitle(title: string): string {
  const line = title.replace(/\s+/g, ' ').trim();
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}
