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

/**
 * Where a feature hands a message to be sent (the mail outbox, wired in by the web layer),
 * so a feature that sends mail need not import the one that delivers it. `queue` never
 * throws: it answers whether the message was stored.
 */
export interface MailQueue {
  queue(mail: OutgoingMail): Promise<boolean>;
}
