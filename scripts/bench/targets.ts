/*
 * The targets from the benchmark issue, judged against one run. They are goals for the
 * benchmark, not test assertions: a FAIL is a finding to report, not a broken build.
 */
import { CATEGORIES, type LighthouseSummary } from './lighthouse.js';
import type { BenchReport, Row, Target } from './results.js';
import type { SearchLatency } from './search.js';

export const RSS_LIMIT_MB = 200;
// Raised by issue 5, now that the first targets (25 and 50 ms) are met; judged at one connection.
export const UNCACHED_ARTICLE_P99_MS = 5;
export const UNCACHED_LARGE_TOPIC_P99_MS = 10;
export const CACHED_SHARE_OF_NGINX = 0.5;
// The brief's editor targets (Ghost's editor: 3.6 MB and 376 ms; WordPress's: 5.5 MB and 874 ms).
export const EDITOR_GZIP_LIMIT_BYTES = 300 * 1024;
export const EDITOR_READY_MS = 200;
// Issue 8: search p95 for terms in at most 5% of the articles, counts capped past 1,000.
export const SEARCH_P95_MS = { sqlite: 30, postgres: 100 } as const;

export function evaluateTargets(report: Omit<BenchReport, 'targets' | 'finishedAt'>, _uncachedConnections: number): Target[] {
  const find = (site: Row['site'], page: string, mode: Row['mode'], connections?: number) =>
    report.rows.find((r) => r.site === site && r.page === page && r.mode === mode && (connections === undefined || r.connections === connections));
  const targets: Target[] = [];

  const cached = find('demo', 'article', 'cached');
  const nginx = find('reference', 'article', 'nginx gzip_static');
  targets.push({
    name: `cached longest demo article ≥ ${CACHED_SHARE_OF_NGINX * 100}% of nginx req/s`,
    measured:
      cached && nginx
        ? `${fmt(cached.wrk.requestsPerSec)} / ${fmt(nginx.wrk.requestsPerSec)} = ${((100 * cached.wrk.requestsPerSec) / nginx.wrk.requestsPerSec).toFixed(0)}%`
        : 'not measured',
    pass: cached && nginx ? cached.wrk.requestsPerSec >= CACHED_SHARE_OF_NGINX * nginx.wrk.requestsPerSec : null,
  });
  // A render's latency is judged one request at a time (-c1): with more connections on one
  // JavaScript thread the p99 is mostly time spent queueing behind other renders, which the
  // -c<n> uncached rows show beside it as throughput under load.
  targets.push(latencyTarget(`uncached render of the longest demo article p99 < ${UNCACHED_ARTICLE_P99_MS} ms (-c1)`,
    find('demo', 'article', 'uncached', 1), UNCACHED_ARTICLE_P99_MS));
  targets.push(latencyTarget(`uncached large-site topic p99 < ${UNCACHED_LARGE_TOPIC_P99_MS} ms (-c1)`,
    find('large', 'topic', 'uncached', 1), UNCACHED_LARGE_TOPIC_P99_MS));

  const worst = [...report.memory].sort((a, b) => b.rssMb - a.rssMb)[0];
  targets.push({
    name: `server RSS after its run < ${RSS_LIMIT_MB} MB (every server)`,
    measured: worst ? `max ${worst.rssMb.toFixed(0)} MB (${worst.site}, ${worst.mode})` : 'not measured',
    pass: worst ? report.memory.every((m) => m.rssMb < RSS_LIMIT_MB) : null,
  });

  const bad = report.rows.filter((r) => r.wrk.non2xx > 0 || r.wrk.socketErrors > 0);
  targets.push({
    name: 'every response 2xx, no socket errors',
    measured: bad.length === 0 ? 'all' : bad.map((r) => `${r.site} ${r.page} ${r.mode}`).join('; '),
    pass: bad.length === 0,
  });

  for (const h of report.hostile) {
    const cold = Object.entries(h.stillCached).filter(([, hit]) => !hit).map(([page]) => page);
    targets.push({
      name: `hostile URLs (${h.site}): no 200 and no 5xx, real pages still cached, RSS ≤ before + CACHE_MAX_MB`,
      measured:
        `${h.statuses['2xx']} 2xx, ${h.statuses['5xx']} 5xx, ${h.wrk.socketErrors} socket errors; ` +
        `${cold.length === 0 ? 'all real pages cached' : `not cached: ${cold.join(', ')}`}; ` +
        `RSS ${h.rssBeforeMb.toFixed(0)} → ${h.rssAfterMb.toFixed(0)} MB (limit ${(h.rssBeforeMb + h.cacheMaxMb).toFixed(0)})`,
      pass: h.statuses['2xx'] === 0 && h.statuses['5xx'] === 0 && h.wrk.socketErrors === 0 && cold.length === 0 && h.rssAfterMb <= h.rssBeforeMb + h.cacheMaxMb,
    });
  }
  if (Array.isArray(report.crawl)) {
    const cached = report.crawl.find((c) => c.mode === 'cached');
    const uncached = report.crawl.find((c) => c.mode === 'uncached');
    if (cached && uncached) {
      targets.push({
        name: 'crawl: a miss is no dearer than no cache (cached req/s ≥ uncached req/s)',
        measured: `${fmt(cached.requestsPerSec)} / ${fmt(uncached.requestsPerSec)} = ${((100 * cached.requestsPerSec) / uncached.requestsPerSec).toFixed(0)}%`,
        pass: cached.requestsPerSec >= uncached.requestsPerSec,
      });
      targets.push({
        name: 'crawl: cached RSS ≤ uncached RSS + CACHE_MAX_MB (both after the crawl)',
        measured: `${cached.rssAfterMb.toFixed(0)} MB ≤ ${uncached.rssAfterMb.toFixed(0)} + ${cached.cacheMaxMb} MB (peak ${cached.peakRssMb.toFixed(0)} MB; ${cached.rssBeforeMb.toFixed(0)} MB before)`,
        pass: cached.rssAfterMb <= uncached.rssAfterMb + (cached.cacheMaxMb ?? 0),
      });
    }
  }
  const bare = find('reference', 'article', 'node http, same buffer');
  targets.push({
    name: 'cached longest demo article ≥ 90% of the bare Node server req/s',
    measured: cached && bare ? `${fmt(cached.wrk.requestsPerSec)} / ${fmt(bare.wrk.requestsPerSec)} = ${((100 * cached.wrk.requestsPerSec) / bare.wrk.requestsPerSec).toFixed(0)}%` : 'not measured',
    pass: cached && bare ? cached.wrk.requestsPerSec >= 0.9 * bare.wrk.requestsPerSec : null,
  });

  const admin = 'server' in report.admin ? report.admin.server : null;
  targets.push({
    name: `editor bundle < ${EDITOR_GZIP_LIMIT_BYTES / 1024} KB of gzipped JavaScript`,
    measured: admin ? `${(admin.editor.bundle.gzipBytes / 1024).toFixed(1)} KB` : 'not measured',
    pass: admin ? admin.editor.bundle.gzipBytes < EDITOR_GZIP_LIMIT_BYTES : null,
  });
  const timing = admin && !('skipped' in admin.editor.timing) ? admin.editor.timing : null;
  targets.push({
    name: `editor ready to type < ${EDITOR_READY_MS} ms (warm median, edit page of the longest article)`,
    measured: timing ? `${timing.warmReadyMedianMs} ms (cold ${timing.coldReadyMs} ms)` : 'not measured',
    pass: timing ? timing.warmReadyMedianMs < EDITOR_READY_MS : null,
  });

  targets.push(commentTarget(report.comments));
  targets.push(...searchTargets(report.search));

  if (Array.isArray(report.lighthouse)) {
    for (const summary of report.lighthouse) targets.push(lighthouseTarget(summary));
  } else {
    targets.push({ name: 'Lighthouse 100 in all four categories', measured: report.lighthouse.skipped, pass: null });
  }
  return targets;
}

