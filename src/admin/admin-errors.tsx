import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../http/app-env.js';
import { statusOf } from '../http/error-status.js';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  TooManyRequestsError,
  UnauthorizedError,
  ValidationError,
} from '../shared/errors.js';
import { renderPage } from './render-page.js';
import { AdminErrorView } from './views/index.js';

const TITLES: Record<number, string> = {
  400: 'That request could not be read',
  401: 'Please sign in',
  403: 'Not allowed',
  404: 'Page not found',
  409: 'That conflicts with something already there',
  413: 'That request was too large',
  429: 'Too many requests',
};

/**
 * Turns any error on an admin URL into a short page, or an RFC 9457 problem for a client
 * that asks for JSON. Only the messages of domain errors written for people are shown;
 * anything else (a 500 above all) is logged with its stack and answered generically.
 */
export function adminErrorResponder(cssUrl: () => string) {
  return async (error: unknown, c: Context<AppEnv>): Promise<Response> => {
    const status = error instanceof HTTPException ? error.status : statusOf(error);
    if (status >= 500) {
      c.get('logger')?.error('admin request failed', { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
    const title = TITLES[status] ?? 'Something went wrong';
    const message = messageFor(status, error);
    c.header('cache-control', 'no-store');
    if (error instanceof TooManyRequestsError) c.header('retry-after', String(error.retryAfterSeconds));
    if (prefersJson(c.req.header('accept'))) {
      return c.body(JSON.stringify({ type: 'about:blank', title, status, detail: message }), status as 400, {
        'content-type': 'application/problem+json',
      });
    }
    const link = c.get('user') ? { href: '/admin/', label: 'Back to the dashboard' } : { href: '/admin/login', label: 'Go to the sign-in page' };
    return c.html(await renderPage(<AdminErrorView cssUrl={cssUrl()} status={status} title={title} message={message} link={link} />), status as 400);
  };
}

function messageFor(status: number, error: unknown): string {
  const isWrittenForPeople =
    error instanceof ValidationError ||
    error instanceof UnauthorizedError ||
    error instanceof ForbiddenError ||
    error instanceof ConflictError ||
    error instanceof TooManyRequestsError;
  if (isWrittenForPeople) return error.message;
  if (error instanceof NotFoundError || status === 404) return 'There is no admin page at this address.';
  if (status < 500) return 'This request could not be answered.';
  return 'Something went wrong on our side. The error has been logged; please try again shortly.';
}

export function prefersJson(accept: string | undefined): boolean {
  if (!accept) return false;
  const json = accept.indexOf('application/json') >= 0 ? accept.indexOf('application/json') : accept.indexOf('application/problem+json');
  const html = accept.indexOf('text/html');
  return json >= 0 && (html < 0 || json < html);
}
