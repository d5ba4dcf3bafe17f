import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';

/** A composed message, ready to go: the outbox entry plus what the sender adds. */
export interface Envelope {
  id: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  date: Date;
  /** "<id@host>", recorded in the outbox */
  messageId: string;
  /** a one-click unsubscribe address, or null */
  listUnsubscribeUrl: string | null;
}

/** Where messages go: an SMTP server, or .eml files for development. */
export interface MailTransport {
  /** for the operator: "SMTP mail.example.org:587" or "files in ./data/mail" */
  readonly description: string;
  send(message: Envelope): Promise<void>;
  close(): void;
}

/**
 * nodemailer's options for a message, the same for SMTP and .eml files. An unsubscribe
 * address becomes `List-Unsubscribe: <https://…>` (RFC 2369); an https one also
 * `List-Unsubscribe-Post: List-Unsubscribe=One-Click`, which tells mail programs that one
 * POST to it unsubscribes, with no page to confirm on (RFC 8058 allows it for https only).
 */
function mailOptions(message: Envelope) {
  const { listUnsubscribeUrl: unsubscribe } = message;
  return {
    from: message.from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    date: message.date,
    messageId: message.messageId,
    ...(unsubscribe ? { list: { unsubscribe } } : {}),
    ...(unsubscribe?.startsWith('https:') ? { headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } } : {}),
  };
}

/** Sends by SMTP (SMTP_URL: smtp://user:pass@host:587 or smtps://…:465), through one pooled connection. */
export function smtpTransport(url: string): MailTransport {
  const transport = nodemailer.createTransport({
    url,
    pool: true,
    maxConnections: 1,
    // A mail server that does not answer is a failed attempt, retried later, not a hung scheduler.
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  } as Parameters<typeof nodemailer.createTransport>[0]);
  const target = new URL(url);
  return {
    description: `SMTP ${target.hostname}:${target.port || (target.protocol === 'smtps:' ? '465' : '587')}`,
    async send(message) {
      await transport.sendMail(mailOptions(message));
    },
    close: () => transport.close(),
  };
}

/**
 * Writes each message as an RFC 5322 file (`<time>-<id>.eml`, CRLF line ends, headers and
 * body encoded by nodemailer's MIME composer) that any mail program opens. Written to a
 * temporary name and renamed, so a half-written file never appears.
 */
export function fileTransport(dir: string): MailTransport {
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return {
    description: `files in ${dir}`,
    async send(message) {
      const info = await composer.sendMail(mailOptions(message));
      await fs.mkdir(dir, { recursive: true });
      const name = `${message.date.toISOString().replace(/[:.]/g, '-')}-${message.id}.eml`;
      const temporary = path.join(dir, `.${name}.tmp`);
      await fs.writeFile(temporary, info.message as Buffer);
      await fs.rename(temporary, path.join(dir, name));
    },
    close: () => composer.close(),
  };
}

/** SMTP when configured, else files under DATA_DIR/mail/. */
export function createMailTransport(options: { smtpUrl: string | null; mailDir: string }): MailTransport {
  return options.smtpUrl ? smtpTransport(options.smtpUrl) : fileTransport(options.mailDir);
}
