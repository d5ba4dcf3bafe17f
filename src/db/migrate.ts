import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import type { Database, Dialect } from './database.js';
import { DatabaseOpenError } from './create-db.js';
import * as initial from './migrations/2026-11-28T0600-initial.js';
import * as listCounts from './migrations/2026-11-28T1000-list-counts.js';
import * as articleWorkflow from './migrations/2026-12-02T1000-article-workflow.js';
import * as mediaLibrary from './migrations/2026-12-02T1100-media-library.js';
import * as redirectHits from './migrations/2026-12-02T1300-redirect-hits.js';
import * as accounts from './migrations/2026-12-02T1200-accounts.js';
import * as commentModeration from './migrations/2026-12-03T0900-comment-moderation.js';
import * as commentNotifications from './migrations/2026-12-03T1000-comment-notifications.js';
import * as commentQueueOrder from './migrations/2026-12-03T1100-comment-queue-order.js';
import * as mailListUnsubscribe from './migrations/2026-12-03T1200-mail-list-unsubscribe.js';
import * as searchIndex from './migrations/2026-12-03T1300-search-index.js';

// Listed by hand, in order: a migration is frozen once it ships and never imports app code.
const migrations: Record<string, Migration> = {
  '2026-11-28T0600-initial': initial,
  '2026-11-28T1000-list-counts': listCounts,
  '2026-12-02T1000-article-workflow': articleWorkflow,
  '2026-12-02T1100-media-library': mediaLibrary,
  '2026-12-02T1300-redirect-hits': redirectHits,
  '2026-12-02T1200-accounts': accounts,
  '2026-12-03T0900-comment-moderation': commentModeration,
  '2026-12-03T1000-comment-notifications': commentNotifications,
  '2026-12-03T1100-comment-queue-order': commentQueueOrder,
  '2026-12-03T1200-mail-list-unsubscribe': mailListUnsubscribe,
  '2026-12-03T1300-search-index': searchIndex,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export const MIGRATION_TABLE = 'dossier_migration';

export async function migrateToLatest(db: Database, dialect: Dialect): Promise<string[]> {
  await assertDossierDatabase(db, dialect);
  // On PostgreSQL the bookkeeping tables are named with their schema: Kysely otherwise looks
  // for them in every schema, and finds another database's when several share a server.
  const schema =
    dialect === 'postgres' ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema : undefined;
  const migrator = new Migrator({
    db: db as Kysely<any>,
    provider,
    migrationTableName: MIGRATION_TABLE,
    migrationLockTableName: `${MIGRATION_TABLE}_lock`,
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Refuses to touch a database that has tables but none of ours: it belongs to something else. */
async function assertDossierDatabase(db: Database, dialect: Dialect): Promise<void> {
  const tables =
    dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db)
      : await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(db);
  const names = tables.rows.map((r) => r.name);
  if (names.length > 0 && !names.includes(MIGRATION_TABLE)) {
    throw new DatabaseOpenError(
      `the database holds tables (${names.slice(0, 3).join(', ')}${names.length > 3 ? ', …' : ''}) but is not a Dossier database; point DATABASE_URL at an empty or Dossier database (nothing was changed)`,
    );
  }
}
