import { findUserById } from '../accounts/index.js';
import { findCommentableArticle } from '../content/index.js';
import { consumeRates, type RateRule } from '../ratelimit/index.js';
import { loadSettings } from '../settings/index.js';
import { toStoredTime } from '../shared/clock.js';
import { newId } from '../shared/ids.js';
import { matchBlockList } from './block-list.js';
import { areCommentsOpen, type Comment, type CommentStatus, type StatusReason } from './comment.js';
import { linksIn, RENDER_VERSION, renderCommentBody } from './comment-body.js';
import type { CommentDeps } from './comment-deps.js';
import { avatarSeed, emailKeyOf, hashIp, hashIpNetwork } from './comment-hash.js';
import { type CommentFieldErrors, CommentFields, fieldErrorsOf } from './comment.schema.js';
import { findCommentRow, hasApprovedCommentFrom, insertComments, recentBodiesFrom, toComment } from './comment.queries.js';
import type { CommentRow } from './comment.table.js';
import { type CommentWriteResult, writeComments } from './comment-writes.js';
import { naiveBayesClassifier } from './spam-classifier.js';
import { spamFeaturesOf } from './spam-features.js';

export interface SubmitCommentInput {
  articleId: string;
  /** the approved comment this one answers; null or absent for a new thread */
  parentId?: string | null;
  name: string;
  email: string;
  website?: string;
  body: string;
  /** the client's address as the web layer trusts it; stored only as a keyed hash */
  ip: string;
  userAgent?: string;
  /** the signed-in member of staff posting (the web layer checked the session): name and email come from the account */
  userId?: string | null;
  /** the form's "mail me when someone replies" box: stored with the comment */
  notifyReplies?: boolean;
  /**
   * What the web layer spends with this post, once ever: its form token's nonce, valid for
   * `windowSeconds`. Counted in the database (every process shares it) in the comment's own
   * transaction, with the rate limits: a key spent before refuses the post (`spent`). A post
   * refused before that (its fields, the article, the link cap) spends nothing, and writes nothing.
   */
  singleUse?: { key: string; windowSeconds: number };
}

export type RejectReason = 'invalid' | 'closed' | 'too-many-links' | 'spent' | 'rate-limited' | 'duplicate';

export interface RejectedComment {
  kind: 'rejected';
  reason: RejectReason;
  /** field → the message to show next to it; "form" for what belongs to no one field */
  errors: CommentFieldErrors;
  /** when rate limited: seconds until the commenter may post again */
  retryAfterSeconds?: number;
}

export type SubmitOutcome = { kind: 'approved' | 'held' | 'spam'; comment: Comment } | RejectedComment;

const KIND_OF: Record<Exclude<CommentStatus, 'trash'>, 'approved' | 'held' | 'spam'> = { approved: 'approved', pending: 'held', spam: 'spam' };

/**
 * A reader's (or a member of staff's) new comment, from the form to the database. Input that
 * cannot be taken comes back as `rejected`, naming the field and what to do; nothing a
 * commenter types makes it throw. An accepted comment is committed before this returns
 * (SQLite syncs every commit), and is approved, held for a moderator, or put in the spam
 * folder, with the reason stored beside it. Spam is never deleted here.
 * Everything that only reads comes first (fields, article, parent, link cap, block list, spam
 * filter, moderation rule); then one transaction counts the single-use key and the rate limits
 * and stores the comment: a post costs one commit, and the notices after it (see
 * comment-notifications.ts) one more.
 */
