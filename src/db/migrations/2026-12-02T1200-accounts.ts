import { type Kysely, sql } from 'kysely';

/*
 * Staff accounts grow up: a status (invited, active, deactivated), the last sign-in, TOTP
 * two-factor with single-use recovery codes, one-time links (invitations, password
 * resets) stored only as hashes, the pending second step of a sign-in, what the
 * sessions list shows (last active, browser, truncated address), and the mail outbox.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('status', 'text', (c) => c.notNull().defaultTo('active')).execute();
  await db.schema.alterTable('users').addColumn('last_sign_in_at', 'text').execute();
  // The TOTP secret (base32) once two-factor is on, the one being set up before it is
  // confirmed, and the last time step accepted, so one code never works twice.
  await db.schema.alterTable('users').addColumn('totp_secret', 'text').execute();
  await db.schema.alterTable('users').addColumn('totp_pending_secret', 'text').execute();
  await db.schema.alterTable('users').addColumn('totp_last_step', 'integer').execute();
  await db.schema.createIndex('users_role_status_idx').on('users').columns(['role', 'status']).execute();

  await db.schema.alterTable('sessions').addColumn('last_seen_at', 'text').execute();
  await db.schema.alterTable('sessions').addColumn('user_agent', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('sessions').addColumn('ip_prefix', 'text', (c) => c.notNull().defaultTo('')).execute();
  await sql`update sessions set last_seen_at = created_at`.execute(db);

  await db.schema
    .createTable('account_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey()) // SHA-256 of the token in the link
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('purpose', 'text', (c) => c.notNull()) // invite | reset
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('account_tokens_user_idx').on('account_tokens').columns(['user_id', 'purpose']).execute();
  await db.schema.createIndex('account_tokens_expires_idx').on('account_tokens').column('expires_at').execute();

  await db.schema
    .createTable('recovery_codes')
    .addColumn('code_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('recovery_codes_user_idx').on('recovery_codes').column('user_id').execute();

  await db.schema
    .createTable('sign_in_challenges')
    .addColumn('id', 'text', (c) => c.primaryKey()) // SHA-256 of the token in the browser's cookie
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sign_in_challenges_expires_idx').on('sign_in_challenges').column('expires_at').execute();

  await db.schema
    .createTable('mail_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body_text', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // pending | sending | sent | failed
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    // When a pending message is next due; while one is being sent, when its claim lapses.
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('message_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema.createIndex('mail_outbox_due_idx').on('mail_outbox').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('mail_outbox_created_idx').on('mail_outbox').column('created_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['mail_outbox', 'sign_in_challenges', 'recovery_codes', 'account_tokens']) await db.schema.dropTable(table).ifExists().execute();
  for (const column of ['ip_prefix', 'user_agent', 'last_seen_at']) await db.schema.alterTable('sessions').dropColumn(column).execute();
  await db.schema.dropIndex('users_role_status_idx').ifExists().execute();
  for (const column of ['totp_last_step', 'totp_pending_secret', 'totp_secret', 'last_sign_in_at', 'status']) {
    await db.schema.alterTable('users').dropColumn(column).execute();
  }
}
