import type { Context } from 'hono';
import type { AppEnv } from '../http/app-env.js';
import { statusOf } from '../http/error-status.js';
import { GoneError, MovedError, TooManyRequestsError, ValidationError } from '../shared/errors.js';
import { pageUrl } from './meta/urls.js';
import { PageNotFoundError } from './pages/load-list-pages.js';
import { renderDocument } from './render-document.js';
import { ErrorView, GoneView, NoSuchPageView, NotFoundView, type SiteChrome } from './views/index.js';

export interface SiteErrorDeps {
  chrome: () => Promise<SiteChrome>;
  siteOrigin: string;
}

/**
 * Turns any error on a public URL into the page a reader should see: 301 for a moved
 * article, 404 that helps, 410 for a withdrawn article or a 410 redirect row, 400 for a
 * malformed request, and a 500 that logs the cause and shows no stack. (Redirect rows are
 * consulted where paths are resolved, not here.)
 */
export function siteErrorResponder(deps: SiteErrorDeps) {
  return async (c: Context<AppEnv>, error: unknown): Promise<Response> => {
    const status = statusOf(error);
    if (error instanceof MovedError) return c.redirect(deps.siteOrigin + error.location, 301);
    const goneTitle: string | null = error instanceof GoneError ? (error.title ?? null) : null;
    if (status >= 500) {
      c.get('logger')?.error('request failed', { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
    if (error instanceof TooManyRequestsError) c.header('retry-after', String(error.retryAfterSeconds));
    c.header('cache-control', 'no-store');
    let chrome;
    try {
      chrome = await deps.chrome();
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
