import { type Kysely, sql } from 'kysely';

/*
 * Comments grow into a moderated, abuse-resistant system: a lowercase email key (the
 * moderation rule, rate limits, duplicates, export and erasure look commenters up by it),
 * a staff flag, why a comment was held or marked as spam (a code and the sentence a
 * moderator reads), when its status last changed (retention counts from then), the
 * rendered body with the renderer's version (stale rows are rendered again when read),
 * an avatar seed (a keyed hash, never the email), the spam filter's score, the label the
 * filter learned from it, and when it was edited. The block list and the filter's token
 * counts get tables of their own.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const comments = () => db.schema.alterTable('comments');
  await comments().addColumn('email_key', 'text', (c) => c.notNull().defaultTo('')).execute();
  await comments().addColumn('is_staff', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await comments().addColumn('status_reason', 'text', (c) => c.notNull().defaultTo('')).execute();
  await comments().addColumn('status_note', 'text', (c) => c.notNull().defaultTo('')).execute();
  await comments().addColumn('status_changed_at', 'text').execute();
  await comments().addColumn('body_html', 'text', (c) => c.notNull().defaultTo('')).execute();
  await comments().addColumn('render_version', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await comments().addColumn('avatar_seed', 'text', (c) => c.notNull().defaultTo('')).execute();
  await comments().addColumn('spam_score', 'real').execute();
  await comments().addColumn('trained_as', 'text').execute();
  await comments().addColumn('edited_at', 'text').execute();
  await sql`update comments set email_key = lower(trim(author_email)), status_changed_at = created_at, is_staff = case when user_id is null then 0 else 1 end`.execute(db);

  await db.schema.createIndex('comments_email_idx').on('comments').columns(['email_key', 'status']).execute();
  await db.schema.createIndex('comments_ip_idx').on('comments').columns(['ip_hash', 'created_at']).execute();
  // Replies are found by parent when one is deleted (they move up a level) and by the foreign key.
  await db.schema.createIndex('comments_parent_idx').on('comments').column('parent_id').execute();
  await db.schema.createIndex('comments_status_changed_idx').on('comments').columns(['status', 'status_changed_at']).execute();

  await db.schema
    .createTable('comment_blocks')
    .addColumn('kind', 'text', (c) => c.notNull()) // word | email | ip
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('comment_blocks_pk', ['kind', 'value'])
    .execute();

  // One row per token, and one ('#documents') counting the comments learned per label.
  await db.schema
    .createTable('spam_tokens')
    .addColumn('token', 'text', (c) => c.primaryKey())
    .addColumn('spam', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('ham', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('spam_tokens').ifExists().execute();
  await db.schema.dropTable('comment_blocks').ifExists().execute();
  for (const index of ['comments_status_changed_idx', 'comments_parent_idx', 'comments_ip_idx', 'comments_email_idx']) {
    await db.schema.dropIndex(index).ifExists().execute();
  }
  for (const column of ['edited_at', 'trained_as', 'spam_score', 'avatar_seed', 'render_version', 'body_html', 'status_changed_at', 'status_note', 'status_reason', 'is_staff', 'email_key']) {
    await db.schema.alterTable('comments').dropColumn(column).execute();
  }
}
