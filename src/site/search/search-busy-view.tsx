import { searchMeta } from '../meta/build-meta.js';
import type { SiteChrome } from '../views/chrome.js';
import { Layout } from '../views/layout.js';

/** Why a search was not run: this address searched too much (429), or every reader together did (503). */
export type SearchRefusal = 'address' | 'site';

const WORDING: Record<SearchRefusal, { code: number; title: string; message: string }> = {
  address: {
    code: 429,
    title: 'Too many searches',
    message: 'More searches came from your address in the last minute than we answer. Try again in a minute; the rest of the site works as usual.',
  },
  site: {
    code: 503,
    title: 'Search is busy',
    message: 'More searches are arriving than this site answers at once. Try again in a few seconds; the rest of the site works as usual.',
  },
};

export function searchRefusalStatus(refusal: SearchRefusal): 429 | 503 {
  return refusal === 'address' ? 429 : 503;
}

export function SearchBusyView({ chrome, refusal }: { chrome: SiteChrome; refusal: SearchRefusal }) {
  const wording = WORDING[refusal];
  return (
    <Layout chrome={chrome} meta={searchMeta(chrome, '')} kind="search">
      <div class="error-page">
        <p class="error-code">{wording.code}</p>
        <h1 class="error-title">{wording.title}</h1>
        <p class="error-message">{wording.message}</p>
        {/* An empty href is this page's own address, the query with it: the page renders once for every refused search. */}
        <p class="error-message">
          <a href="">Try this search again</a>
        </p>
      </div>
    </Layout>
  );
}