export async function submitComment(deps: CommentDeps, input: SubmitCommentInput): Promise<SubmitOutcome> {
  const { db, clock, limits } = deps;
  const now = clock.now();
  const staff = input.userId ? await findUserById(db, input.userId) : null;
  if (input.userId && !staff) return rejected('invalid', { form: 'Your account could not be found. Sign in again, or post without signing in.' });

  const parsed = CommentFields.safeParse(
    staff
      ? { name: staff.name, email: staff.email, website: '', body: input.body }
      : { name: input.name, email: input.email, website: input.website ?? '', body: input.body },
  );
  const errors: CommentFieldErrors = parsed.success ? {} : fieldErrorsOf(parsed.error);

  const [settings, article, parent] = await Promise.all([
    loadSettings(db),
    findCommentableArticle(db, input.articleId),
    input.parentId ? findCommentRow(db, input.parentId) : Promise.resolve(undefined),
  ]);
  const isOpen = article !== null && areCommentsOpen(article, settings.commentsCloseAfterDays, now);
  if (!isOpen) errors.form = article?.isPublished ? 'Comments on this article are closed.' : 'This article does not take comments.';
  if (input.parentId && (!parent || parent.article_id !== input.articleId || parent.status !== 'approved')) {
    errors.parentId = 'The comment you are replying to is no longer shown. Post your comment on its own instead.';
  }
  if (!parsed.success || Object.keys(errors).length > 0) return rejected(isOpen ? 'invalid' : 'closed', errors);
  const fields = parsed.data;

  const linkCount = linksIn(fields.body).length;
  if (!staff && linkCount > limits.maxLinks) {
    return rejected('too-many-links', {
      body: limits.maxLinks === 0 ? 'Links are not allowed in comments. Remove them and post again.' : `A comment may hold at most ${limits.maxLinks} link${limits.maxLinks === 1 ? '' : 's'}. Remove some and post again.`,
    });
  }

  const emailKey = emailKeyOf(fields.email);
  const ipHash = hashIp(deps.hashKey, input.ip);
  // Counted in this order, and no further than the first over its limit (consumeRates).
  const rules: RateRule[] = [
    ...(input.singleUse ? [{ key: input.singleUse.key, limit: 1, windowSeconds: input.singleUse.windowSeconds }] : []),
    ...(staff
      ? []
      : [
          { key: `comment:ip:${hashIpNetwork(deps.hashKey, input.ip)}`, ...limits.perIp },
          { key: `comment:email:${emailKey}`, ...limits.perEmail },
        ]),
  ];

  const features = spamFeaturesOf({ authorName: fields.name, authorUrl: fields.website, body: fields.body });
  let decision: { status: CommentStatus; reason: StatusReason; note: string; spamScore: number | null };
  if (staff) {
    decision = { status: 'approved', reason: 'staff', note: `Written by ${staff.name}, signed in as staff.`, spamScore: null };
  } else {
    const blocked = await matchBlockList(db, { emailKey, ipHash, name: fields.name, website: fields.website, body: fields.body });
    const score = blocked ? null : await (deps.spamFilter ?? naiveBayesClassifier)(db).score(features);
    if (blocked) decision = { status: 'spam', reason: blocked.reason, note: blocked.note, spamScore: null };
    else if (score && score.probability >= limits.spamThreshold) {
      const why = score.signals.length > 0 ? `; it weighed most: ${score.signals.map((s) => `“${s}”`).join(', ')}` : '';
      decision = { status: 'spam', reason: 'spam-filter', note: `The spam filter rated it ${percent(score.probability)} likely spam${why}.`, spamScore: score.probability };
    } else {
      decision = { ...(await moderationRule(deps, settings.commentModeration, emailKey)), spamScore: score?.probability ?? null };
    }
  }

  const row: CommentRow = {
    id: newId(now.getTime()),
    article_id: input.articleId,
    parent_id: input.parentId ?? null,
    user_id: staff?.id ?? null,
    author_name: fields.name,
    author_email: fields.email,
    author_url: fields.website,
    body: fields.body,
    status: decision.status,
    created_at: toStoredTime(now),
    ip_hash: ipHash,
    user_agent: (input.userAgent ?? '').slice(0, 300),
    email_key: emailKey,
    is_staff: staff ? 1 : 0,
    status_reason: decision.reason,
    status_note: decision.note,
    status_changed_at: toStoredTime(now),
    body_html: renderCommentBody(fields.body),
    render_version: RENDER_VERSION,
    avatar_seed: avatarSeed(deps.hashKey, fields.email),
    spam_score: decision.spamScore,
    trained_as: null,
    edited_at: null,
    notify_replies: input.notifyReplies ? 1 : 0,
    notified_at: null,
    reply_notified_at: null,
  };
  // One transaction, one commit: the counters, then (when none is over) the duplicate check
  // under the article's lock, so a form sent twice at once stores once, and the insert. A
  // refusal by a counter commits the counts, which is what makes a flood run into its limit.
  const since = toStoredTime(new Date(now.getTime() - limits.duplicateWindowSeconds * 1000));
  const { result } = await writeComments(
    deps,
    [row.article_id],
    async (trx): Promise<CommentWriteResult & { refusal: RejectedComment | null }> => {
      const nothing = new Map<string, string[]>();
      const rates = await consumeRates(trx, clock, rules);
      if (!rates.allowed) return { touched: nothing, refusal: rates.refusedBy.key === input.singleUse?.key ? spentRefusal() : rateRefusal(rates.decision.retryAfterSeconds) };
      const earlier = await recentBodiesFrom(trx, row.article_id, emailKey, since);
      if (earlier.some((body) => sameWords(body, fields.body))) {
        return { touched: nothing, refusal: rejected('duplicate', { body: 'You have already posted this comment here. It is shown, or it is waiting for a moderator.' }) };
      }
      await insertComments(trx, [row]);
      return { touched: new Map([[row.article_id, [row.id]]]), refusal: null };
    },
    { isShownUnchanged: decision.status !== 'approved' },
  );
  return result.refusal ?? { kind: KIND_OF[decision.status as keyof typeof KIND_OF], comment: toComment(row) };
}

function spentRefusal(): RejectedComment {
  return rejected('spent', { form: 'This form was already sent once: press “Post comment” to send it again.' });
}

function rateRefusal(retryAfterSeconds: number): RejectedComment {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return {
    ...rejected('rate-limited', { form: `You have posted several comments in a short time. Wait ${minutes} minute${minutes === 1 ? '' : 's'} and post again.` }),
    retryAfterSeconds,
  };
}

/**
 * WordPress's rule by default: a first comment from an email not seen before waits for a
 * moderator; once one from that email has been approved, the next appear at once. The
 * site may instead hold every comment, or publish every one.
 */
async function moderationRule(
  deps: CommentDeps,
  mode: 'hold-first' | 'hold-all' | 'approve-all',
  emailKey: string,
): Promise<{ status: CommentStatus; reason: StatusReason; note: string }> {
  if (mode === 'approve-all') return { status: 'approved', reason: 'approve-all', note: 'The site publishes comments without moderation.' };
  if (mode === 'hold-all') return { status: 'pending', reason: 'hold-all', note: 'The site holds every comment for a moderator.' };
  if (await hasApprovedCommentFrom(deps.db, emailKey)) {
    return { status: 'approved', reason: 'known-commenter', note: 'This email address has an approved comment.' };
  }
  return { status: 'pending', reason: 'first-comment', note: 'First comment from this email address.' };
}

function rejected(reason: RejectReason, errors: CommentFieldErrors): RejectedComment {
  return { kind: 'rejected', reason, errors };
}

/** The same words, whatever the spacing and case: a resubmitted form, or a paste with a space added. */
function sameWords(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  return norm(a) === norm(b);
}

function percent(p: number): string {
  return `${Math.floor(p * 100)}%`;
}
