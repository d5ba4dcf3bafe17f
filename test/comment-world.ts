import { SYSTEM_ACTOR } from '../src/accounts/index.js';
import {
  type CommentDeps,
  type CommentLimits,
  DEFAULT_COMMENT_LIMITS,
  moderateComments,
  submitComment,
  type SubmitCommentInput,
  type SubmitOutcome,
} from '../src/comments/index.js';
import type { ArticleInput } from '../src/content/index.js';
import type { Dialect } from '../src/db/database.js';
import { fixedClock } from '../src/shared/clock.js';
import type { CommentsChanged, DomainEvent } from '../src/shared/domain-events.js';
import { EventBus } from '../src/shared/events.js';
import { createNewsroom, publishArticle } from './factories.js';
import { createTestDb, type TestDb } from './test-db.js';

export const HASH_KEY = 'test-site-secret';

/** Limits high enough that only the test that means to meet one does. */
export const RAISED_LIMITS: CommentLimits = {
  ...DEFAULT_COMMENT_LIMITS,
  perIp: { limit: 10_000, windowSeconds: 60 },
  perEmail: { limit: 10_000, windowSeconds: 60 },
};

/**
 * A migrated database with a newsroom and a published article, the deps the comment use
 * cases take (a fixed clock, raised limits), and every comments.changed event heard.
 */
export async function createCommentWorld(dialect: Dialect, limits: CommentLimits = RAISED_LIMITS) {
  const t: TestDb = await createTestDb(dialect);
  const clock = fixedClock('2026-11-20T12:00:00.000Z');
  const events = new EventBus<DomainEvent>();
  const heard: CommentsChanged[] = [];
  events.subscribe((e) => {
    if (e.type === 'comments.changed') heard.push(e);
  });
  const deps: CommentDeps = { db: t.db, clock, events, hashKey: HASH_KEY, limits };
  const newsroom = await createNewsroom(t.db, clock, events);
  const publish = async (overrides: Partial<ArticleInput> = {}) =>
    publishArticle(deps, newsroom, { publishedAt: new Date('2026-11-19T09:00:00Z'), ...overrides });
  const article = await publish();
  let n = 0;
  /** A reader's comment on the article, each from its own address unless told. */
  const post = (overrides: Partial<SubmitCommentInput> = {}): Promise<SubmitOutcome> => {
    n++;
    return submitComment(deps, {
      articleId: article.id,
      name: 'Hanna Voss',
      email: 'hanna@example.org',
      website: '',
      body: `The point about berth allocation is the one nobody makes (${n}).`,
      ip: `198.51.100.${n % 250}`,
      userAgent: 'Mozilla/5.0 (test)',
      ...overrides,
    });
  };
  /** Posts and approves: a comment readers see. */
  const postApproved = async (overrides: Partial<SubmitCommentInput> = {}) => {
    const outcome = await post(overrides);
    if (outcome.kind === 'rejected') throw new Error(`rejected: ${JSON.stringify(outcome.errors)}`);
    if (outcome.kind !== 'approved') await moderateComments(deps, SYSTEM_ACTOR, [outcome.comment.id], 'approve');
    return outcome.comment;
  };
  const countOf = async (articleId = article.id) =>
    Number((await t.db.selectFrom('articles').select('comment_count').where('id', '=', articleId).executeTakeFirstOrThrow()).comment_count);
  const statusOf = async (id: string) => (await t.db.selectFrom('comments').select('status').where('id', '=', id).executeTakeFirst())?.status;
  return { t, clock, events, heard, deps, newsroom, article, publish, post, postApproved, countOf, statusOf };
}

export type CommentWorld = Awaited<ReturnType<typeof createCommentWorld>>;
