import type { Kysely } from 'kysely';

/*
 * A message in the outbox may name a one-click unsubscribe address (the reply notices to
 * commenters do): the sender turns it into the List-Unsubscribe and List-Unsubscribe-Post
 * headers (RFC 2369, RFC 8058), so mail programs offer their own "Unsubscribe" button.
 * Null for every other message, and for those queued before.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('mail_outbox').addColumn('list_unsubscribe_url', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('mail_outbox').dropColumn('list_unsubscribe_url').execute();
}
