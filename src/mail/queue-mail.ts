import { z } from 'zod';
import type { Database } from '../db/database.js';
import type { Clock } from '../shared/clock.js';
import { newId } from '../shared/ids.js';
import type { MailQueue } from '../shared/mail-queue.js';
import type { OutgoingMail } from './mail.js';
import { insertOutboxRow } from './outbox.queries.js';

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
    const message = Message.parse(mail);
    const id = newId();
    const now = deps.clock.now().toISOString();
    await insertOutboxRow(deps.db, {
      id,
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
    });
    return { isQueued: true, id };
  } catch (error) {
    deps.onError?.(error, mail);
    return { isQueued: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** The outbox as the MailQueue port that features (accounts) are given. */
export function outboxQueue(deps: QueueMailDeps): MailQueue {
  return { queue: async (mail) => (await queueMail(deps, mail)).isQueued };
}
