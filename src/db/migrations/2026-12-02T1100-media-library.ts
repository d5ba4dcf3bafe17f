import type { Kysely } from 'kysely';

/*
 * The media library: what an upload remembers beside the image (the name it was sent
 * under, its own size before variants, who sent it), and the key a retried upload
 * carries so the retry answers the first result instead of storing the image twice.
 * Rows stored before this migration keep '' and 0: "not known".
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('media').addColumn('original_name', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('media').addColumn('original_width', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('media').addColumn('original_height', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('media').addColumn('uploaded_by', 'text').execute();
  // "<user id>:<key the client made>": unique, so two retries racing store one image.
  await db.schema.alterTable('media').addColumn('idempotency_key', 'text').execute();
  await db.schema.createIndex('media_idempotency_key_idx').on('media').column('idempotency_key').unique().execute();
  // The library lists newest first.
  await db.schema.createIndex('media_created_idx').on('media').columns(['created_at', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('media_created_idx').ifExists().execute();
  await db.schema.dropIndex('media_idempotency_key_idx').ifExists().execute();
  for (const column of ['idempotency_key', 'uploaded_by', 'original_height', 'original_width', 'original_name']) {
    await db.schema.alterTable('media').dropColumn(column).execute();
  }
}
