import type { OutgoingMail } from '../shared/mail-queue.js';

export type { OutgoingMail };

export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** A message in the outbox, as the admin's mail screen shows it. */
export interface OutboxEntry {
  id: string;
  to: string;
  subject: string;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  messageId: string | null;
  createdAt: string;
  sentAt: string | null;
}

/** After this many failed attempts a message is marked failed and left for a person to retry. */
export const MAX_ATTEMPTS = 5;

/** How long a sender holds a claimed message before another process may take it over. */
export const CLAIM_SECONDS = 5 * 60;

/**
 * The wait after the nth failed attempt: 1 minute, 5, 30, then 2 hours. A mail server that
 * is down for a restart is retried soon; one that stays down is not hammered.
 */
export function backoffSeconds(failedAttempts: number): number {
  const steps = [60, 5 * 60, 30 * 60, 2 * 60 * 60];
  return steps[Math.min(Math.max(failedAttempts, 1), steps.length) - 1]!;
}