/**
 * The comment rows are throughput figures only when nothing was refused: every post answered
 * 201 with its case's status and stored with it, every read of the article page 2xx.
 */
function commentTarget(comments: BenchReport['comments']): Target {
  const name = 'comment posts: every post acknowledged and stored as its case expects, every read 2xx';
  if ('skipped' in comments) return { name, measured: comments.skipped, pass: null };
  const problems: string[] = [];
  const reads = [comments.readersAlone, ...comments.cases.map((k) => k.readers)];
  const badReads = reads.reduce((sum, w) => sum + w.non2xx + w.socketErrors, 0);
  if (badReads > 0) problems.push(`${badReads} reads not 2xx or failed`);
  for (const k of comments.cases) {
    const failed = Object.values(k.failures).reduce((sum, n) => sum + n, 0);
    if (failed > 0) problems.push(`${k.moderation}: ${failed} failures (posts refused or failed, or a stale page)`);
    const otherwise = Object.entries(k.stored).filter(([what]) => !what.startsWith(`${k.moderation === 'held' ? 'pending' : 'approved'}/`));
    if (otherwise.length > 0) problems.push(`${k.moderation}: stored as ${otherwise.map(([what, n]) => `${what} ${n}`).join(', ')}`);
  }
  const rates = comments.cases.map((k) => `${k.moderation} ${fmt(k.postsPerSec)} posts/s`).join(', ');
  return { name, measured: problems.length === 0 ? `all (${rates})` : problems.join('; '), pass: problems.length === 0 };
}

