import type { Kysely } from 'kysely';

/*
 * How often each redirect is followed, and when it last was, for the redirect manager.
 * Counted in memory on the request path and added here in batches (redirects/count-hits.ts).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('redirects').addColumn('hits', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('redirects').addColumn('last_hit_at', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('redirects').dropColumn('last_hit_at').execute();
  await db.schema.alterTable('redirects').dropColumn('hits').execute();
}
