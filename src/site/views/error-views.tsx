import type { Child } from 'hono/jsx';
import { errorMeta } from '../meta/build-meta.js';
import { ARCHIVE_URL } from '../meta/urls.js';
import type { SiteChrome } from './chrome.js';
import { Layout } from './layout.js';

/** The body of every error page: what happened, then ways to go on reading. */
function ErrorPage({ chrome, code, title, children }: { chrome: SiteChrome; code: string; title: string; children?: Child }) {
  return (
    <Layout chrome={chrome} meta={errorMeta(chrome, title, chrome.settings.description)} kind="error">
      <div class="error-page">
        <p class="error-code">{code}</p>
        <h1 class="error-title">{title}</h1>
        {children}
        <nav class="error-links" aria-label="Where to go next">
          <p>
            <a class="button-link" href="/">
              Go to the front page
            </a>{' '}
            or browse <a href={ARCHIVE_URL}>the archive</a>.
          </p>
          {chrome.primaryNav.length > 0 && (
            <>
              <h2 class="error-links-title">Main topics</h2>
              <ul class="chips">
                {chrome.primaryNav.map((link) => (
                  <li>
                    <a href={link.url}>{link.name}</a>
                  </li>
                ))}
              </ul>
            </>
          )}
        </nav>
      </div>
    </Layout>
  );
}

/** 404 */
export function NotFoundView({ chrome }: { chrome: SiteChrome }) {
  return (
    <ErrorPage chrome={chrome} code="404" title="Page not found">
      <p class="error-message">
        There is nothing at this address. The page may have moved, or the link may be mistyped.
      </p>
    </ErrorPage>
  );
}

/** The longest `?page=` value echoed back; the rest is cut with an ellipsis. */
const ECHO_LENGTH = 120;

/** 404 for a list page that does not exist: past the last page, or not a page number. */
export function NoSuchPageView({
  chrome,
  asked,
  firstUrl,
  lastUrl,
  lastPage,
}: {
  chrome: SiteChrome;
  /** the `?page=` value as asked, echoed (shortened) so the reader sees what went wrong */
  asked: string;
  firstUrl: string;
  lastUrl: string;
  lastPage: number;
}) {
  const echo = asked.length > ECHO_LENGTH ? `${asked.slice(0, ECHO_LENGTH)}…` : asked;
  return (
    <ErrorPage chrome={chrome} code="404" title="There is no such page">
      <p class="error-message">
        This list has no page <q class="echo">{echo}</q>.{' '}
        {lastPage > 1 ? `Its pages run from 1 to ${lastPage}.` : 'It has one page.'}
      </p>
      <p class="error-message">
        <a href={firstUrl}>Go to the first page</a>
        {lastPage > 1 && (
          <>
            {' '}
            or <a href={lastUrl}>the last page ({lastPage})</a>
          </>
        )}
        .
      </p>
    </ErrorPage>
  );
}

/** 410: a withdrawn article. */
export function GoneView({ chrome, title }: { chrome: SiteChrome; title: string | null }) {
  return (
    <ErrorPage chrome={chrome} code="410" title="This article has been withdrawn">
      <p class="error-message">
        {title ? <>“{title}” </> : 'The article at this address '}
        has been withdrawn by the editors and is no longer available.
      </p>
    </ErrorPage>
  );
}

const ERROR_TITLES: Record<number, string> = {
  400: 'That request could not be understood',
  403: 'That is not allowed',
  429: 'Too many requests',
};

/** 400, 429, 500 and the like: a short human sentence, never a stack trace. */
export function ErrorView({ chrome, status, message }: { chrome: SiteChrome; status: number; message: string }) {
  const title = ERROR_TITLES[status] ?? (status >= 500 ? 'Something went wrong' : 'That request could not be completed');
  return (
    <ErrorPage chrome={chrome} code={String(status)} title={title}>
      <p class="error-message">{message}</p>
    </ErrorPage>
  );
}
