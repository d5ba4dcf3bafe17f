import type { Database } from '../db/database.js';
import type { OutboxEntry, OutboxStatus } from './mail.js';
import type { MailOutboxTable } from './outbox.table.js';

/** One statement for all the rows: inside a caller's transaction, they commit with its write. */
export async function insertOutboxRows(db: Database, rows: readonly MailOutboxTable[]): Promise<void> {
  await db.insertInto('mail_outbox').values([...rows]).execute();
}

function toEntry(row: MailOutboxTable): OutboxEntry {
  return {
    id: row.id,
    to: row.to_address,
    subject: row.subject,
    status: row.status as OutboxStatus,
    attempts: Number(row.attempts),
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    messageId: row.message_id,
    createdAt: row.created_at,
    sentAt: row.sent_at,
  };
}

/** Ids of messages due now: pending ones whose time has come, and claims that lapsed (a sender died). */
export async function listDueOutboxIds(db: Database, now: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('mail_outbox')
    .select('id')
    .where('status', 'in', ['pending', 'sending'])
    .where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Claims one due message for this sender: a conditional update, so of several processes
 * racing for it exactly one changes the row. The attempt is counted here, so a sender
 * that dies mid-send still used up an attempt.
 */
export async function claimOutboxRow(db: Database, id: string, now: string, claimUntil: string): Promise<MailOutboxTable | null> {
  const result = await db
    .updateTable('mail_outbox')
    .set((eb) => ({ status: 'sending', next_attempt_at: claimUntil, attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .where('status', 'in', ['pending', 'sending'])
    .where('next_attempt_at', '<=', now)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return null;
  return (await db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

export async function markOutboxSent(db: Database, id: string, now: string, messageId: string): Promise<void> {
  await db.updateTable('mail_outbox').set({ status: 'sent', sent_at: now, message_id: messageId, last_error: null }).where('id', '=', id).execute();
}

export async function markOutboxFailedAttempt(db: Database, id: string, status: 'pending' | 'failed', nextAttemptAt: string, error: string): Promise<void> {
  await db.updateTable('mail_outbox').set({ status, next_attempt_at: nextAttemptAt, last_error: error }).where('id', '=', id).execute();
}

/** Puts a failed message back in the queue, due now, with a fresh allowance of attempts. */
export async function requeueOutboxRow(db: Database, id: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('mail_outbox')
    .set({ status: 'pending', next_attempt_at: now, attempts: 0 })
    .where('id', '=', id)
    .where('status', '=', 'failed')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function listOutboxRows(db: Database, options: { status?: OutboxStatus | undefined; limit: number; offset: number }): Promise<OutboxEntry[]> {
  let query = db.selectFrom('mail_outbox').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(options.limit).offset(options.offset);
  if (options.status) query = query.where('status', '=', options.status);
  return (await query.execute()).map(toEntry);
}

export async function countOutboxByStatus(db: Database): Promise<Record<OutboxStatus, number>> {
  const rows = await db
    .selectFrom('mail_outbox')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute();
  const counts: Record<OutboxStatus, number> = { pending: 0, sending: 0, sent: 0, failed: 0 };
  for (const row of rows) counts[row.status as OutboxStatus] = Number(row.n);
  return counts;
}

export async function findOutboxRow(db: Database, id: string): Promise<OutboxEntry | null> {
  const row = await db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toEntry(row) : null;
}
