/*
 * The hostile row: wrk over 10,000 distinct junk and encoded spellings of the site's real
 * URLs (percent-encoded letters, capitals, ?page=02, //host/, /\host/, dot segments,
 * encoded slashes, malformed percent-encoding, unknown paths). None may take a cache
 * entry, answer 500, or push the real pages out of the cache or the server past its budget.
 */
import type { SitePages } from './discover.js';
import { readMemory, type RunningServer } from './dossier-server.js';
import { runWrkOverPaths, type StatusClasses } from './url-stream.js';
import type { WrkResult } from './wrk.js';

export const HOSTILE_URLS = 10_000;
export const HOSTILE_SECONDS = 15;

export interface HostileResult {
  site: 'demo' | 'large';
  urls: number;
  wrk: WrkResult;
  statuses: StatusClasses;
  /** the real pages, each asked for again after the flood: true when the cache answered it */
  stillCached: Record<string, boolean>;
  rssBeforeMb: number;
  rssAfterMb: number;
  peakRssMb: number;
  cacheMaxMb: number;
}

/** Distinct hostile spellings built from the site's own paths; printable ASCII as on the wire. */
export function hostileTargets(pages: SitePages, count = HOSTILE_URLS): string[] {
  const { article, topic } = pages.paths;
  const letters = [...article].map((ch, i) => (/[a-z]/.test(ch) ? i : -1)).filter((i) => i >= 0);
  const kinds: Array<(i: number) => string> = [
    // a letter percent-encoded, in upper or lower hex, and a tracking parameter to vary it
    (i) => {
      const at = letters[i % letters.length]!;
      const hex = article.charCodeAt(at).toString(16);
      return `${article.slice(0, at)}%${i % 2 ? hex.toUpperCase() : hex}${article.slice(at + 1)}?utm_source=${i}`;
    },
    (i) => `${article.toUpperCase()}?fbclid=${i}`,
    (i) => `${topic}?page=0${i}`,
    (i) => `//evil-${i}.test/`,
    (i) => `/\\evil-${i}.test/`,
    (i) => `${topic}..%2F${i}/`,
    (i) => `/${topic.split('/')[1]}/../junk-${i}/`,
    (i) => `/assets/%${i}z`,
    (i) => `/%ff%fe${i}/`,
    (i) => `/wp-login-${i}.php`,
    (i) => `/no-such-topic-${i}/`,
  ];
  return Array.from({ length: count }, (_, i) => kinds[i % kinds.length]!(i));
}

export async function measureHostile(
  site: HostileResult['site'],
  server: RunningServer,
  pages: SitePages,
  connections: number,
  cacheMaxMb: number,
): Promise<HostileResult> {
  const targets = hostileTargets(pages);
  if (new Set(targets).size !== targets.length) throw new Error('hostile URLs are not distinct');
  const before = readMemory(server.pid);
  console.log(`  wrk ${site} hostile -c${connections}: ${targets.length.toLocaleString('en-US')} distinct junk and encoded URLs for ${HOSTILE_SECONDS} s`);
  const { statuses, ...wrk } = await runWrkOverPaths(server.origin, targets, { connections, durationSeconds: HOSTILE_SECONDS, isOnce: false });
  const after = readMemory(server.pid);
  const stillCached: Record<string, boolean> = {};
  for (const [name, path] of Object.entries(pages.paths)) {
    const response = await fetch(server.origin + path, { headers: { 'accept-encoding': 'gzip' } });
    await response.arrayBuffer();
    // The cache front answers without a request id; the app, rendering, adds one.
    stillCached[name] = response.status === 200 && !response.headers.has('x-request-id');
  }
  return { site, urls: targets.length, wrk, statuses, stillCached, rssBeforeMb: before.rssMb, rssAfterMb: after.rssMb, peakRssMb: after.peakRssMb, cacheMaxMb };
}
