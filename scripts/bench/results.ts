import type { AdminBench } from './admin.js';
import type { CommentBench } from './comments.js';
/* The shape of one benchmark run, as printed and as written to bench-results/<timestamp>.json. */
import type { CpuUse } from './cpu.js';
import type { WrkSettings } from './options.js';
import type { LighthouseSummary } from './lighthouse.js';
import type { WrkResult } from './wrk.js';
import type { CrawlResult } from './crawl.js';
import type { HostileResult } from './hostile.js';
import type { SearchBench } from './search.js';
import type { SearchFloodBench } from './search-flood.js';

export type Mode = 'cached' | 'uncached' | 'nginx gzip_static' | 'node http, same buffer';

export interface Row {
  site: 'demo' | 'large' | 'reference';
  page: string;
  path: string;
  mode: Mode;
  connections: number;
  wrk: WrkResult;
  cpu: CpuUse;
}

export interface ServerMemory {
  site: 'demo' | 'large';
  mode: 'cached' | 'uncached';
  rssMb: number;
  peakRssMb: number;
}

export interface SiteInfo {
  name: 'demo' | 'large';
  dataDir: string;
  publishedArticles: number;
  paths: Record<string, string>;
  articleWords: number;
  topicArticles: number;
}

export interface Target {
  name: string;
  measured: string;
  /** null: not measured in this run (e.g. Lighthouse skipped) */
  pass: boolean | null;
}

export interface BenchReport {
  startedAt: string;
  finishedAt: string;
  command: string;
  machine: { cpus: number; cpuModel: string; node: string; loadAverageAtStart: number[]; loadAverageAtEnd: number[] };
  wrk: WrkSettings;
  warmupSeconds: number;
  sites: SiteInfo[];
  staticArticle: { path: string; htmlBytes: number; gzBytes: number } | null;
  rows: Row[];
  memory: ServerMemory[];
  lighthouse: LighthouseSummary[] | { skipped: string };
  /** wrk over 10,000 junk and encoded URLs against each cached server */
  hostile: HostileResult[];
  /** every article of the large site asked for once, cached and uncached (--crawl) */
  crawl: CrawlResult[] | { skipped: string };
  /** the admin's rows: autosave under reading load, upload, the editor island (in `server`), saves per dialect */
  admin: { server: AdminBench | null; saves: string[] } | { skipped: string };
  /** comment posting at full speed, held and shown at once, with readers on the same article (scripts/bench/comments.ts) */
  comments: CommentBench | { skipped: string };
  /** search latency on the large site, SQLite and PostgreSQL, in process and through HTTP (scripts/bench/search.ts) */
  search: SearchBench | { skipped: string };
  /** readers of / while searches arrive from thousands of addresses, SEARCH_TIME_SHARE off and on (scripts/bench/search-flood.ts) */
  searchFlood: SearchFloodBench | { skipped: string };
  targets: Target[];
}
