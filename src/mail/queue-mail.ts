import { z } from 'zod';
import type { Database } from '../db/database.js';
import type { Clock } from '../shared/clock.js';
import { newId } from '../shared/ids.js';
import type { MailQueue, QueuedWithin } from '../shared/mail-queue.js';
import type { OutgoingMail } from './mail.js';
import { insertOutboxRows } from './outbox.queries.js';
import type { MailOutboxTable } from './outbox.table.js';

export interface QueueMailDeps {
  db: Database;
  clock: Clock;
  /** told when a message could not be stored; the caller's own write stands regardless */
  onError?: (error: unknown, mail: OutgoingMail) => void;
}

const Message = z.object({
  // One address, no display name: features address people by their stored email.
  to: z.email().max(254),
  // A header line: no line breaks, so nothing can be smuggled into the headers.
  subject: z.string().min(1).max(300).regex(/^[^\r\n]*$/),
  text: z.string().min(1).max(100_000),
  // Written between angle brackets in a header: an absolute web address and nothing that
  // could end the brackets, the line or the list.
  listUnsubscribeUrl: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .regex(/^[^\s<>,]*$/)
    .optional(),
});

export type QueuedMail = { isQueued: true; id: string } | { isQueued: false; error: string };

/**
 * Stores a message in the outbox, in this call, for `deliverPendingMail` to send. It never
 * throws: the write that asked for the mail (an invitation, a reset) is already done, and
 * a broken outbox must not undo it or fail its request. The result says whether it stuck.
 */
export async function queueMail(deps: QueueMailDeps, mail: OutgoingMail): Promise<QueuedMail> {
  try {
    const row = outboxRowOf(Message.parse(mail), deps.clock.now().toISOString());
    await insertOutboxRows(deps.db, [row]);
    return { isQueued: true, id: row.id };
  } catch (error) {
    deps.onError?.(error, mail);
    return { isQueued: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Stores several messages with one statement in `trx`, the caller's transaction (see
 * MailQueue.queueWithin): what is not valid is reported and left out; a database failure
 * throws, for the caller's transaction to roll back with its own write.
 */
export async function queueMailWithin(deps: QueueMailDeps, trx: Database, mails: readonly OutgoingMail[]): Promise<QueuedWithin> {
  const now = deps.clock.now().toISOString();
  const rows: MailOutboxTable[] = [];
  const refused: OutgoingMail[] = [];
  for (const mail of mails) {
    const message = Message.safeParse(mail);
    if (message.success) rows.push(outboxRowOf(message.data, now));
    else {
      deps.onError?.(message.error, mail);
      refused.push(mail);
    }
  }
  if (rows.length > 0) await insertOutboxRows(trx, rows);
  return { stored: rows.length, refused };
}

function outboxRowOf(message: z.infer<typeof Message>, now: string): MailOutboxTable {
  return {
    id: newId(),
    to_address: message.to,
    subject: message.subject,
    body_text: message.text,
    status: 'pending',
    attempts: 0,
    next_attempt_at: now,
    last_error: null,
    message_id: null,
    created_at: now,
    sent_at: null,
    list_unsubscribe_url: message.listUnsubscribeUrl ?? null,
  };
}

/** The outbox as the MailQueue port that features (accounts, comment notices) are given. */
export function outboxQueue(deps: QueueMailDeps): MailQueue {
  return {
    queue: async (mail) => (await queueMail(deps, mail)).isQueued,
    queueWithin: (trx, mails) => queueMailWithin(deps, trx, mails),
  };
}
