import type { StaticPage } from '../pages/reader-pages.js';
import { staticPageMeta } from '../meta/build-meta.js';
import type { SiteChrome } from './chrome.js';
import { formatDate, isoDateTime } from './dates.js';
import { Layout } from './layout.js';
import { TrustedHtml } from './trusted-html.js';

/** A standalone page (About, Privacy, Contact). */
export function StaticPageView({ chrome, page }: { chrome: SiteChrome; page: StaticPage }) {
  return (
    <Layout chrome={chrome} meta={staticPageMeta(chrome, page)} kind="page">
      <article class="article static-page">
        <header class="article-header">
          <h1 class="article-title">{page.title}</h1>
        </header>
        <div class="article-layout">
          <div class="article-body prose">
            <TrustedHtml html={page.body} />
          </div>
        </div>
        <footer class="article-footer">
          <p class="page-updated">
            Last updated <time datetime={isoDateTime(page.updatedAt)}>{formatDate(page.updatedAt, chrome.settings)}</time>
          </p>
        </footer>
      </article>
    </Layout>
  );
}
