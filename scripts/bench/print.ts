/* Plain-text rendering of a run: the same figures the JSON holds, in tables a person reads. */
import { CATEGORIES } from './lighthouse.js';
import type { CommentBench, CommentCase } from './comments.js';
import type { BenchReport } from './results.js';
import { percent, type SearchBench } from './search.js';
import { formatSearchFlood } from './search-flood.js';
import type { WrkResult } from './wrk.js';

export function formatReport(r: BenchReport): string {
  const out: string[] = [];
  out.push(`Dossier benchmark, ${r.startedAt} (${r.machine.cpus} × ${r.machine.cpuModel}, Node ${r.machine.node})`);
  out.push(`load average at start ${r.machine.loadAverageAtStart.map((n) => n.toFixed(2)).join(' ')}, at end ${r.machine.loadAverageAtEnd.map((n) => n.toFixed(2)).join(' ')}`);
  // Other work on the machine takes cores from the server and wrk; say so beside the figures.
  if (r.machine.loadAverageAtStart[0]! >= 1) {
    out.push(`NOTE: the machine was already busy when the run started (1-minute load ${r.machine.loadAverageAtStart[0]!.toFixed(2)} on ${r.machine.cpus} cores): figures are lower than a quiet machine gives; see the CPU columns`);
  }
  out.push(
    `wrk -t${r.wrk.threads} -d${r.wrk.durationSeconds}s --latency --timeout 10s -H 'Accept-Encoding: gzip'; -c${r.wrk.connections} cached and references, -c${r.wrk.uncachedConnections} (and -c1) uncached; ${r.warmupSeconds} s unmeasured warm-up before each run`,
  );
  for (const site of r.sites) {
    out.push(`${site.name}: ${site.publishedArticles.toLocaleString('en-US')} published articles in ${site.dataDir}`);
    for (const [page, path] of Object.entries(site.paths)) out.push(`  ${page.padEnd(8)} ${path}`);
    out.push(`  (longest article ${site.articleWords.toLocaleString('en-US')} words; topic lists ${site.topicArticles.toLocaleString('en-US')} articles)`);
  }
  if (r.staticArticle) {
    out.push(`reference page: ${r.staticArticle.path}, ${kb(r.staticArticle.htmlBytes)} HTML, ${kb(r.staticArticle.gzBytes)} gzip -9`);
  }
  out.push('');
  out.push(
    table(
      ['site', 'page', 'mode', 'conns', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx', 'sock err', 'KB/resp', 'server CPU', 'host CPU'],
      r.rows.map((row) => [
        row.site,
        row.page,
        row.mode,
        String(row.connections),
        Math.round(row.wrk.requestsPerSec).toLocaleString('en-US'),
        row.wrk.p50Ms.toFixed(2),
        row.wrk.p99Ms.toFixed(2),
        String(row.wrk.non2xx),
        String(row.wrk.socketErrors),
        (row.wrk.bytesPerResponse / 1024).toFixed(1),
        `${row.cpu.serverPercent.toFixed(0)}%`,
        `${row.cpu.hostPercent.toFixed(0)}%`,
      ]),
    ),
  );
  out.push(`server CPU: share of one core the server (nginx: master + worker) used during its wrk run; host CPU: share of all ${r.machine.cpus} cores busy (server, wrk and anything else)`);
  out.push('');
  out.push(
    table(
      ['server', 'RSS after its run', 'peak RSS'],
      r.memory.map((m) => [`${m.site} ${m.mode}`, `${m.rssMb.toFixed(0)} MB`, `${m.peakRssMb.toFixed(0)} MB`]),
    ),
  );
  out.push('');
  out.push(
    table(
      ['hostile', 'URLs', 'conns', 'req/s', 'p99 ms', '2xx', '3xx', '4xx', '5xx', 'sock err', 'RSS before', 'RSS after', 'real pages still cached'],
      r.hostile.map((h) => [
        h.site,
        h.urls.toLocaleString('en-US'),
        String(h.wrk.command.match(/-c(\d+)/)?.[1] ?? ''),
        Math.round(h.wrk.requestsPerSec).toLocaleString('en-US'),
        h.wrk.p99Ms.toFixed(2),
        ...(['2xx', '3xx', '4xx', '5xx'] as const).map((c) => h.statuses[c].toLocaleString('en-US')),
        String(h.wrk.socketErrors),
        `${h.rssBeforeMb.toFixed(0)} MB`,
        `${h.rssAfterMb.toFixed(0)} MB`,
        Object.entries(h.stillCached).map(([page, hit]) => `${page} ${hit ? 'yes' : 'NO'}`).join(', '),
      ]),
    ),
  );
  out.push(`hostile: wrk -t1 for 15 s over ${r.hostile[0]?.urls.toLocaleString('en-US') ?? 0} distinct junk and encoded spellings of the site's URLs, cycling; then each real page asked for once more`);
  out.push('');
  if (Array.isArray(r.crawl)) {
    out.push(
      table(
        ['crawl', 'mode', 'CACHE_MAX_MB', 'articles', 'conns', 'req/s', 'p50 ms', 'p99 ms', 'non-200', 'RSS before', 'RSS after', 'peak RSS'],
        r.crawl.map((c) => [
          c.site,
          c.mode,
          c.cacheMaxMb === null ? '-' : String(c.cacheMaxMb),
          c.articles.toLocaleString('en-US'),
          String(c.connections),
          Math.round(c.requestsPerSec).toLocaleString('en-US'),
          c.p50Ms.toFixed(2),
          c.p99Ms.toFixed(2),
          String(c.non200),
          `${c.rssBeforeMb.toFixed(0)} MB`,
          `${c.rssAfterMb.toFixed(0)} MB`,
          `${c.peakRssMb.toFixed(0)} MB`,
        ]),
      ),
    );
    out.push('crawl: every published article asked for once by a keep-alive Node client, gzip accepted: each request a miss');
  } else {
    out.push(`crawl: ${r.crawl.skipped}`);
  }
  out.push('');
  if (Array.isArray(r.lighthouse)) {
    out.push(
      table(
        ['Lighthouse', 'form factor', ...CATEGORIES, 'runs'],
        r.lighthouse.map((s) => [s.page, s.formFactor, ...CATEGORIES.map((c) => String(s.median[c])), CATEGORIES.map((c) => s.scores[c].join('/')).join(' ')]),
      ),
    );
    for (const s of r.lighthouse.filter((s) => s.failing.length > 0)) {
      out.push(`  ${s.page} ${s.formFactor}, audits under 1 (runs failed of ${s.scores.performance.length}):`);
      for (const a of s.failing) {
        out.push(`    [${a.category}] ${a.id} — ${a.title}${a.displayValue ? ` (${a.displayValue})` : ''} ×${a.failedRuns}${a.weight > 0 ? `, weight ${a.weight}` : ''}`);
      }
    }
  } else {
    out.push(`Lighthouse: ${r.lighthouse.skipped}`);
  }
  out.push('');
  out.push('skipped' in r.comments ? `Comments: ${r.comments.skipped}` : formatComments(r.comments));
  out.push('');
  out.push('skipped' in r.search ? `Search: ${r.search.skipped}` : formatSearch(r.search));
  out.push('', 'skipped' in r.searchFlood ? `Search flood: ${r.searchFlood.skipped}` : formatSearchFlood(r.searchFlood));
  out.push('');
  out.push(table(['target', 'measured', 'result'], r.targets.map((t) => [t.name, t.measured, t.pass === null ? 'n/a' : t.pass ? 'PASS' : 'FAIL'])));
  return out.join('\n');
}

const CASE_LABEL: Record<CommentCase['moderation'], string> = {
  held: 'posts held (a new email each: pending)',
  approved: 'posts shown at once (approved commenters)',
};

/** The comment rows: posts per second and latency of each case, beside the readers' figures at the same time. */
export function formatComments(c: CommentBench): string {
  const fixed = (n: number) => n.toFixed(2);
  const readers = (label: string, w: WrkResult) => [label, `${fmt(w.requestsPerSec)} req/s`, fixed(w.p50Ms), fixed(w.p99Ms), '-', '-', String(w.non2xx + w.socketErrors), '-', '-', '-'];
  const rows = [readers(`article page, alone (-c${c.readerConnections})`, c.readersAlone)];
  for (const k of c.cases) {
    const failed = Object.values(k.failures).reduce((sum, n) => sum + n, 0);
    rows.push([
      `${CASE_LABEL[k.moderation]}, ${k.posters} posters`,
      `${fmt(k.postsPerSec)} posts/s`,
      fixed(k.roundTrip.p50Ms),
      fixed(k.roundTrip.p99Ms),
      fixed(k.post.p50Ms),
      fixed(k.post.p99Ms),
      String(failed),
      Object.entries(k.stored).map(([what, n]) => `${what} ${n}`).join(', '),
      `${k.shownBefore} → ${k.shownAfter} (page: ${k.pageShowsAfter})`,
      `${k.serverCpu.serverPercent.toFixed(0)}% / ${k.clientCpuPercent.toFixed(0)}%`,
    ]);
    rows.push(readers(`article page, read at the same time (-c${c.readerConnections})`, k.readers));
  }
  const out = [
    `Comments (a copy of the demo site, page cache on, comment limits raised): ${c.articlePath}`,
    table(['comments', 'rate', 'p50 ms', 'p99 ms', 'POST p50', 'POST p99', 'failed', 'stored as (status/reason)', 'shown', 'CPU server / client'], rows),
    'a post: GET /comments/token/ then POST /comments/, as public/comments.js sends them; p50/p99 of a post are the two together, POST p50/p99 the POST alone',
    "failed: posts not answered 201 with the case's status, or the page then showing another count than the database; for reads, non-2xx/3xx and socket errors",
    'shown: the comments readers see (articles.comment_count) before → after, and the count in the page a reader was served right after',
  ];
  out.push(`mail outbox after the run (staff notices of new comments): ${Object.entries(c.outbox).map(([status, n]) => `${status} ${fmt(n)}`).join(', ') || 'empty'}; server RSS ${c.serverRssMb} MB`);
  for (const k of c.cases) {
    const kinds = Object.entries(k.failures);
    if (kinds.length > 0) out.push(`NOTE: ${CASE_LABEL[k.moderation]}: ${kinds.map(([what, n]) => `${n} × ${what}`).join('; ')}; with failures the rate is not a throughput figure`);
  }
  return out.join('\n');
}

/** The search rows: per site, the queries chosen (how many articles each matches) and their latency, in process and through HTTP. */
export function formatSearch(b: SearchBench): string {
  const out: string[] = [];
  for (const site of b.sites) {
    out.push(
      `Search, ${site.dialect}: ${site.published.toLocaleString('en-US')} published articles (${site.source}); up to ${b.runs} runs per query and order ` +
        `(a slow one stops after 15 s and at least 20), after ${b.warmupRuns} unmeasured, one at a time`,
    );
    const byQuery = new Map(site.queries.map((q) => [q.query, q]));
    out.push(
      table(
        ['via', 'kind', 'query', 'matches', 'words in', 'target', 'order', 'total', 'runs', 'p50 ms', 'p95 ms', 'max ms', 'non-200'],
        site.rows.map((row) => {
          const q = byQuery.get(row.query)!;
          return [
            row.via,
            row.kind,
            row.query,
            `${q.matches.toLocaleString('en-US')} (${percent(q.share)})`,
            Object.values(q.wordShares).map((share) => (share === null ? '?' : percent(share))).join(' '),
            q.isWithinTarget ? 'yes' : 'no',
            row.sort,
            row.total || '-',
            String(row.runs),
            row.p50Ms.toFixed(1),
            row.p95Ms.toFixed(1),
            row.maxMs.toFixed(1),
            row.via === 'http' ? String(row.non200) : '-',
          ];
        }),
      ),
    );
    if (site.httpSkipped) out.push(`http: ${site.httpSkipped}`);
    out.push('');
  }
  for (const why of b.notMeasured) out.push(`Search: ${why}`);
  out.push(
    'engine: searchArticles in process (public, first page of 10, highlights); http: GET /search?q= on the built server, page cache off, one keep-alive connection',
    'matches: published articles the query matches, counted by the bench without the cap; words in: the share of articles each typed word occurs in (vocabulary counts; ? for words under 3 letters, which it does not keep)',
    'target: the issue\'s targets hold for it (every typed word in at most 5% of the articles; an alias: its names match at most 5%); total: the count the page prints (capped at 1000+)',
  );
  return out.join('\n');
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  // Figures read best right-aligned; a column is numeric when every cell starts with a digit.
  const isNumeric = head.map((_, i) => rows.length > 0 && rows.every((r) => /^[\d.,]/.test(r[i] ?? '')));
  const line = (cells: string[]) =>
    cells.map((c, i) => (isNumeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
