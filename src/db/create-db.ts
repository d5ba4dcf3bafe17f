import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../config/config.js';
import type { Database, Dialect, Tables } from './database.js';
import { DossierSqliteDialect } from './sqlite-dialect.js';

/** A problem with the configured database that the operator must fix; main prints it as one line. */
export class DatabaseOpenError extends Error {
  override name = 'DatabaseOpenError';
}

export interface DbHandle {
  db: Database;
  dialect: Dialect;
  close(): Promise<void>;
}

export interface CreateDbOptions {
  /** PostgreSQL only: the schema this handle works in (tests give each file its own). */
  schema?: string;
  poolSize?: number;
  onPoolError?: (error: Error) => void;
}

export function createDb(config: DatabaseConfig, options: CreateDbOptions = {}): DbHandle {
  return config.dialect === 'sqlite' ? openSqlite(config.file) : openPostgres(config.url, options);
}

const SQLITE_HEADER = 'SQLite format 3\0';

function openSqlite(file: string): DbHandle {
  const dir = path.dirname(file);
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new DatabaseOpenError(
      `cannot create the database folder ${dir} (${codeOf(error)}); set DATABASE_URL to a writable path`,
    );
  }
  assertSqliteFileOrAbsent(file);
  let database: BetterSqlite3.Database;
  try {
    database = new BetterSqlite3(file);
    database.pragma('busy_timeout = 5000');
    database.pragma('journal_mode = WAL');
    // Nothing acknowledged is lost: every commit is fsynced, WAL or not.
    database.pragma('synchronous = FULL');
    database.pragma('foreign_keys = ON');
    database.pragma('cache_size = -32000');
    database.pragma('temp_store = MEMORY');
  } catch (error) {
    throw new DatabaseOpenError(
      `cannot open the SQLite database ${file} (${messageOf(error)}); check its permissions or set DATABASE_URL to another file`,
    );
  }
  const db = new Kysely<Tables>({ dialect: new DossierSqliteDialect(database) });
  const close = async () => {
    // SQLite's advice for long-lived connections: refresh planner statistics where stale.
    if (database.open) database.pragma('optimize');
    await db.destroy();
  };
  return { db, dialect: 'sqlite', close };
}

function assertSqliteFileOrAbsent(file: string): void {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return;
    throw new DatabaseOpenError(
      `cannot read the database file ${file} (${codeOf(error)}); check its permissions or set DATABASE_URL to another file`,
    );
  }
  try {
    const header = Buffer.alloc(16);
    const read = fs.readSync(fd, header, 0, 16, 0);
    if (read === 0) return; // an empty file is a new database
    if (read < 16 || header.toString('latin1') !== SQLITE_HEADER) {
      throw new DatabaseOpenError(
        `${file} is not a SQLite database; move it aside or set DATABASE_URL to another file (nothing was changed)`,
      );
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** Fails with one clear line when PostgreSQL cannot be reached (SQLite opens at createDb). */
export async function checkConnection(handle: DbHandle, config: DatabaseConfig): Promise<void> {
  if (config.dialect !== 'postgres') return;
  try {
    await sql`select 1`.execute(handle.db);
  } catch (error) {
    const where = new URL(config.url);
    where.password = where.password ? '***' : '';
    throw new DatabaseOpenError(
      `cannot connect to PostgreSQL at ${where.href} (${messageOf(error)}); check that it runs and that DATABASE_URL is right`,
    );
  }
}

function openPostgres(url: string, options: CreateDbOptions): DbHandle {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    // Counts and sums come back as int8; they always fit in a JS number here.
    types: { getTypeParser: (oid: number, format?: any) => (oid === 20 ? Number : pg.types.getTypeParser(oid, format)) } as any,
    ...(options.schema ? { options: `-c search_path=${quoteIdent(options.schema)}` } : {}),
  });
  // Without a listener, an idle client's dropped connection would crash the process.
  pool.on('error', options.onPoolError ?? ((error) => console.error(`postgres pool: ${error.message}`)));
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}

function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`invalid schema name: ${name}`);
  return name;
}

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException)?.code ?? messageOf(error);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
