import { listPublishedPages } from '../content/index.js';
import type { Database } from '../db/database.js';
import type { AssetStore } from '../http/static-assets.js';
import { findMediaByIds } from '../media/index.js';
import { loadSettings } from '../settings/index.js';
import { listChildTopics, topicLink } from '../taxonomy/index.js';
import { PRELOAD_FONTS, type SiteChrome, STYLESHEET } from './views/chrome.js';


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
    },
  };
}
