import type { Kysely } from 'kysely';

/*
 * Comment notifications: whether the commenter asked to be told of replies (per comment,
 * as typed on the form), and when each notice was claimed — the mail to staff about a new
 * comment, the mail to a parent's author about an approved reply — so a comment approved,
 * taken down and approved again, or heard by two processes, is told of once.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const comments = () => db.schema.alterTable('comments');
  await comments().addColumn('notify_replies', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await comments().addColumn('notified_at', 'text').execute();
  await comments().addColumn('reply_notified_at', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ['reply_notified_at', 'notified_at', 'notify_replies']) await db.schema.alterTable('comments').dropColumn(column).execute();
}
