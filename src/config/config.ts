import path from 'node:path';
import { z } from 'zod';

/** The typed, frozen configuration of one Dossier process. */
export interface Config {
  readonly port: number;
  readonly host: string;
  readonly siteUrl: URL;
  readonly database: DatabaseConfig;
  readonly redisUrl: string | null;
  /** Addresses of proxies whose X-Forwarded-For we believe; empty means none. */
  readonly trustedProxies: readonly string[];
  readonly dataDir: string;
  readonly cacheMaxBytes: number;
  /** off only to measure or debug rendering: every request renders */
  readonly pageCache: boolean;
  readonly logLevel: 'silent' | 'error' | 'info' | 'debug';
  /** human lines on a terminal, JSON lines otherwise; LOG_FORMAT=json or human forces one */
  readonly logFormat: 'auto' | 'human' | 'json';
  /** write the demo publication into an empty database on first start */
  readonly demoContent: boolean;
  /** the largest upload accepted, in bytes (MEDIA_MAX_MB) */
  readonly mediaMaxBytes: number;
  /** the most pixels an uploaded image may declare (MEDIA_MAX_MEGAPIXELS), checked before decoding */
  readonly mediaMaxPixels: number;
  /**
   * Test hook only (DOSSIER_TEST_SEED_KILL_AT): the demo seed step after which the process
   * kills itself with SIGKILL, so a test can check that the next start completes the demo.
   */
  readonly testSeedKillAt: string | null;
  /** outgoing mail: SMTP when a URL is set, else .eml files under DATA_DIR/mail/ */
  readonly mail: MailConfig;
  /** the comment form's abuse limits (benchmarks and tests raise them: all their traffic is 127.0.0.1) */
  readonly comments: CommentConfig;
  /** searches and suggestions per client address, in each process's memory (benchmarks and tests raise them too) */
  readonly search: SearchConfig;
}

export interface SearchConfig {
  /** search pages per IP address (IPv6: per /64) per window (SEARCH_LIMIT_PER_IP, "30/60") */
  readonly perIp: { limit: number; windowSeconds: number };
  /** the header box's suggestion requests per address per window (SEARCH_SUGGEST_LIMIT_PER_IP) */
  readonly suggestPerIp: { limit: number; windowSeconds: number };
  /** the share of each second that all searches together may take in a process (SEARCH_TIME_SHARE, 0.5; 1 turns it off) */
  readonly timeShare: number;
}

export interface CommentConfig {
  /** comments per IP address (IPv6: per /64) per window (COMMENT_LIMIT_PER_IP, "5/600": 5 in 600 s) */
  readonly perIp: { limit: number; windowSeconds: number };
  /** comments per email address per window (COMMENT_LIMIT_PER_EMAIL) */
  readonly perEmail: { limit: number; windowSeconds: number };
  /** a post this many seconds or fewer after its form token was issued is refused (COMMENT_MIN_SECONDS) */
  readonly minSeconds: number;
}

export interface MailConfig {
  /** smtp://user:pass@host:587 or smtps://…:465; null writes files instead */
  readonly smtpUrl: string | null;
  /** the From header of every message */
  readonly from: string;
  /** where .eml files go without SMTP */
  readonly dir: string;
}

export type DatabaseConfig =
  | { readonly dialect: 'sqlite'; readonly file: string }
  | { readonly dialect: 'postgres'; readonly url: string };

const port = z.coerce.number().int().min(0).max(65535);

