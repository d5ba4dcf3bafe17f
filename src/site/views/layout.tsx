import type { Child } from 'hono/jsx';
import type { PageMeta } from '../meta/page-meta.js';
import type { SiteChrome } from './chrome.js';
import { Head } from './head.js';
import { SiteFooter } from './site-footer.js';
import { SiteHeader } from './site-header.js';

export interface LayoutProps {
  chrome: SiteChrome;
  meta: PageMeta;
  /** names the page kind for the stylesheet: "home", "article", "list", … */
  kind: string;
  /** URL of the top-level topic the page belongs to, marked in the navigation */
  section?: string | undefined;
  children?: Child;
}

/**
 * The complete document every public page shares. Its script is the header search box's
 * (suggestions as you type); article pages add the comment form's, beside the form.
 */
export function Layout({ chrome, meta, kind, section, children }: LayoutProps) {
  return (
    <html lang={chrome.settings.language}>
      <Head chrome={chrome} meta={meta} />
      <body class={`page-${kind}`}>
        <a class="skip-link" href="#main">
          Skip to content
        </a>
        <SiteHeader chrome={chrome} section={section} />
        <main id="main" class="site-main" tabindex={-1}>
          {children}
        </main>
        <SiteFooter chrome={chrome} />
        <script type="module" src={chrome.assets.searchScript}></script>
      </body>
    </html>
  );
}
