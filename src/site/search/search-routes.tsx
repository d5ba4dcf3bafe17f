/*
 * The reader's search: GET /search?q=… (the results page) and GET /search/suggest?q=… (the
 * header box's suggestions, JSON). Mounted before the page cache, and routed as sent by
 * http/request-target.ts, so no search is ever a page-cache entry: a search after a publish
 * finds the article at once (the engine indexes it in the publishing transaction).
 */
import { type Context, Hono } from 'hono';
import type { Database, Dialect } from '../../db/database.js';
import type { AppEnv } from '../../http/app-env.js';
import { clientAddress } from '../../http/client-ip.js';
import type { Clock } from '../../shared/clock.js';
import { renderDocument } from '../render-document.js';
import type { SiteChrome } from '../views/chrome.js';
import { type AddressRate, AddressRateLimit } from './address-rate-limit.js';
import { loadSearchPage } from './load-search-page.js';
import { loadSuggestions } from './load-suggestions.js';
import { type SearchRefusal, SearchBusyView, searchRefusalStatus } from './search-busy-view.js';
import { parseSearchRequest, SEARCH_PATH } from './search-request.js';
import { SearchTimeBudget, type SearchTimeShare } from './search-time-budget.js';
import { SearchView } from './search-view.js';

export interface SearchRouteDeps {
  db: Database;
  dialect: Dialect;
  chrome: () => Promise<SiteChrome>;
  clock: Clock;
  trustedProxies: readonly string[];
  /** per client address and process (config: SEARCH_LIMIT_PER_IP, SEARCH_SUGGEST_LIMIT_PER_IP) */
  rates: { page: AddressRate; suggest: AddressRate };
  /** the share of the process's time all searches together may take (config: SEARCH_TIME_SHARE) */
  timeShare: SearchTimeShare;
}

/** Suggestions change only when something is published: a browser may keep them a minute. */
const SUGGEST_CACHE_CONTROL = 'public, max-age=60';

export function searchRoutes(deps: SearchRouteDeps): Hono<AppEnv> {
  const { db, dialect, chrome } = deps;
  const pageLimit = new AddressRateLimit(deps.rates.page, deps.clock);
  const suggestLimit = new AddressRateLimit(deps.rates.suggest, deps.clock);
  const budget = new SearchTimeBudget(deps.timeShare);
  const routes = new Hono<AppEnv>();
  const address = (c: Context<AppEnv>) => clientAddress(c, deps.trustedProxies);
  // A flood is answered with these pages thousands of times a second: rendered once per chrome.
  const busyPages: Record<SearchRefusal, WeakMap<SiteChrome, Promise<string>>> = { address: new WeakMap(), site: new WeakMap() };
  const busyPage = (ch: SiteChrome, refusal: SearchRefusal) => {
    let page = busyPages[refusal].get(ch);
    if (!page) busyPages[refusal].set(ch, (page = renderDocument(<SearchBusyView chrome={ch} refusal={refusal} />)));
    return page;
  };

  routes.get(SEARCH_PATH, async (c) => {
    c.header('cache-control', 'private, no-cache');
    c.header('x-robots-tag', 'noindex');
    const ch = await chrome();
    const taken = pageLimit.take(address(c));
    const done = taken.isAllowed ? budget.begin() : null;
    if (!done) {
      const refusal: SearchRefusal = taken.isAllowed ? 'site' : 'address';
      c.header('retry-after', String(taken.isAllowed ? 1 : taken.retryAfterSeconds));
      return c.html(await busyPage(ch, refusal), searchRefusalStatus(refusal));
    }
    try {
      const page = await loadSearchPage({ db, dialect }, parseSearchRequest((name) => c.req.query(name)), ch.settings.timeZone);
      return c.html(await renderDocument(<SearchView chrome={ch} page={page} />));
    } finally {
      done();
    }
  });

  // One spelling: the form and every link say /search; the query goes along.
  routes.get(`${SEARCH_PATH}/`, (c) => {
    const url = c.req.url;
    const q = url.indexOf('?');
    return c.redirect(`${SEARCH_PATH}${q === -1 ? '' : url.slice(q)}`, 301);
  });

  routes.get(`${SEARCH_PATH}/suggest`, async (c) => {
    const taken = suggestLimit.take(address(c));
    const done = taken.isAllowed ? budget.begin() : null;
    if (!done) {
      c.header('retry-after', String(taken.isAllowed ? 1 : taken.retryAfterSeconds));
      c.header('cache-control', 'no-store');
      return c.json({ items: [], error: taken.isAllowed ? 'Search is busy; try again in a moment.' : 'Too many requests; wait a little.' }, taken.isAllowed ? 503 : 429);
    }
    try {
      const { settings } = await chrome();
      const items = await loadSuggestions(db, c.req.query('q') ?? '', settings);
      c.header('cache-control', SUGGEST_CACHE_CONTROL);
      return c.json({ items });
    } finally {
      done();
    }
  });

  return routes;
}
