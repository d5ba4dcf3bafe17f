import { Hono, type Context } from 'hono';
import { isReplyUnsubscribeTokenValid, unsubscribeFromReplies } from '../comments/index.js';
import type { Database } from '../db/database.js';
import type { AppEnv } from '../http/app-env.js';
import { errorMeta } from './meta/build-meta.js';
import { renderDocument } from './render-document.js';
import type { Child } from 'hono/jsx';
import type { SiteChrome } from './views/index.js';
import { Layout } from './views/layout.js';

export interface CommentUnsubscribeDeps {
  db: Database;
  /** the key reply mails' unsubscribe links are signed with */
  hashKey: string;
  chrome: () => Promise<SiteChrome>;
}

/**
 * The link at the foot of every reply mail: `/comments/unsubscribe?token=…`. GET only asks
 * (mail scanners open links, and must not unsubscribe anyone); the button POSTs. A POST also
 * takes a mail program's one-click request (RFC 8058: `List-Unsubscribe=One-Click`, the
 * token in the URL). The signed token is the whole authority — no session is involved, so
 * a forged cross-site form gains nothing it does not already hold; browsers' cross-site
 * posts are refused all the same. Never cached; nothing personal is shown.
 */
export function commentUnsubscribeRoutes(deps: CommentUnsubscribeDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const page = async (c: Context<AppEnv>, status: 200 | 400 | 403, title: string, body: Child) => {
    c.header('cache-control', 'private, no-store');
    c.header('x-robots-tag', 'noindex');
    const chrome = await deps.chrome();
    return c.html(
      await renderDocument(
        <Layout chrome={chrome} meta={errorMeta(chrome, title, title)} kind="page">
          <article class="article static-page">
            <header class="article-header">
              <h1 class="article-title">{title}</h1>
            </header>
            <div class="article-body prose">{body}</div>
          </article>
        </Layout>,
      ),
      status,
    );
  };
  const invalid = (c: Context<AppEnv>) =>
    page(c, 400, 'This link does not work', <p>This unsubscribe link is not one this site made, or its comment was removed. Use the link in the newest email you received.</p>);

  routes.get('/comments/unsubscribe', async (c) => {
    const token = c.req.query('token') ?? '';
    if (!(await isReplyUnsubscribeTokenValid(deps.db, deps.hashKey, token))) return invalid(c);
    return page(
      c,
      200,
      'Stop emails about replies',
      <>
        <p>You asked to be emailed when someone replies to your comments. Stop these emails for every comment written with your address?</p>
        <form method="post" action={`/comments/unsubscribe?token=${encodeURIComponent(token)}`}>
          <input type="hidden" name="token" value={token} />
          <button type="submit">Stop reply emails</button>
        </form>
      </>,
    );
  });

  routes.post('/comments/unsubscribe', async (c) => {
    if (c.req.header('sec-fetch-site') === 'cross-site') return page(c, 403, 'This request came from another site', <p>Open the link from your email and press the button there.</p>);
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const fromForm = typeof form.token === 'string' ? form.token : '';
    const token = c.req.query('token') ?? fromForm;
    if (!(await unsubscribeFromReplies(deps.db, deps.hashKey, token))) return invalid(c);
    return page(c, 200, 'You will get no more reply emails', <p>We will not email you about replies to your comments any more. If you tick the box again on a new comment, replies to that one will be sent.</p>);
  });
  return routes;
}
