export * from './mail.js';
export { outboxQueue, queueMail, type QueueMailDeps, type QueuedMail } from './queue-mail.js';
export { deliverPendingMail, type DeliverMailDeps, type DeliveryReport } from './deliver-pending-mail.js';
export { createMailTransport, fileTransport, smtpTransport, type Envelope, type MailTransport } from './mail-transport.js';
export { listOutbox, OUTBOX_PAGE_SIZE, type OutboxPage, retryMail } from './manage-outbox.js';
