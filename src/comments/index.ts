/*
 * The comments feature: all that site/, admin/ and http/ may import. Raw strings from a
 * form go to submitComment and editComment, which check them and answer with field errors;
 * every other use case takes typed values. Staff use cases take an Actor and check
 * moderate_comments. Writes commit, then announce `comments.changed` per article.
 */

// Domain: statuses, reasons, the staff view of a comment, the reader's thread.
export {
  areCommentsOpen,
  bodyHtmlOf,
  type ApprovedCommentRow,
  type Comment,
  commentAnchor,
  commentPermalink,
  COMMENT_STATUSES,
  type CommentNode,
  type CommentStatus,
  type CommentThread,
  commentsCloseAt,
  DEFAULT_THREAD_DEPTH,
  shownCommentIds,
  STATUS_REASONS,
  type StatusReason,
  threadComments,
} from './comment.js';

// Reading: the approved comments of an article, for its page (threadComments builds the tree).
export { listApprovedComments } from './comment.queries.js';

// Formatting: the Markdown-like subset, rendered then sanitized; excerpts cut the raw text.
export { COMMENT_BODY_MAX, COMMENT_LINK_REL, commentExcerpt, linksIn, RENDER_VERSION, renderCommentBody, truncate } from './comment-body.js';

// Avatars drawn locally from a keyed hash of the email (or the name).
export { AVATAR_PALETTE, type CommentAvatar, commentAvatar, initialsOf } from './comment-avatar.js';
export { avatarSeed, emailKeyOf, hashIp, hashIpNetwork } from './comment-hash.js';

// The form's fields and their messages (also for validating at the edge).
export {
  COMMENT_EMAIL_MAX,
  COMMENT_NAME_MAX,
  COMMENT_WEBSITE_MAX,
  CommentBody,
  CommentEmail,
  type CommentField,
  type CommentFieldErrors,
  CommentFields,
  CommentName,
  CommentWebsite,
} from './comment.schema.js';

// Posting.
export { type CommentDeps, type CommentLimits, DEFAULT_COMMENT_LIMITS, type RateWindow } from './comment-deps.js';
export { type RejectedComment, type RejectReason, submitComment, type SubmitCommentInput, type SubmitOutcome } from './submit-comment.js';

// Moderation: bulk status changes, edits, the queue, the block list.
export {
  type CommentEdit,
  editComment,
  type EditOutcome,
  MODERATION_ACTIONS,
  type ModerationAction,
  type ModerationDeps,
  type ModerationResult,
  moderateComment,
  moderateComments,
} from './moderate-comment.js';
export { replyFromQueue } from './reply-from-queue.js';
export { PENDING_COUNT_MAX_AGE_SECONDS, PendingCommentCount } from './pending-comment-count.js';
export {
  type CommentQueue,
  type CommentQueueQuery,
  findCommentById,
  findQueuedComment,
  listCommentQueue,
  QUEUE_PER_PAGE,
  type QueuedComment,
} from './list-comments.js';
export { addBlock, BLOCK_KINDS, type BlockEntry, type BlockKind, listBlocks, removeBlock } from './block-list.js';

// The spam filter: its port, the naive Bayes implementation over spam_tokens, its features.
export { NAIVE_BAYES_DEFAULTS, type NaiveBayesOptions, naiveBayesClassifier, type SpamClassifier, type SpamLabel, type SpamScore } from './spam-classifier.js';
export { type SpamFeatures, spamFeaturesOf } from './spam-features.js';

// Privacy: export and erasure by email, retention of spam and trash.
export { ANONYMOUS_NAME, type CommentExport, eraseCommentsByEmail, type ExportedComment, exportCommentsByEmail, purgeOldComments } from './comment-privacy.js';

// Imports of comments moderated elsewhere (WordPress, the demo site).
export { importComments, importedCommentRows, insertCommentRows, type ImportedComment } from './import-comments.js';

// Notifications: staff told of new comments, commenters of replies (with a one-click way out).
export { type CommentNotificationDeps, notifyOnCommentChanges } from './comment-notifications.js';
export { isReplyUnsubscribeTokenValid, replyUnsubscribeToken, unsubscribeFromReplies } from './comment-unsubscribe.js';
