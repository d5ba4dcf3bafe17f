import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getCookie, setCookie } from 'hono/cookie';
import {
  DEVICE_COOKIE,
  DEVICE_TOKEN_TTL_SECONDS,
  endSession,
  formatDeviceCookie,
  login,
  LoginFailedError,
  type LoginLimits,
  LoginThrottledError,
  parseDeviceCookie,
} from '../accounts/index.js';
import type { Database } from '../db/database.js';
import type { AppEnv } from '../http/app-env.js';
import {
  assertSameSite,
  clearLoginCsrfCookie,
  CsrfRejectedError,
  isCrossSite,
  isValidLoginCsrfRequest,
  isValidSessionCsrfToken,
  issueLoginCsrfToken,
} from '../http/csrf.js';
import { clearSessionCookie, currentSessionId, LOGIN_PATH, safeNextPath, sessionTokenOf, setSessionCookie } from '../http/session.js';
import type { Clock } from '../shared/clock.js';
import { clientAddress } from '../http/client-ip.js';
import { LoginCredentials, LoginFormBody } from './login-form.js';
import { renderPage } from './render-page.js';
import { LoginView } from './views/index.js';

export interface LoginRouteDeps {
  db: Database;
  clock: Clock;
  siteUrl: URL;
  trustedProxies: readonly string[];
  sessionSecret: Buffer;
  isSecure: boolean;
  cssUrl: () => string;
  loginLimits?: LoginLimits;
}

type FormState = { email: string; next: string; error?: string };

/** Sign-in and sign-out forms are a few hundred bytes; refuse anything far larger before parsing it. */
const smallForm = bodyLimit({ maxSize: 16 * 1024 });

/** Sign in and sign out. Mounted by adminRoutes after the session middleware. */
export function loginRoutes(deps: LoginRouteDeps): Hono<AppEnv> {
  const { db, clock, sessionSecret, isSecure } = deps;
  const routes = new Hono<AppEnv>();

  const renderForm = async (c: Context<AppEnv>, status: 200 | 400 | 401 | 403 | 429, state: FormState) => {
    const csrfToken = issueLoginCsrfToken(c, sessionSecret, clock.now(), isSecure);
    return c.html(await renderPage(<LoginView cssUrl={deps.cssUrl()} csrfToken={csrfToken} {...state} />), status);
  };

  routes.get('/login', async (c) => {
    const next = safeNextPath(c.req.query('next'));
    if (c.get('user')) return c.redirect(next, 303);
    return renderForm(c, 200, { email: '', next });
  });

  routes.post('/login', smallForm, async (c) => {
    const parsed = LoginFormBody.safeParse(await c.req.parseBody());
    if (!parsed.success) return renderForm(c, 400, { email: '', next: safeNextPath(''), error: 'The form could not be read. Please try again.' });
    const form = parsed.data;
    const state = { email: form.email, next: safeNextPath(form.next) };

    const isForged =
      isCrossSite({ origin: c.req.header('origin'), secFetchSite: c.req.header('sec-fetch-site') }, [deps.siteUrl.origin, new URL(c.req.url).origin]) ||
      !isValidLoginCsrfRequest(c, sessionSecret, clock.now(), form.csrf);
    if (isForged) return renderForm(c, 403, { ...state, error: new CsrfRejectedError().message });

    const credentials = LoginCredentials.safeParse(form);
    if (!credentials.success) return renderForm(c, 400, { ...state, error: credentials.error.issues[0]?.message ?? 'Check the form.' });

    const ip = clientAddress(c, deps.trustedProxies);
    try {
      const result = await login(
        { db, clock, deviceSecret: sessionSecret, limits: deps.loginLimits },
        { email: credentials.data.email, password: credentials.data.password, ip, deviceTokens: parseDeviceCookie(getCookie(c, DEVICE_COOKIE)) },
      );
      // A session this browser already had is ended, so one sign-in never leaves two alive.
      await endSession(db, sessionTokenOf(c));
      setSessionCookie(c, deps.sessionSecret, result.token, result.session.expiresAt, isSecure, clock.now());
      setDeviceCookie(c, formatDeviceCookie(result.deviceTokens), isSecure);
      clearLoginCsrfCookie(c, isSecure);
      return c.redirect(state.next, 303);
    } catch (error) {
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
