/*
 * The large site in PostgreSQL, for the search rows: the same `npm run seed -- --articles N`
 * as the SQLite site (the demo, then the generated articles through saveNewArticles, the bulk
 * path), into a schema of its own in the test database, kept between runs. It counts as
 * seeded only when the seed finished (its seed state says complete) with the size asked for.
 */
import path from 'node:path';
import pg from 'pg';
import { createDb } from '../../src/db/create-db.js';
import { LONG_TAIL_TOPICS } from '../../src/demo/large-site-topics.js';
import { readSeedState } from '../../src/seed/seed-state.js';
import { runToEnd } from './children.js';
import { siteEnv } from './sites.js';

/** The server and database the large PostgreSQL site lives in (the test database of common.md, by default). */
export const BENCH_POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const BENCH_POSTGRES_SCHEMA = 'bench_large';

export interface PostgresSite {
  /** a DATABASE_URL whose connections work in the site's schema */
  url: string;
  schema: string;
}

export function postgresSite(schema = BENCH_POSTGRES_SCHEMA, base = BENCH_POSTGRES_URL): PostgresSite {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name: ${schema}`);
  const url = `${base}${base.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  return { url, schema };
}

/**
 * Seeds the schema unless it holds a finished seed of `demoArticles + articles` articles.
 * `dataDir` takes the seed's media files (the site's images), as DATA_DIR does for SQLite.
 */
export async function ensurePostgresSeeded(site: PostgresSite, options: { articles: number; demoArticles: number; reseed: boolean; dataDir: string }): Promise<void> {
  const expected = options.demoArticles + options.articles;
  const found = await seededArticles(site);
  const isOlder = found === expected && options.articles > 0 && !(await hasLongTail(site));
  if (!options.reseed && found === expected && !isOlder) {
    console.log(`postgres: reusing schema ${site.schema} (${expected.toLocaleString('en-US')} articles; --reseed-postgres to redo)`);
    return;
  }
  const why = options.reseed
    ? '--reseed-postgres'
    : found === null
      ? 'no finished seed there'
      : isOlder
        ? 'an older generator seeded it (no long-tail topics)'
        : `it holds ${found} articles, not ${expected}`;
  console.log(`postgres: seeding schema ${site.schema} with --articles ${options.articles} (${why}); this takes several minutes`);
  await withAdmin(async (admin) => {
    await admin.query(`drop schema if exists ${site.schema} cascade`);
    await admin.query(`create schema ${site.schema}`);
  });
  const started = Date.now();
  await runToEnd('npm', ['run', '--silent', 'seed', '--', '--articles', String(options.articles)], {
    env: siteEnv(path.resolve(options.dataDir), { DATABASE_URL: site.url }),
  });
  console.log(`postgres: seeded in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

/**
 * Planner statistics for the site's tables. Without them PostgreSQL guesses that few rows are
 * published and checks every article's tsvector instead of the GIN index (55 ms for a word in
 * 3 of 2,043 articles). A server with autovacuum on gathers them after a bulk load by itself;
 * this one runs with autovacuum off, so the bench asks, and says how long it took.
 */
export async function analyzePostgresSite(site: PostgresSite): Promise<number> {
  const started = Date.now();
  await withAdmin(async (admin) => {
    const { rows } = await admin.query<{ tablename: string }>('select tablename from pg_tables where schemaname = $1 order by tablename', [site.schema]);
    for (const { tablename } of rows) await admin.query(`analyze ${site.schema}."${tablename.replace(/"/g, '""')}"`);
  });
  return Date.now() - started;
}

/** How many articles a finished seed left in the schema; null when there is none (no schema, or a seed cut short). */
async function seededArticles(site: PostgresSite): Promise<number | null> {
  const exists = await withAdmin(async (admin) => (await admin.query('select 1 from pg_namespace where nspname = $1', [site.schema])).rowCount === 1);
  if (!exists) return null;
  const handle = createDb({ dialect: 'postgres', url: BENCH_POSTGRES_URL }, { schema: site.schema, poolSize: 1 });
  try {
    if ((await readSeedState(handle.db).catch(() => null)) !== 'complete') return null;
    const row = await handle.db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  } finally {
    await handle.close();
  }
}

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: BENCH_POSTGRES_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Whether the schema has the large site's long tail of small topics (seeds before it had not). */
async function hasLongTail(site: PostgresSite): Promise<boolean> {
  const handle = createDb({ dialect: 'postgres', url: BENCH_POSTGRES_URL }, { schema: site.schema, poolSize: 1 });
  try {
    const slug = LONG_TAIL_TOPICS.at(-1)!.slug;
    return (await handle.db.selectFrom('topics').select('id').where('slug', '=', slug).executeTakeFirst()) !== undefined;
  } finally {
    await handle.close();
  }
}
