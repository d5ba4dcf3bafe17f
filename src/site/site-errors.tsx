import type { Context } from 'hono';
import type { Database } from '../db/database.js';
import type { AppEnv } from '../http/app-env.js';
import { statusOf } from '../http/error-status.js';
import type { AssetStore } from '../http/static-assets.js';
import { findRedirect } from '../redirects/index.js';
import { GoneError, MovedError, TooManyRequestsError, ValidationError } from '../shared/errors.js';
import { loadChrome } from './chrome.js';
import { pageUrl } from './meta/urls.js';
import { PageNotFoundError } from './pages/load-list-pages.js';
import { renderDocument } from './render-document.js';
import { ErrorView, GoneView, NoSuchPageView, NotFoundView } from './views/index.js';

export interface SiteErrorDeps {
  db: Database;
  siteUrl: URL;
  assets: AssetStore;
}

/**
 * Turns any error on a public URL into the page a reader should see: 301 for a moved
 * article or a redirect row, 404 that helps, 410 for a withdrawn article, 400 for a
 * malformed request, and a 500 that logs the cause and shows no stack.
 */
export function siteErrorResponder(deps: SiteErrorDeps) {
  const origin = deps.siteUrl.href.replace(/\/$/, '');
  return async (c: Context<AppEnv>, error: unknown): Promise<Response> => {
    let status = statusOf(error);
    if (error instanceof MovedError) return c.redirect(origin + error.location, 301);
    let goneTitle: string | null = error instanceof GoneError ? (error.title ?? null) : null;
    if (status === 404 && (c.req.method === 'GET' || c.req.method === 'HEAD')) {
      const redirect = await findRedirect(deps.db, c.req.path).catch(() => null);
      if (redirect?.code === 301) return c.redirect(/^https?:/.test(redirect.toPath) ? redirect.toPath : origin + redirect.toPath, 301);
      if (redirect?.code === 410) {
        status = 410;
        goneTitle = null;
      }
    }
    if (status >= 500) {
      c.get('logger')?.error('request failed', { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
    if (error instanceof TooManyRequestsError) c.header('retry-after', String(error.retryAfterSeconds));
    c.header('cache-control', 'no-store');
    let chrome;
    try {
      chrome = await loadChrome(deps.db, deps.siteUrl, deps.assets);
    } catch {
      return c.text(status === 404 ? 'Not found' : 'The site cannot answer right now. Please try again shortly.', status as 404);
    }
    const view =
      error instanceof PageNotFoundError ? (
        <NoSuchPageView
          chrome={chrome}
          asked={c.req.query('page') ?? ''}
          firstUrl={error.listUrl}
          lastUrl={pageUrl(error.listUrl, error.lastPage)}
          lastPage={error.lastPage}
        />
      ) : status === 404 ? (
        <NotFoundView chrome={chrome} />
      ) : status === 410 ? (
        <GoneView chrome={chrome} title={goneTitle} />
      ) : (
        <ErrorView chrome={chrome} status={status} message={messageFor(status, error)} />
      );
    return c.html(await renderDocument(view), status as 404);
  };
}

function messageFor(status: number, error: unknown): string {
  if (error instanceof ValidationError) return error.message;
  if (status === 429) return 'Too many requests. Please wait a moment and try again.';
  if (status >= 500) return 'Something went wrong on our side. The error has been logged; please try again shortly.';
  return 'This request could not be answered.';
}
