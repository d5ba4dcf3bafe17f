import { listPublishedPages } from '../content/index.js';
import type { Database } from '../db/database.js';
import { SITE_TAG } from '../http/cache/cache-tags.js';
import type { PageCache } from '../http/cache/page-cache.js';
import type { AssetStore } from '../http/static-assets.js';
import { findMediaByIds } from '../media/index.js';
import { loadSettings } from '../settings/index.js';
import { listChildTopics, topicLink } from '../taxonomy/index.js';
import { COMMENTS_SCRIPT, PRELOAD_FONTS, SEARCH_SCRIPT, type SiteChrome, STYLESHEET } from './views/chrome.js';

/**
 * The site chrome (settings, navigation, footer pages, logo) is on every page and changes
 * only with the `site` tag, so it is loaded once and kept until that tag is invalidated —
 * in this process or, through the same invalidator as the page cache, in any other.
 */
export function chromeLoader(db: Database, siteUrl: URL, assets: AssetStore, cache: PageCache): () => Promise<SiteChrome> {
  let memo: { chrome: Promise<SiteChrome>; since: number } | null = null;
  return () => {
    if (memo && !cache.isStale([SITE_TAG], memo.since)) return memo.chrome;
    const current = { chrome: loadChrome(db, siteUrl, assets), since: cache.begin() };
    memo = current;
    current.chrome.catch(() => {
      if (memo === current) memo = null;
    });
    return current.chrome;
  };
}

export async function loadChrome(db: Database, siteUrl: URL, assets: AssetStore): Promise<SiteChrome> {
  const [settings, topTopics, pages] = await Promise.all([loadSettings(db), listChildTopics(db, null), listPublishedPages(db)]);
  const logoId = settings.publisherLogoMediaId;
  const publisherLogo = logoId ? ((await findMediaByIds(db, [logoId])).get(logoId) ?? null) : null;
  return {
    siteUrl: siteUrl.href.replace(/\/$/, ''),
    settings,
    primaryNav: topTopics.map(topicLink),
    pages: pages.map((p) => ({ name: p.title, url: `/${p.slug}/` })),
    publisherLogo,
    assets: {
      inlineStyle: assets.inlineStyle(STYLESHEET).css,
      fonts: PRELOAD_FONTS.filter((f) => assets.has(f)).map((f) => assets.url(f)),
      commentsScript: assets.url(COMMENTS_SCRIPT),
      searchScript: assets.url(SEARCH_SCRIPT),
    },
  };
}
