/*
 * Public comment posting, beside the site's routes and before the page cache (nothing here
 * is ever cached): POST /comments/ from the form under every article, with or without the
 * page script; GET /comments/token/ for the script's per-response token; GET
 * /comments/reply/<id>/, the no-script reply form. What a commenter typed always comes back
 * on a refusal, every field as typed, with the problem next to its field.
 */
import { Hono } from 'hono';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { findSessionUser } from '../../accounts/index.js';
import {
  areCommentsOpen,
  type Comment,
  commentAnchor,
  type CommentLimits,
  type CommentNode,
  DEFAULT_COMMENT_LIMITS,
  findCommentById,
  submitComment,
  type SubmitOutcome,
} from '../../comments/index.js';
import { findCommentableArticle } from '../../content/index.js';
import type { Database } from '../../db/database.js';
import type { AppEnv } from '../../http/app-env.js';
import { clientAddress } from '../../http/client-ip.js';
import { commentHashKey } from '../../http/comment-hash-key.js';
import { COMMENT_RECEIPT_COOKIE, COMMENT_RECEIPT_SECONDS, commentReceiptFor } from '../../http/comment-receipt.js';
import { sessionTokenOf } from '../../http/session.js';
import { consumeRate } from '../../ratelimit/index.js';
import type { Clock } from '../../shared/clock.js';
import type { DomainEvent } from '../../shared/domain-events.js';
import type { EventSink } from '../../shared/events.js';
import { findPublishedArticleLink } from '../pages/article-page.queries.js';
import { renderDocument } from '../render-document.js';
import type { SiteChrome } from '../views/chrome.js';
import { CommentItem } from '../views/comment-thread.js';
import { Layout } from '../views/layout.js';
import { checkCommentToken, type CommentTokenPolicy, DEFAULT_COMMENT_TOKEN_POLICY, mintCommentToken } from './comment-form-token.js';
import { CommentForm, type CommentFormProps, type CommentFormValues, EMPTY_COMMENT_FORM, HONEYPOT_FIELD } from './comment-form-view.js';

export interface CommentRouteDeps {
  db: Database;
  clock: Clock;
  events: EventSink<DomainEvent>;
  siteUrl: URL;
  chrome: () => Promise<SiteChrome>;
  /** signs form tokens and receipts; the IP-hash key is derived from it */
  secret: Buffer;
  trustedProxies: readonly string[];
  limits?: CommentLimits | undefined;
  tokenPolicy?: CommentTokenPolicy | undefined;
}

/** The reader's own details, kept in their browser when they ask (the script fills the form from it). */
export const COMMENTER_COOKIE = 'dossier_commenter';
const COMMENTER_COOKIE_SECONDS = 365 * 24 * 60 * 60;
/** A comment is at most 5,000 characters; the rest of the form is small. */
const MAX_FORM_BYTES = 64 * 1024;
const ID = /^[0-9a-z]{10,40}$/;

type Answer = {
  status: 200 | 400 | 403 | 404 | 429;
  values: CommentFormValues;
  errors?: CommentFormProps['errors'];
  message?: string;
  token?: string;
  parentId?: string;
  /** the article takes no comments now: the script then says so in place of the form */
  isClosed?: boolean;
  /** the reader has typed nothing yet and the article takes no comments: the page says so, with no form */
  offersNoForm?: boolean;
};

/** What the script shows where the form was, as the page itself does once its comments close. */
export const COMMENTS_CLOSED = 'Comments are closed.';

