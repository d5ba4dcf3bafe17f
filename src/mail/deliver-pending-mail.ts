import type { Database } from '../db/database.js';
import type { Clock } from '../shared/clock.js';
import { backoffSeconds, CLAIM_SECONDS, MAX_ATTEMPTS } from './mail.js';
import type { MailTransport } from './mail-transport.js';
import { claimOutboxRow, listDueOutboxIds, markOutboxFailedAttempt, markOutboxSent } from './outbox.queries.js';

export interface DeliverMailDeps {
  db: Database;
  clock: Clock;
  transport: MailTransport;
  /** the From header: "Dossier <no-reply@example.org>" */
  from: string;
  /** the right-hand side of Message-IDs, the site's host name */
  messageIdDomain: string;
  /** messages per run, so one run stays short */
  batchSize?: number;
}

export interface DeliveryReport {
  sent: number;
  /** failed this time and will be tried again */
  retrying: number;
  /** failed for the last time */
  failed: number;
}

/**
 * Sends what is due in the outbox. Each message is claimed first (one process wins it,
 * however many run this), then sent; a failure is recorded with its error and retried
 * after a growing wait, up to MAX_ATTEMPTS, then marked failed for a person to look at.
 */
export async function deliverPendingMail(deps: DeliverMailDeps): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
  const start = deps.clock.now();
  const ids = await listDueOutboxIds(deps.db, start.toISOString(), deps.batchSize ?? 50);
  for (const id of ids) {
    const now = deps.clock.now();
    const claimUntil = new Date(now.getTime() + CLAIM_SECONDS * 1000).toISOString();
    const row = await claimOutboxRow(deps.db, id, now.toISOString(), claimUntil);
    if (!row) continue; // another process took it
    const messageId = `<${row.id}@${deps.messageIdDomain}>`;
    try {
      await deps.transport.send({
        id: row.id,
        from: deps.from,
        to: row.to_address,
        subject: row.subject,
        text: row.body_text,
        date: now,
        messageId,
        listUnsubscribeUrl: row.list_unsubscribe_url,
      });
      await markOutboxSent(deps.db, row.id, deps.clock.now().toISOString(), messageId);
      report.sent++;
    } catch (error) {
      const attempts = Number(row.attempts);
      const isLast = attempts >= MAX_ATTEMPTS;
      const next = new Date(deps.clock.now().getTime() + backoffSeconds(attempts) * 1000).toISOString();
      await markOutboxFailedAttempt(deps.db, row.id, isLast ? 'failed' : 'pending', next, describeError(error));
      if (isLast) report.failed++;
      else report.retrying++;
    }
  }
  return report;
}

function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}` : String(error);
  return text.slice(0, 1000);
}
