import { type Kysely, sql } from 'kysely';

/*
 * How many published articles each list (topic with its descendants, tag, author) holds,
 * kept beside article_listings so a list page's pagination reads one row instead of
 * counting tens of thousands of entries on every render.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('list_counts')
    .addColumn('list_kind', 'text', (c) => c.notNull())
    .addColumn('list_id', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('list_counts_pk', ['list_kind', 'list_id'])
    .execute();
  await sql`insert into list_counts (list_kind, list_id, count)
    select list_kind, list_id, count(*) from article_listings group by list_kind, list_id`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('list_counts').ifExists().execute();
}
