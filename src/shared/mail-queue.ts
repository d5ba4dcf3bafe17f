import type { Database } from '../db/database.js';

/** A message as a feature asks for it: one recipient, plain text. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /**
   * Where the recipient stops this kind of mail with one POST (RFC 8058), for mail sent to
   * people who asked for it: mail programs show their own "Unsubscribe" button for it.
   */
  listUnsubscribeUrl?: string;
}

/** What `queueWithin` stored, and the messages it left out as not valid (each reported). */
export interface QueuedWithin {
  stored: number;
  refused: OutgoingMail[];
}

/**
 * Where a feature hands a message to be sent (the mail outbox, wired in by the web layer),
 * so a feature that sends mail need not import the one that delivers it.
 */
export interface MailQueue {
  /** One message, stored in its own commit. Never throws: answers whether it was stored. */
  queue(mail: OutgoingMail): Promise<boolean>;
  /**
   * Several messages, stored by one statement in `trx`, the caller's own transaction, so they
   * are committed with the caller's write (a claim that they are due: one commit for all) or
   * not at all. A message that is not valid is left out, reported as `queue` reports it, and
   * returned in `refused`; the others are stored. A database failure throws, so the caller's
   * transaction rolls back whole.
   */
  queueWithin(trx: Database, mails: readonly OutgoingMail[]): Promise<QueuedWithin>;
}
