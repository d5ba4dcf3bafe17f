import { type Context, Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import {
  AccountDeactivatedError,
  CHALLENGE_TTL_SECONDS,
  completeSignIn,
  DEVICE_COOKIE,
  DEVICE_TOKEN_TTL_SECONDS,
  endSession,
  formatDeviceCookie,
  login,
  LoginFailedError,
  type LoginResult,
  LoginThrottledError,
  parseDeviceCookie,
  SignInExpiredError,
} from '../accounts/index.js';
import type { AppEnv } from '../http/app-env.js';
import { assertSameSite, clearLoginCsrfCookie, CsrfRejectedError, isValidSessionCsrfToken, issueLoginCsrfToken } from '../http/csrf.js';
import { clearSessionCookie, currentSessionId, DEFAULT_AFTER_LOGIN, LOGIN_PATH, safeNextPath, sessionTokenOf, setSessionCookie } from '../http/session.js';
import { clientAddress } from '../http/client-ip.js';
import { accountLinkRoutes } from './account-link-routes.js';
import type { LoginRouteDeps } from './login-deps.js';
import { formStrings, isForgedAnonymousPost, smallForm } from './anonymous-form.js';
import { LoginCredentials, LoginFormBody } from './login-form.js';
import { renderPage } from './render-page.js';
import { LoginView } from './views/index.js';
import { SecondFactorView } from './views/account-link-views.js';

export type { LoginRouteDeps };

type FormState = { email: string; next: string; error?: string; notice?: string };

/** The browser's half of a sign-in waiting for its second factor. */
export const CHALLENGE_COOKIE = 'dossier_2fa';
const CODE_PATH = '/admin/login/code';

/** Confirmations the sign-in page shows after a redirect, by a fixed key (never text from the URL). */
const NOTICES: Record<string, string> = {
  reset: 'Your password was changed and every session signed out. Sign in with the new password.',
  joined: 'Welcome aboard: your account is ready. Sign in with the password you chose.',
};

/** Sign in (with the second step when two-factor is on) and sign out; the emailed links beside them. Mounted by adminRoutes after the session middleware. */
export function loginRoutes(deps: LoginRouteDeps): Hono<AppEnv> {
  const { db, clock, sessionSecret, isSecure } = deps;
  const loginDeps = { db, clock, deviceSecret: sessionSecret, limits: deps.loginLimits };
  const routes = new Hono<AppEnv>();

  const renderForm = async (c: Context<AppEnv>, status: 200 | 400 | 401 | 403 | 429, state: FormState) => {
    const csrfToken = issueLoginCsrfToken(c, sessionSecret, clock.now(), isSecure);
    return c.html(await renderPage(<LoginView cssUrl={deps.cssUrl()} csrfToken={csrfToken} {...state} />), status);
  };
  const renderCodeForm = async (c: Context<AppEnv>, status: 200 | 401 | 403 | 429, next: string, error?: string) => {
    const csrfToken = issueLoginCsrfToken(c, sessionSecret, clock.now(), isSecure);
    return c.html(await renderPage(<SecondFactorView cssUrl={deps.cssUrl()} csrfToken={csrfToken} next={next} error={error} />), status);
  };

  /** The end of every successful sign-in: one session per browser, the device cookie, on to `next`. */
  const startBrowserSession = async (c: Context<AppEnv>, result: LoginResult, next: string) => {
    // A session this browser already had is ended, so one sign-in never leaves two alive.
    await endSession(db, sessionTokenOf(c));
    setSessionCookie(c, sessionSecret, result.token, result.session.expiresAt, isSecure, clock.now());
    setDeviceCookie(c, formatDeviceCookie(result.deviceTokens), isSecure);
    clearLoginCsrfCookie(c, isSecure);
    deleteCookie(c, CHALLENGE_COOKIE, { path: LOGIN_PATH, secure: isSecure });
    return c.redirect(next, 303);
  };

  routes.get('/login', async (c) => {
    const next = safeNextPath(c.req.query('next'));
    if (c.get('user')) return c.redirect(next, 303);
    return renderForm(c, 200, { email: '', next, notice: NOTICES[c.req.query('done') ?? ''] });
  });

  routes.post('/login', smallForm, async (c) => {
    const parsed = LoginFormBody.safeParse(await c.req.parseBody());
    if (!parsed.success) return renderForm(c, 400, { email: '', next: safeNextPath(''), error: 'The form could not be read. Please try again.' });
    const form = parsed.data;
    const state = { email: form.email, next: safeNextPath(form.next) };
    if (isForgedAnonymousPost(c, deps, clock.now(), form.csrf)) return renderForm(c, 403, { ...state, error: new CsrfRejectedError().message });

    const credentials = LoginCredentials.safeParse(form);
    if (!credentials.success) return renderForm(c, 400, { ...state, error: credentials.error.issues[0]?.message ?? 'Check the form.' });

    const ip = clientAddress(c, deps.trustedProxies);
    try {
      const outcome = await login(loginDeps, {
        email: credentials.data.email,
        password: credentials.data.password,
        ip,
        deviceTokens: parseDeviceCookie(getCookie(c, DEVICE_COOKIE)),
        userAgent: c.req.header('user-agent') ?? '',
      });
      if (outcome.kind === 'signed-in') return startBrowserSession(c, outcome, state.next);
      // Right password, two-factor on: no session yet, only the challenge, in a cookie only the code form sees.
      setCookie(c, CHALLENGE_COOKIE, outcome.challengeToken, { httpOnly: true, sameSite: 'Strict', secure: isSecure, path: LOGIN_PATH, maxAge: CHALLENGE_TTL_SECONDS });
      return c.redirect(state.next === DEFAULT_AFTER_LOGIN ? CODE_PATH : `${CODE_PATH}?next=${encodeURIComponent(state.next)}`, 303);
    } catch (error) {
      if (error instanceof AccountDeactivatedError) {
        c.get('logger').info('sign-in refused: account deactivated', { ip, userId: error.userId });
        return renderForm(c, 403, { ...state, error: error.message });
      }
      if (!(error instanceof LoginFailedError || error instanceof LoginThrottledError)) throw error;
      // For the operator only: the requester is told nothing about which it was. The typed
      // email is not logged (a password pasted into the wrong field would land in the log).
      const { reason, userId, isKnownDevice, limits } = error.failure;
      c.get('logger').info('sign-in failed', { reason, ip, userId, isKnownDevice, ...(limits ? { limits } : {}) });
      if (error instanceof LoginFailedError) return renderForm(c, 401, { ...state, error: error.message });
      c.header('retry-after', String(error.retryAfterSeconds));
      return renderForm(c, 429, { ...state, error: error.message });
    }
  });

  routes.get('/login/code', async (c) => {
    const next = safeNextPath(c.req.query('next'));
    if (c.get('user')) return c.redirect(next, 303);
    if (!getCookie(c, CHALLENGE_COOKIE)) return c.redirect(LOGIN_PATH, 303);
    return renderCodeForm(c, 200, next);
  });

  routes.post('/login/code', smallForm, async (c) => {
    const form = await formStrings(c, ['code', 'csrf', 'next']);
    const next = safeNextPath(form.next);
    if (isForgedAnonymousPost(c, deps, clock.now(), form.csrf)) return renderCodeForm(c, 403, next, new CsrfRejectedError().message);
    const ip = clientAddress(c, deps.trustedProxies);
    try {
      const result = await completeSignIn(loginDeps, {
        challengeToken: getCookie(c, CHALLENGE_COOKIE) ?? '',
        code: form.code!.slice(0, 40),
        ip,
        deviceTokens: parseDeviceCookie(getCookie(c, DEVICE_COOKIE)),
        userAgent: c.req.header('user-agent') ?? '',
      });
      return startBrowserSession(c, result, next);
    } catch (error) {
      if (error instanceof SignInExpiredError) {
        deleteCookie(c, CHALLENGE_COOKIE, { path: LOGIN_PATH, secure: isSecure });
        return renderForm(c, 401, { email: '', next, error: error.message });
      }
      if (!(error instanceof LoginFailedError || error instanceof LoginThrottledError)) throw error;
      const { reason, userId, limits } = error.failure;
      c.get('logger').info('second sign-in step failed', { reason, ip, userId, ...(limits ? { limits } : {}) });
      if (error instanceof LoginFailedError) return renderCodeForm(c, 401, next, error.message);
      c.header('retry-after', String(error.retryAfterSeconds));
      return renderCodeForm(c, 429, next, error.message);
    }
  });

  routes.post('/logout', smallForm, async (c) => {
    assertSameSite(c, deps.siteUrl);
    const sessionId = currentSessionId(c);
    // Already signed out (or the session expired): nothing to end, nothing to protect.
    if (!c.get('user') || !sessionId) {
      clearSessionCookie(c, isSecure);
      return c.redirect(LOGIN_PATH, 303);
    }
    const body = await c.req.parseBody();
    if (!isValidSessionCsrfToken(sessionSecret, sessionId, body.csrf)) throw new CsrfRejectedError();
    await endSession(db, sessionTokenOf(c));
    clearSessionCookie(c, isSecure);
    return c.redirect(LOGIN_PATH, 303);
  });

  // Strangers use these (a forgotten password, an emailed link): beside the sign-in, not in an area.
  routes.route('/', accountLinkRoutes(deps));
  return routes;
}

/**
 * The browser's device tokens: HttpOnly, SameSite=Strict and sent only to the login form,
 * the one place that reads them; kept a year, like the tokens inside, and kept on sign-out,
 * since it is the browser that is known, not the session.
 */
function setDeviceCookie(c: Context<AppEnv>, value: string, isSecure: boolean): void {
  setCookie(c, DEVICE_COOKIE, value, { httpOnly: true, sameSite: 'Strict', secure: isSecure, path: LOGIN_PATH, maxAge: DEVICE_TOKEN_TTL_SECONDS });
}
