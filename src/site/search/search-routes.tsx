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
import { SearchBusyView } from './search-busy-view.js';
import { parseSearchRequest, SEARCH_PATH } from './search-request.js';
import { SearchView } from './search-view.js';

export interface SearchRouteDeps {
  db: Database;
  dialect: Dialect;
  chrome: () => Promise<SiteChrome>;
  clock: Clock;
  trustedProxies: readonly string[];
  /** per client address and process (config: SEARCH_LIMIT_PER_IP, SEARCH_SUGGEST_LIMIT_PER_IP) */
  rates: { page: AddressRate; suggest: AddressRate };
}

/** Suggestions change only when something is published: a browser may keep them a minute. */
const SUGGEST_CACHE_CONTROL = 'public, max-age=60';

export function searchRoutes(deps: SearchRouteDeps): Hono<AppEnv> {
  const { db, dialect, chrome } = deps;
  const pageLimit = new AddressRateLimit(deps.rates.page, deps.clock);
  const suggestLimit = new AddressRateLimit(deps.rates.suggest, deps.clock);
  const routes = new Hono<AppEnv>();
  const address = (c: Context<AppEnv>) => clientAddress(c, deps.trustedProxies);
  // A flood is answered with this page thousands of times a second: rendered once per chrome.
  const busyPages = new WeakMap<SiteChrome, Promise<string>>();
  const busyPage = (ch: SiteChrome) => {
    let page = busyPages.get(ch);
    if (!page) busyPages.set(ch, (page = renderDocument(<SearchBusyView chrome={ch} />)));
    return page;
  };

  routes.get(SEARCH_PATH, async (c) => {
    c.header('cache-control', 'private, no-cache');
    c.header('x-robots-tag', 'noindex');
    const ch = await chrome();
    const taken = pageLimit.take(address(c));
    if (!taken.isAllowed) {
      c.header('retry-after', String(taken.retryAfterSeconds));
      return c.html(await busyPage(ch), 429);
    }
    const page = await loadSearchPage({ db, dialect }, parseSearchRequest((name) => c.req.query(name)), ch.settings.timeZone);
    return c.html(await renderDocument(<SearchView chrome={ch} page={page} />));
  });

  // One spelling: the form and every link say /search; the query goes along.
  routes.get(`${SEARCH_PATH}/`, (c) => {
    const url = c.req.url;
    const q = url.indexOf('?');
    return c.redirect(`${SEARCH_PATH}${q === -1 ? '' : url.slice(q)}`, 301);
  });

  routes.get(`${SEARCH_PATH}/suggest`, async (c) => {
    const taken = suggestLimit.take(address(c));
    if (!taken.isAllowed) {
      c.header('retry-after', String(taken.retryAfterSeconds));
      c.header('cache-control', 'no-store');
      return c.json({ items: [], error: 'Too many requests; wait a little.' }, 429);
    }
    const { settings } = await chrome();
    const items = await loadSuggestions(db, c.req.query('q') ?? '', settings);
    c.header('cache-control', SUGGEST_CACHE_CONTROL);
    return c.json({ items });
  });

  return routes;
}
