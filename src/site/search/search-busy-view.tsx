import { searchMeta } from '../meta/build-meta.js';
import type { SiteChrome } from '../views/chrome.js';
import { Layout } from '../views/layout.js';

/** 429: this address has searched more in the last minute than a reader does. */
export function SearchBusyView({ chrome }: { chrome: SiteChrome }) {
  return (
    <Layout chrome={chrome} meta={searchMeta(chrome, '')} kind="search">
      <div class="error-page">
        <p class="error-code">429</p>
        <h1 class="error-title">Too many searches</h1>
        <p class="error-message">
          More searches came from your address in the last minute than we answer. Try again in a minute; the rest of the site works as usual.
        </p>
      </div>
    </Layout>
  );
}
