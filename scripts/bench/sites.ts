/*
 * The two sites the benchmark reads: seeded once with `npm run seed`, then reused. A marker
 * file written only after the seed succeeded tells a finished site from an interrupted one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { runToEnd } from './children.js';

export interface SiteDir {
  name: 'demo' | 'large';
  dataDir: string;
}

const MARKER = 'bench-seeded.json';
/** Which generator wrote a seed: 2 adds the large site's long tail of small topics. A seed of another is redone. */
export const SEED_GENERATION = 2;

/** Seeds a bench-managed dir unless it holds a finished seed of the same size. */
export async function ensureSeeded(site: SiteDir, articles: number, reseed: boolean): Promise<void> {
  const marker = path.join(site.dataDir, MARKER);
  const seeded = readMarker(marker);
  const seededWith = seeded?.articles ?? null;
  if (!reseed && seededWith === articles && seeded?.generation === SEED_GENERATION) {
    console.log(`${site.name}: reusing ${site.dataDir} (seeded with --articles ${articles}; --reseed to redo)`);
    return;
  }
  const why = reseed
    ? '--reseed'
    : seededWith === null
      ? 'no finished seed there'
      : seededWith !== articles
        ? `it was seeded with --articles ${seededWith}`
        : 'an older generator seeded it';
  console.log(
    `${site.name}: seeding ${site.dataDir} with --articles ${articles} (${why})` +
      (articles >= 10_000 ? '; this takes several minutes' : ''),
  );
  // Only our own dirs under ./data/bench reach here, so removing a half-written seed is safe.
  fs.rmSync(site.dataDir, { recursive: true, force: true });
  fs.mkdirSync(site.dataDir, { recursive: true });
  await runToEnd('npm', ['run', '--silent', 'seed', '--', '--articles', String(articles)], {
    env: siteEnv(site.dataDir, {}),
  });
  fs.writeFileSync(marker, JSON.stringify({ articles, generation: SEED_GENERATION, seededAt: new Date().toISOString() }) + '\n');
}

/** An existing dir the user pointed at: we check it, never write to it. */
export function checkExternalSite(site: SiteDir): void {
  const db = databaseFile(site.dataDir);
  if (!fs.existsSync(db)) {
    throw new Error(`${site.dataDir} has no dossier.db; seed it first: DATA_DIR=${site.dataDir} npm run seed -- --articles 100000`);
  }
}

export function databaseFile(dataDir: string): string {
  return path.join(dataDir, 'dossier.db');
}

/**
 * The environment of every process we run against a site: its DATA_DIR and nothing inherited
 * that could redirect it; `extra` may name a database (the PostgreSQL site's DATABASE_URL).
 */
export function siteEnv(dataDir: string, extra: Record<string, string>): NodeJS.ProcessEnv {
  const inherited: NodeJS.ProcessEnv = { ...process.env };
  // A DATABASE_URL or REDIS_URL from the caller's shell would point the server elsewhere.
  delete inherited.DATABASE_URL;
  delete inherited.REDIS_URL;
  return { ...inherited, DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...extra };
}

function readMarker(file: string): { articles: number; generation: number | null } | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { articles?: unknown; generation?: unknown };
    if (typeof parsed.articles !== 'number') return null;
    return { articles: parsed.articles, generation: typeof parsed.generation === 'number' ? parsed.generation : null };
  } catch {
    return null;
  }
}