export function commentRoutes(deps: CommentRouteDeps): Hono<AppEnv> {
  const { db, clock, secret } = deps;
  const siteOrigin = deps.siteUrl.origin;
  const isSecure = deps.siteUrl.protocol === 'https:';
  const policy = deps.tokenPolicy ?? DEFAULT_COMMENT_TOKEN_POLICY;
  const commentDeps = {
    db,
    clock,
    events: deps.events,
    hashKey: commentHashKey(secret),
    limits: deps.limits ?? DEFAULT_COMMENT_LIMITS,
  };
  const routes = new Hono<AppEnv>();
  // Only these routes: other /comments/ paths (permalinks) are the site's, with their own headers.
  for (const path of ['/comments/', '/comments/token/', '/comments/reply/:id/']) {
    routes.use(path, async (c, next) => {
      await next();
      c.header('cache-control', 'private, no-store');
    });
  }

  // A page read before its comments closed (the reader's own copy) still shows the form: the
  // script asks for its token here first, so the answer says they are closed, not a refused post.
  routes.get('/comments/token/', async (c) => {
    const articleId = c.req.query('article') ?? '';
    if (!ID.test(articleId)) return c.json({ error: 'Which article?' }, 400);
    const [article, chrome] = await Promise.all([findCommentableArticle(db, articleId), deps.chrome()]);
    const now = clock.now();
    if (!article || !areCommentsOpen(article, chrome.settings.commentsCloseAfterDays, now)) return c.json({ closed: true, message: COMMENTS_CLOSED });
    return c.json({ token: mintCommentToken(secret, articleId, now) });
  });

  routes.get('/comments/reply/:id/', async (c) => {
    const parent = await findCommentById(db, c.req.param('id'));
    const link = parent?.status === 'approved' ? await findPublishedArticleLink(db, parent.articleId) : null;
    if (!parent || !link) return c.html(await formPage(null, null, { status: 404, values: EMPTY_COMMENT_FORM, errors: { form: 'The comment you wanted to answer is not shown any more.' } }), 404);
    const values = rememberedValues(c);
    const [article, chrome] = await Promise.all([findCommentableArticle(db, parent.articleId), deps.chrome()]);
    const now = clock.now();
    // A reply link on a page read before the comments closed: say so instead of a form the post would refuse.
    if (!article || !areCommentsOpen(article, chrome.settings.commentsCloseAfterDays, now)) return c.html(await formPage(link, parent, { status: 200, values, offersNoForm: true }));
    return c.html(await formPage(link, parent, { status: 200, values, token: mintCommentToken(secret, parent.articleId, now), parentId: parent.id }));
  });

  routes.post(
    '/comments/',
    bodyLimit({ maxSize: MAX_FORM_BYTES, onError: (c) => c.text('This comment is far longer than a comment may be.', 413) }),
    async (c) => {
      const form = await c.req.parseBody();
      const text = (name: string) => (typeof form[name] === 'string' ? (form[name] as string) : '');
      const values: CommentFormValues = { name: text('name'), email: text('email'), website: text('website'), body: text('body').replace(/^\r?\n/, ''), remember: text('remember') === '1', notifyReplies: text('notifyReplies') === '1' };
      const articleId = text('articleId');
      const parentId = ID.test(text('parentId')) ? text('parentId') : undefined;
      const wantsJson = (c.req.header('accept') ?? '').includes('application/json');
      const link = ID.test(articleId) ? await findPublishedArticleLink(db, articleId) : null;
      const parent = parentId ? await findCommentById(db, parentId) : null;
      const answer = async (a: Answer) => {
        if (wantsJson) return c.json({ errors: a.errors ?? {}, message: a.message ?? null, token: a.token ?? null, ...(a.isClosed ? { closed: true } : {}) }, a.status);
        return c.html(await formPage(link, parent?.status === 'approved' ? parent : null, a), a.status);
      };
      const fresh = () => mintCommentToken(secret, articleId, clock.now());

      // A post another site's page made: the browser says so (the token would stop it too).
      const fetchSite = c.req.header('sec-fetch-site');
      const origin = c.req.header('origin');
      if ((fetchSite && fetchSite !== 'same-origin') || (origin && origin !== siteOrigin)) {
        return answer({ status: 403, values, errors: { form: 'This form was sent from another site. Write your comment on the article page itself.' } });
      }
      if (!link) return answer({ status: 404, values, errors: { form: 'This article does not take comments.' } });
      if (text(HONEYPOT_FIELD) !== '') return answer({ status: 400, values, parentId, errors: { form: 'This comment could not be taken.' } });

      const check = checkCommentToken(secret, articleId, text('token'), clock.now(), policy);
      if (!check.ok) {
        if (check.reason === 'too-fast') {
          return answer({ status: 400, values, parentId, token: text('token'), errors: { form: `That was quick: wait ${check.waitSeconds} second${check.waitSeconds === 1 ? '' : 's'}, then press “Post comment” again.` } });
        }
        // No token (the page script did not run), an old one, or one this server did not make:
        // the form comes back with a fresh one and everything as typed; one more press sends it.
        const message = check.reason === 'missing' ? 'Almost there: check your comment, then press “Post comment” to send it.' : 'This form was open a long time: press “Post comment” again to send your comment.';
        return answer({ status: check.reason === 'missing' ? 200 : 400, values, parentId, token: fresh(), message });
      }
      // Each token is spent once, counted in the database so every process knows.
      const spent = await consumeRate(db, clock, { key: `comment-token:${check.nonce}`, limit: 1, windowSeconds: policy.maxSeconds });
      if (!spent.allowed) return answer({ status: 400, values, parentId, token: fresh(), message: 'This form was already sent once: press “Post comment” to send it again.' });

      const sessionToken = sessionTokenOf(c);
      const staff = sessionToken ? await findSessionUser(db, clock, sessionToken) : null;
      const outcome = await submitComment(commentDeps, {
        articleId,
        parentId: parentId ?? null,
        name: values.name,
        email: values.email,
        website: values.website,
        body: values.body,
        ip: clientAddress(c, deps.trustedProxies),
        userAgent: c.req.header('user-agent') ?? '',
        userId: staff?.user.id ?? null,
        notifyReplies: values.notifyReplies,
      });
      if (outcome.kind === 'rejected') {
        const status = outcome.reason === 'rate-limited' ? 429 : 400;
        if (outcome.retryAfterSeconds) c.header('retry-after', String(outcome.retryAfterSeconds));
        return answer({ status, values, parentId, errors: outcome.errors, token: fresh(), isClosed: outcome.reason === 'closed' });
      }
      keepCommenter(c, values, isSecure);
      const receiptExpires = new Date(clock.now().getTime() + COMMENT_RECEIPT_SECONDS * 1000);
      setCookie(c, COMMENT_RECEIPT_COOKIE, commentReceiptFor(secret, { commentId: outcome.comment.id, articleId }, receiptExpires), {
        httpOnly: true,
        sameSite: 'Lax',
        secure: isSecure,
        path: '/',
        maxAge: COMMENT_RECEIPT_SECONDS,
      });
      const isShown = outcome.kind === 'approved';
      if (wantsJson) {
        const chrome = await deps.chrome();
        const item = await (<CommentItem node={commentNodeOf(outcome.comment)} settings={chrome.settings} canReply={false} />).toString();
        return c.json({ status: isShown ? 'approved' : 'held', commentId: outcome.comment.id, parentId: outcome.comment.parentId, html: item, token: fresh() }, 201);
      }
      return c.redirect(`${link.path}${isShown ? `#${commentAnchor(outcome.comment.id)}` : '#comments'}`, 303);
    },
  );

  /** The form on a page of its own: uncached, for this reader alone. */
  async function formPage(link: { id: string; path: string; title: string } | null, parent: Comment | null, a: Answer): Promise<string> {
    const chrome = await deps.chrome();
    const heading = parent ? `Reply to ${parent.authorName}` : 'Leave a Comment';
    return renderDocument(
      <Layout chrome={chrome} meta={{ title: heading, description: '', canonical: null, type: 'website', image: null, robots: 'noindex, nofollow', feeds: [], jsonLd: [] }} kind="comment-form">
        <div class="comment-form-page">
          {link && (
            <p class="comment-form-back">
              On <a href={`${link.path}#comments`}>{link.title}</a>
            </p>
          )}
          {parent && (
            <ol class="comment-list comment-replying-to" aria-label="The comment you are answering">
              <CommentItem node={commentNodeOf(parent)} settings={chrome.settings} canReply={false} />
            </ol>
          )}
          {link && a.offersNoForm ? (
            <p class="comments-closed">{COMMENTS_CLOSED}</p>
          ) : link ? (
            <CommentForm articleId={link.id} parentId={a.parentId} values={a.values} errors={a.errors} token={a.token} message={a.message} heading={heading} />
          ) : (
            <p class="comment-form-error" role="alert">
              {a.errors?.form ?? 'This article does not take comments.'}
            </p>
          )}
          <script type="module" src={chrome.assets.commentsScript}></script>
        </div>
      </Layout>,
    );
  }

  function rememberedValues(c: Context<AppEnv>): CommentFormValues {
    const kept = readCommenter(getCookie(c, COMMENTER_COOKIE));
    return kept ? { ...EMPTY_COMMENT_FORM, ...kept, remember: true } : EMPTY_COMMENT_FORM;
  }

  return routes;
}

/** A comment as the thread shows it (its own author sees a held one so). */
export function commentNodeOf(comment: Comment): CommentNode {
  return {
    id: comment.id,
    authorName: comment.authorName,
    authorUrl: comment.authorUrl,
    isStaff: comment.isStaff,
    html: comment.bodyHtml,
    avatar: comment.avatar,
    createdAt: comment.createdAt,
    replies: [],
  };
}

function keepCommenter(c: Context<AppEnv>, values: CommentFormValues, isSecure: boolean): void {
  if (!values.remember) {
    deleteCookie(c, COMMENTER_COOKIE, { path: '/', secure: isSecure, sameSite: 'Lax' });
    return;
  }
  const kept = Buffer.from(JSON.stringify({ name: values.name, email: values.email, website: values.website })).toString('base64url');
  // Not HttpOnly: the page script reads it to fill the form of a cached page.
  setCookie(c, COMMENTER_COOKIE, kept, { path: '/', secure: isSecure, sameSite: 'Lax', maxAge: COMMENTER_COOKIE_SECONDS });
}

function readCommenter(value: string | undefined): Pick<CommentFormValues, 'name' | 'email' | 'website'> | null {
  if (!value) return null;
  try {
    const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Record<string, unknown>;
    const str = (v: unknown) => (typeof v === 'string' ? v.slice(0, 300) : '');
    return { name: str(parsed.name), email: str(parsed.email), website: str(parsed.website) };
  } catch {
    return null;
  }
}

export type { SubmitOutcome };
