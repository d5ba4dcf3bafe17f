import type { Kysely } from 'kysely';

/*
 * The newsroom's article workflow, frozen on 2026-12-02:
 * - `version` counts every applied save and autosave, so a save made against an older
 *   version is refused (two editors never overwrite each other silently); `edited_by` and
 *   `edited_at` name who made the current version, for the conflict notice;
 * - trash: `status` becomes 'trashed', the status it had is kept in `status_before_trash`
 *   for the restore, and `deleted_at` starts the 30 days after which it is purged;
 * - `preview_token`: the secret of a draft's preview URL (null: no preview link);
 * - revisions say which version they made and how (a save, a publish, a restore);
 * - `article_drafts`: the working copy autosave writes, one per article, so a published
 *   article's live text changes only when a save applies it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('articles').addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  await db.schema.alterTable('articles').addColumn('edited_by', 'text').execute();
  await db.schema.alterTable('articles').addColumn('edited_at', 'text').execute();
  await db.schema.alterTable('articles').addColumn('deleted_at', 'text').execute();
  await db.schema.alterTable('articles').addColumn('status_before_trash', 'text').execute();
  await db.schema.alterTable('articles').addColumn('preview_token', 'text').execute();
  await db.schema.createIndex('articles_preview_token_idx').on('articles').column('preview_token').unique().execute();
  // The admin's lists: by status, most recently changed first.
  await db.schema.createIndex('articles_status_updated_idx').on('articles').columns(['status', 'updated_at']).execute();

  await db.schema.alterTable('article_revisions').addColumn('version', 'integer').execute();
  await db.schema.alterTable('article_revisions').addColumn('action', 'text', (c) => c.notNull().defaultTo('save')).execute();
  // The dashboard's recent activity: the latest revisions of all articles.
  await db.schema.createIndex('article_revisions_created_idx').on('article_revisions').column('created_at').execute();

  await db.schema
    .createTable('article_drafts')
    .addColumn('article_id', 'text', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
    .addColumn('fields', 'text', (c) => c.notNull()) // JSON: the editor's fields as typed
    .addColumn('base_version', 'integer', (c) => c.notNull())
    .addColumn('saved_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('saved_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('article_drafts').ifExists().execute();
  await db.schema.dropIndex('article_revisions_created_idx').ifExists().execute();
  await db.schema.dropIndex('articles_status_updated_idx').ifExists().execute();
  await db.schema.dropIndex('articles_preview_token_idx').ifExists().execute();
  for (const column of ['version', 'action']) await db.schema.alterTable('article_revisions').dropColumn(column).execute();
  for (const column of ['preview_token', 'status_before_trash', 'deleted_at', 'edited_at', 'edited_by', 'version']) {
    await db.schema.alterTable('articles').dropColumn(column).execute();
  }
}