const EnvSchema = z.object({
  PORT: port.default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  SITE_URL: z.url({ protocol: /^https?$/ }).optional(),
  DATABASE_URL: z.string().min(1).optional(),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  TRUSTED_PROXY: z.string().optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  CACHE_MAX_MB: z.coerce.number().positive().default(64),
  PAGE_CACHE: z.enum(['on', 'off']).default('on'),
  LOG_LEVEL: z.enum(['silent', 'error', 'info', 'debug']).default('info'),
  LOG_FORMAT: z.enum(['auto', 'human', 'json']).default('auto'),
  DOSSIER_TEST_SEED_KILL_AT: z.string().optional(),
  DEMO_CONTENT: z.enum(['on', 'off']).default('on'),
  MEDIA_MAX_MB: z.coerce.number().positive().max(1024).default(25),
  MEDIA_MAX_MEGAPIXELS: z.coerce.number().positive().max(1000).default(60),
  COMMENT_LIMIT_PER_IP: z.string().regex(/^\d{1,9}\/\d{1,9}$/, 'comments/seconds, e.g. 5/600').default('5/600'),
  COMMENT_LIMIT_PER_EMAIL: z.string().regex(/^\d{1,9}\/\d{1,9}$/, 'comments/seconds, e.g. 5/600').default('5/600'),
  COMMENT_MIN_SECONDS: z.coerce.number().min(0).max(600).default(3),
  SEARCH_LIMIT_PER_IP: z.string().regex(/^\d{1,9}\/\d{1,9}$/, 'searches/seconds, e.g. 30/60').default('30/60'),
  SEARCH_SUGGEST_LIMIT_PER_IP: z.string().regex(/^\d{1,9}\/\d{1,9}$/, 'requests/seconds, e.g. 120/60').default('120/60'),
  SEARCH_TIME_SHARE: z.coerce.number().gt(0, 'a share of time above 0, e.g. 0.5').max(1, 'at most 1 (1 turns the limit off)').default(0.5),
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'an smtp:// or smtps:// URL' }).optional(),
  // "Name <address>" or a bare address; one line, so it cannot add headers.
  MAIL_FROM: z
    .string()
    .regex(/^(?:[^<>\r\n]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/, 'an address such as "Newsroom <news@example.org>" or news@example.org')
    .optional(),
});

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads the environment once; every problem is reported together, at boot. */
export function loadConfig(env: Record<string, string | undefined>, cwd = process.cwd()): Config {
  const parsed = EnvSchema.safeParse(emptyToUndefined(env));
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  const dataDir = path.resolve(cwd, e.DATA_DIR);
  const database = parseDatabaseUrl(e.DATABASE_URL, dataDir, cwd, problems);
  const siteUrl = new URL(e.SITE_URL ?? `http://localhost:${e.PORT}`);
  if (siteUrl.search || siteUrl.hash) problems.push('SITE_URL: must not carry a query string or fragment');
  // A path prefix is kept without its trailing slash so URLs are built as siteUrl + '/path/'.
  siteUrl.pathname = siteUrl.pathname.replace(/\/+$/, '');
  const trustedProxies = (e.TRUSTED_PROXY ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    siteUrl,
    database,
    redisUrl: e.REDIS_URL ?? null,
    trustedProxies: Object.freeze(trustedProxies),
    dataDir,
    cacheMaxBytes: Math.round(e.CACHE_MAX_MB * 1024 * 1024),
    pageCache: e.PAGE_CACHE === 'on',
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    demoContent: e.DEMO_CONTENT === 'on',
    mediaMaxBytes: Math.round(e.MEDIA_MAX_MB * 1024 * 1024),
    mediaMaxPixels: Math.round(e.MEDIA_MAX_MEGAPIXELS * 1_000_000),
    testSeedKillAt: e.DOSSIER_TEST_SEED_KILL_AT ?? null,
    mail: Object.freeze({
      smtpUrl: e.SMTP_URL ?? null,
      from: e.MAIL_FROM?.trim() ?? `Dossier <no-reply@${siteUrl.hostname}>`,
      dir: path.join(dataDir, 'mail'),
    }),
    comments: Object.freeze({
      perIp: rateWindow(e.COMMENT_LIMIT_PER_IP),
      perEmail: rateWindow(e.COMMENT_LIMIT_PER_EMAIL),
      minSeconds: e.COMMENT_MIN_SECONDS,
    }),
    search: Object.freeze({
      perIp: rateWindow(e.SEARCH_LIMIT_PER_IP),
      suggestPerIp: rateWindow(e.SEARCH_SUGGEST_LIMIT_PER_IP),
      timeShare: e.SEARCH_TIME_SHARE,
    }),
  });
}

function rateWindow(spec: string): { limit: number; windowSeconds: number } {
  const [limit, windowSeconds] = spec.split('/').map(Number) as [number, number];
  return Object.freeze({ limit, windowSeconds: Math.max(1, windowSeconds) });
}

function parseDatabaseUrl(
  raw: string | undefined,
  dataDir: string,
  cwd: string,
  problems: string[],
): DatabaseConfig {
  if (!raw) return { dialect: 'sqlite', file: path.join(dataDir, 'dossier.db') };
  if (/^postgres(ql)?:\/\//.test(raw)) return { dialect: 'postgres', url: raw };
  if (raw.startsWith('sqlite:')) {
    const file = raw.slice('sqlite:'.length).replace(/^\/\//, '');
    if (!file) problems.push('DATABASE_URL: sqlite: needs a file path, e.g. sqlite:./data/site.db');
    return { dialect: 'sqlite', file: path.resolve(cwd, file) };
  }
  if (/^[a-z]+:\/\//i.test(raw)) {
    problems.push(`DATABASE_URL: unsupported scheme in "${raw.split(':')[0]}:"; use postgres://… or a SQLite file path`);
    return { dialect: 'sqlite', file: '' };
  }
  return { dialect: 'sqlite', file: path.resolve(cwd, raw) };
}

function emptyToUndefined(env: Record<string, string | undefined>): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(env)) out[k] = v === '' ? undefined : v;
  return out;
}