/**
 * Per dialect and way in (engine, HTTP): the worst p95 over the queries the issue's target is
 * for (both orders), and, judged apart, over the others (common words, aliases of topics most
 * articles name), which only the capped count could keep fast.
 */
export function searchTargets(search: BenchReport['search']): Target[] {
  if ('skipped' in search) return [{ name: 'search p95 (issue 8)', measured: search.skipped, pass: null }];
  const targets: Target[] = [];
  for (const site of search.sites) {
    const limit = SEARCH_P95_MS[site.dialect];
    const within = new Set(site.queries.filter((q) => q.isWithinTarget).map((q) => q.query));
    for (const via of ['engine', 'http'] as const) {
      const rows = site.rows.filter((r) => r.via === via);
      if (rows.length === 0) continue;
      const how = via === 'engine' ? 'searchArticles in process' : 'GET /search, page rendered';
      targets.push(worstSearchTarget(`search p95 < ${limit} ms, ${site.dialect}, ${how}: one word, two words, alias, phrase (terms in ≤ 5%)`, rows.filter((r) => within.has(r.query)), limit));
      targets.push(worstSearchTarget(`search p95 < ${limit} ms, ${site.dialect}, ${how}: the others, common words and aliases (the count capped; not the issue's)`, rows.filter((r) => !within.has(r.query)), limit));
    }
  }
  for (const why of search.notMeasured) targets.push({ name: 'search p95 (issue 8)', measured: why, pass: null });
  return targets;
}

function worstSearchTarget(name: string, rows: SearchLatency[], limitMs: number): Target {
  const worst = [...rows].sort((a, b) => b.p95Ms - a.p95Ms)[0];
  if (!worst) return { name, measured: 'no such query in this run', pass: null };
  const failed = rows.reduce((n, r) => n + r.non200, 0);
  return {
    name,
    measured: `max p95 ${worst.p95Ms.toFixed(1)} ms ("${worst.query}", ${worst.sort}) over ${rows.length} rows${failed ? `; ${failed} responses not 200` : ''}`,
    pass: worst.p95Ms < limitMs && failed === 0,
  };
}

function latencyTarget(name: string, row: Row | undefined, limitMs: number): Target {
  return {
    name,
    measured: row ? `p99 ${row.wrk.p99Ms.toFixed(2)} ms` : 'not measured',
    pass: row ? row.wrk.p99Ms < limitMs : null,
  };
}

function lighthouseTarget(s: LighthouseSummary): Target {
  return {
    name: `Lighthouse ${s.page} ${s.formFactor}: 100 in all four (median of ${s.scores.performance.length})`,
    measured: CATEGORIES.map((c) => `${c} ${s.median[c]}`).join(', '),
    pass: CATEGORIES.every((c) => s.median[c] === 100),
  };
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}
