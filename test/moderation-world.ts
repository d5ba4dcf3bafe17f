import { type CommentDeps, submitComment, type SubmitCommentInput } from '../src/comments/index.js';
import type { Dialect } from '../src/db/database.js';
import { commentHashKey } from '../src/http/comment-hash-key.js';
import { RAISED_LIMITS } from './comment-world.js';
import { createNewsroom, publishArticle } from './factories.js';
import { createTestApp } from './test-app.js';

export const ARTICLE_PATH = '/world/levant/northern-front/talks-resume/';
export const OTHER_PATH = '/economy/port-fees-rise/';

/**
 * The real app with two published articles and the comment rules wired as the admin wires
 * them (the app's events, so the page cache hears every write; the site's hash key), for
 * the moderation screens' tests: readers' comments go in through submitComment.
 */
export async function createModerationWorld(dialect: Dialect = 'sqlite') {
  const t = await createTestApp(dialect);
  const newsroom = await createNewsroom(t.db, t.clock, t.events);
  const deps: CommentDeps = { db: t.db, clock: t.clock, events: t.events, hashKey: commentHashKey(Buffer.alloc(32, 7)), limits: RAISED_LIMITS };
  const publishedAt = new Date('2026-11-19T09:00:00Z');
  const article = await publishArticle(deps, newsroom, { slug: 'talks-resume', publishedAt });
  const other = await publishArticle(deps, newsroom, {
    slug: 'port-fees-rise',
    title: 'Port fees rise for the third time',
    publishedAt,
    primaryTopicId: newsroom.economy.id,
    topicIds: [newsroom.economy.id],
    tagIds: [newsroom.ports.id],
  });
  let n = 0;
  /** A reader's comment (held by default: a first comment from its email), each from its own address unless told. */
  const post = async (overrides: Partial<SubmitCommentInput> = {}) => {
    n++;
    const outcome = await submitComment(deps, {
      articleId: article.id,
      name: `Reader ${n}`,
      email: `reader${n}@example.org`,
      website: '',
      body: `Comment number ${n} on the crossings.`,
      ip: `198.51.100.${n % 250}`,
      userAgent: 'Mozilla/5.0 (test)',
      ...overrides,
    });
    if (outcome.kind === 'rejected') throw new Error(`rejected: ${JSON.stringify(outcome.errors)}`);
    return outcome.comment;
  };
  const statusOf = async (id: string) => (await t.db.selectFrom('comments').select('status').where('id', '=', id).executeTakeFirst())?.status;
  const countOf = async (articleId = article.id) =>
    Number((await t.db.selectFrom('articles').select('comment_count').where('id', '=', articleId).executeTakeFirstOrThrow()).comment_count);
  /** The public article page as a reader (no session) gets it. */
  const publicPage = async (path = ARTICLE_PATH) => {
    const res = await t.app.request(path);
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
    return res.text();
  };
  return { t, newsroom, deps, article, other, post, statusOf, countOf, publicPage };
}

export type ModerationWorld = Awaited<ReturnType<typeof createModerationWorld>>;
