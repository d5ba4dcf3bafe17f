import { type Actor, assertCan, SYSTEM_ACTOR } from '../accounts/index.js';
import type { Database } from '../db/database.js';
import { toStoredTime } from '../shared/clock.js';
import type { CommentsChanged } from '../shared/domain-events.js';
import { NotFoundError } from '../shared/errors.js';
import type { WriteDeps } from '../shared/write-deps.js';
import type { Comment, CommentStatus } from './comment.js';
import { avatarSeed, emailKeyOf } from './comment-hash.js';
import { RENDER_VERSION, renderCommentBody } from './comment-body.js';
import { type CommentFieldErrors, CommentFields, fieldErrorsOf } from './comment.schema.js';
import { deleteCommentsKeepingReplies, findCommentRow, findCommentRows, setCommentStatus, setTrainedAs, toComment, updateCommentFields } from './comment.queries.js';
import type { CommentRow } from './comment.table.js';
import { writeComments } from './comment-writes.js';
import { naiveBayesClassifier, type SpamClassifier, type SpamLabel } from './spam-classifier.js';
import { spamFeaturesOf } from './spam-features.js';

export const MODERATION_ACTIONS = ['approve', 'unapprove', 'spam', 'trash', 'delete'] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

/** What moderation is given: a write's deps, and the spam filter it teaches (naive Bayes by default). */
export interface ModerationDeps extends WriteDeps {
  spamFilter?: (db: Database) => SpamClassifier;
  /** the site's secret, for the avatar seed of an edited email; without it the avatar follows the name */
  hashKey?: string;
}

export interface ModerationResult {
  /** comments whose status changed (or that were deleted) */
  changedIds: string[];
  /** comments that already had that status */
  unchangedIds: string[];
  /** ids that name no comment */
  missingIds: string[];
  events: CommentsChanged[];
}

const TARGET: Record<Exclude<ModerationAction, 'delete'>, CommentStatus> = { approve: 'approved', unapprove: 'pending', spam: 'spam', trash: 'trash' };
const NOTE: Record<ModerationAction, string> = {
  approve: 'Approved by a moderator.',
  unapprove: 'Returned to the queue by a moderator.',
  spam: 'Marked as spam by a moderator.',
  trash: 'Moved to the trash by a moderator.',
  delete: '',
};
// What the spam filter learns from a decision: approving says "not spam", marking says "spam".
const LESSON: Partial<Record<ModerationAction, SpamLabel>> = { approve: 'ham', spam: 'spam' };

/**
 * Approves, unapproves (back to pending), marks as spam, trashes or deletes for good a set
 * of comments, as one transaction: the statuses, each article's count, and what the spam
 * filter learns from the decision commit together. A deleted comment's replies move up a
 * level. One event per article touched, after the commit.
 */
export async function moderateComments(deps: ModerationDeps, actor: Actor, ids: readonly string[], action: ModerationAction): Promise<ModerationResult> {
  assertCan(actor, 'moderate_comments', 'moderate comments');
  const wanted = [...new Set(ids)];
  const articleIds = (await findCommentRows(deps.db, wanted)).map((r) => r.article_id);
  const at = toStoredTime(deps.clock.now());
  const { result, events } = await writeComments(deps, articleIds, async (trx) => {
    const rows = await findCommentRows(trx, wanted);
    const found = new Set(rows.map((r) => r.id));
    const changing = action === 'delete' ? rows : rows.filter((r) => r.status !== TARGET[action]);
    if (action === 'delete') await deleteCommentsKeepingReplies(trx, changing.map((r) => r.id));
    else await setCommentStatus(trx, changing.map((r) => r.id), { status: TARGET[action], reason: 'moderator', note: NOTE[action], atIso: at });
    const lesson = LESSON[action];
    if (lesson) await teach(deps, trx, changing, lesson);
    const touched = new Map<string, string[]>();
    for (const r of changing) touched.set(r.article_id, [...(touched.get(r.article_id) ?? []), r.id]);
    return {
      touched,
      changedIds: changing.map((r) => r.id),
      unchangedIds: rows.filter((r) => !changing.includes(r)).map((r) => r.id),
      missingIds: wanted.filter((id) => !found.has(id)),
    };
  });
  const { changedIds, unchangedIds, missingIds } = result;
  return { changedIds, unchangedIds, missingIds, events };
}

async function teach(deps: ModerationDeps, trx: Database, rows: readonly CommentRow[], label: SpamLabel): Promise<void> {
  const filter = (deps.spamFilter ?? naiveBayesClassifier)(trx);
  for (const row of rows) {
    if (row.trained_as === label || row.is_staff === 1) continue;
    const previous = row.trained_as === 'spam' || row.trained_as === 'ham' ? row.trained_as : null;
    await filter.learn(spamFeaturesOf({ authorName: row.author_name, authorUrl: row.author_url, body: row.body }), label, previous);
    await setTrainedAs(trx, row.id, label);
  }
}

/**
 * One comment to a status, as the system (imports, scripts, tests of the page cache): the
 * same rules as moderateComments without a person acting.
 */
export async function moderateComment(deps: ModerationDeps, commentId: string, status: CommentStatus): Promise<void> {
  const action = (Object.keys(TARGET) as (keyof typeof TARGET)[]).find((a) => TARGET[a] === status)!;
  const result = await moderateComments(deps, SYSTEM_ACTOR, [commentId], action);
  if (result.missingIds.length > 0) throw new NotFoundError('comment', commentId);
}

export interface CommentEdit {
  name: string;
  email: string;
  website: string;
  body: string;
}

export type EditOutcome = { kind: 'edited'; comment: Comment } | { kind: 'rejected'; errors: CommentFieldErrors };

/**
 * A moderator corrects a comment (a typo, a broken link, a phone number to remove). The
 * same field rules as the public form, except the link cap (a moderator may add a link);
 * its status stays. The body is rendered again; readers see the change if it is shown.
 */
export async function editComment(deps: ModerationDeps, actor: Actor, commentId: string, edit: CommentEdit): Promise<EditOutcome> {
  assertCan(actor, 'moderate_comments', 'edit comments');
  const existing = await findCommentRow(deps.db, commentId);
  if (!existing) throw new NotFoundError('comment', commentId);
  const parsed = CommentFields.safeParse(edit);
  if (!parsed.success) return { kind: 'rejected', errors: fieldErrorsOf(parsed.error) };
  const fields = parsed.data;
  const emailKey = emailKeyOf(fields.email);
  const edits = {
    author_name: fields.name,
    author_email: fields.email,
    email_key: emailKey,
    author_url: fields.website,
    body: fields.body,
    body_html: renderCommentBody(fields.body),
    render_version: RENDER_VERSION,
    ...(emailKey !== existing.email_key ? { avatar_seed: deps.hashKey ? avatarSeed(deps.hashKey, emailKey) : '' } : {}),
    edited_at: toStoredTime(deps.clock.now()),
  };
  await writeComments(deps, [existing.article_id], async (trx) => {
    await updateCommentFields(trx, commentId, edits);
    return { touched: new Map([[existing.article_id, [commentId]]]), editedIds: [commentId] };
  });
  return { kind: 'edited', comment: toComment({ ...existing, ...edits }) };
}
