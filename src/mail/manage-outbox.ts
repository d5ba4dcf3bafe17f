import { type Actor, assertCan } from '../accounts/index.js';
import type { Database } from '../db/database.js';
import type { Clock } from '../shared/clock.js';
import { NotFoundError } from '../shared/errors.js';
import type { OutboxEntry, OutboxStatus } from './mail.js';
import { countOutboxByStatus, findOutboxRow, listOutboxRows, requeueOutboxRow } from './outbox.queries.js';

export const OUTBOX_PAGE_SIZE = 50;

export interface OutboxPage {
  entries: OutboxEntry[];
  counts: Record<OutboxStatus, number>;
  page: number;
  hasNext: boolean;
}

/** The outbox, newest first, for the people who run the site (it holds reset links). */
export async function listOutbox(db: Database, actor: Actor, options: { status?: OutboxStatus | undefined; page?: number }): Promise<OutboxPage> {
  assertCan(actor, 'manage_settings', 'read the mail outbox');
  const page = Math.max(1, options.page ?? 1);
  const rows = await listOutboxRows(db, { status: options.status, limit: OUTBOX_PAGE_SIZE + 1, offset: (page - 1) * OUTBOX_PAGE_SIZE });
  return { entries: rows.slice(0, OUTBOX_PAGE_SIZE), counts: await countOutboxByStatus(db), page, hasNext: rows.length > OUTBOX_PAGE_SIZE };
}

/** Puts a message that failed for good back in the queue, due at once. */
export async function retryMail(deps: { db: Database; clock: Clock }, actor: Actor, id: string): Promise<void> {
  assertCan(actor, 'manage_settings', 'retry mail');
  const entry = await findOutboxRow(deps.db, id);
  if (!entry) throw new NotFoundError('message', id);
  await requeueOutboxRow(deps.db, id, deps.clock.now().toISOString());
}
