import { type Context, Hono } from 'hono';
import type { JSX } from 'hono/jsx/jsx-runtime';
import {
  acceptInvitation,
  findInvitation,
  isResetLinkLive,
  LinkExpiredError,
  requestPasswordReset,
  RESET_REQUESTED_MESSAGE,
  ResetThrottledError,
  resetPassword,
} from '../accounts/index.js';
import type { AppEnv } from '../http/app-env.js';
import { clientAddress } from '../http/client-ip.js';
import { CsrfRejectedError, issueLoginCsrfToken } from '../http/csrf.js';
import { LOGIN_PATH } from '../http/session.js';
import { outboxQueue } from '../mail/index.js';
import { ValidationError } from '../shared/errors.js';
import { formStrings, isForgedAnonymousPost, smallForm } from './anonymous-form.js';
import type { LoginRouteDeps } from './login-deps.js';
import { renderPage } from './render-page.js';
import { AcceptInviteView, DeadLinkView, ForgotView, ResetView } from './views/account-link-views.js';

type Status = 200 | 400 | 403 | 404 | 429;

/**
 * The forgotten-password form and the two emailed links (reset, invitation). Anonymous:
 * the login form's CSRF approach, and rate limits in the use cases.
 */
export function accountLinkRoutes(deps: LoginRouteDeps): Hono<AppEnv> {
  const { clock, sessionSecret, isSecure } = deps;
  const routes = new Hono<AppEnv>();
  const mail = outboxQueue({ db: deps.db, clock, onError: (error) => deps.logger.error('mail could not be queued', { error: String(error) }) });
  const mailDeps = { db: deps.db, clock, events: deps.events, mail, siteUrl: deps.siteUrl, ...(deps.resetLimits ? { limits: deps.resetLimits } : {}) };
  const csrfFor = (c: Context<AppEnv>) => issueLoginCsrfToken(c, sessionSecret, clock.now(), isSecure);
  const html = async (c: Context<AppEnv>, page: JSX.Element, status: Status) => c.html(await renderPage(page), status);
  const cssUrl = deps.cssUrl;

  routes.get('/forgot', (c) => html(c, <ForgotView cssUrl={cssUrl()} csrfToken={csrfFor(c)} email="" />, 200));

  routes.post('/forgot', smallForm, async (c) => {
    const form = await formStrings(c, ['email', 'csrf'], 1000);
    const view = (status: Status, props: { errors?: Record<string, string>; message?: string; sentNotice?: string }) =>
      html(c, <ForgotView cssUrl={cssUrl()} csrfToken={csrfFor(c)} email={form.email!} {...props} />, status);
    if (isForgedAnonymousPost(c, deps, clock.now(), form.csrf)) return view(403, { message: new CsrfRejectedError().message });
    try {
      await requestPasswordReset(mailDeps, { email: form.email!, ip: clientAddress(c, deps.trustedProxies) });
    } catch (error) {
      if (error instanceof ValidationError) return view(400, { errors: { email: 'Enter an email address such as name@example.org.' } });
      if (!(error instanceof ResetThrottledError)) throw error;
      c.header('retry-after', String(error.retryAfterSeconds));
      return view(429, { message: error.message });
    }
    return view(200, { sentNotice: RESET_REQUESTED_MESSAGE });
  });

  routes.get('/reset', async (c) => {
    const token = c.req.query('token') ?? '';
    if (!(await isResetLinkLive(deps, token))) return html(c, <DeadLinkView cssUrl={cssUrl()} what="reset" />, 404);
    return html(c, <ResetView cssUrl={cssUrl()} csrfToken={csrfFor(c)} token={token} />, 200);
  });

  routes.post('/reset', smallForm, async (c) => {
    const form = await formStrings(c, ['token', 'password', 'csrf'], 1000);
    const view = (status: Status, props: { errors?: Record<string, string>; message?: string }) =>
      html(c, <ResetView cssUrl={cssUrl()} csrfToken={csrfFor(c)} token={form.token!} {...props} />, status);
    if (isForgedAnonymousPost(c, deps, clock.now(), form.csrf)) return view(403, { message: new CsrfRejectedError().message });
    try {
      await resetPassword(deps, { token: form.token, password: form.password! });
    } catch (error) {
      if (error instanceof LinkExpiredError) return html(c, <DeadLinkView cssUrl={cssUrl()} what="reset" />, 404);
      if (error instanceof ValidationError) return view(400, { errors: error.fields });
      throw error;
    }
    return c.redirect(`${LOGIN_PATH}?done=reset`, 303);
  });

  routes.get('/accept-invite', async (c) => {
    const token = c.req.query('token') ?? '';
    const invitation = await findInvitation(deps, token);
    if (!invitation) return html(c, <DeadLinkView cssUrl={cssUrl()} what="invitation" />, 404);
    return html(c, <AcceptInviteView cssUrl={cssUrl()} csrfToken={csrfFor(c)} token={token} email={invitation.email} name="" />, 200);
  });

  routes.post('/accept-invite', smallForm, async (c) => {
    const form = await formStrings(c, ['token', 'name', 'password', 'csrf'], 1000);
    const invitation = await findInvitation(deps, form.token);
    if (!invitation) return html(c, <DeadLinkView cssUrl={cssUrl()} what="invitation" />, 404);
    const view = (status: Status, props: { errors?: Record<string, string>; message?: string }) =>
      html(c, <AcceptInviteView cssUrl={cssUrl()} csrfToken={csrfFor(c)} token={form.token!} email={invitation.email} name={form.name!} {...props} />, status);
    if (isForgedAnonymousPost(c, deps, clock.now(), form.csrf)) return view(403, { message: new CsrfRejectedError().message });
    try {
      await acceptInvitation(deps, { token: form.token, name: form.name!, password: form.password! });
    } catch (error) {
      if (error instanceof LinkExpiredError) return html(c, <DeadLinkView cssUrl={cssUrl()} what="invitation" />, 404);
      if (error instanceof ValidationError) return view(400, { errors: error.fields });
      throw error;
    }
    return c.redirect(`${LOGIN_PATH}?done=joined`, 303);
  });

  return routes;
}
