import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SmtpSink } from '../../test/smtp-sink.js';
import { createTestDb, type TestDb, testDialects } from '../../test/test-db.js';
import { fixedClock } from '../shared/clock.js';
import { deliverPendingMail } from './deliver-pending-mail.js';
import { MAX_ATTEMPTS } from './mail.js';
import { fileTransport, type MailTransport, smtpTransport } from './mail-transport.js';
import { queueMail } from './queue-mail.js';

const FROM = 'The Review <desk@news.example.org>';

/** Unfolds and reads the header block of a raw message into name → value. */
function headersOf(raw: string): Map<string, string> {
  const head = raw.split('\r\n\r\n')[0]!.replace(/\r\n[ \t]+/g, ' ');
  return new Map(head.split('\r\n').map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
}

/** RFC 2047 "=?UTF-8?Q?…?=" words back to text. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?Q\?([^?]*)\?=/gi, (_m, q: string) =>
      Buffer.from(q.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'),
    );
}

function decodeQuotedPrintable(body: string): string {
  const bytes = body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

describe.each(testDialects)('the mail outbox on %s', (dialect) => {
  let t: TestDb;
  let dir: string;
  const clock = fixedClock('2026-11-20T12:00:00.000Z');
  const deps = (transport: MailTransport) => ({ db: t.db, clock, transport, from: FROM, messageIdDomain: 'news.example.org' });

  beforeAll(async () => {
    t = await createTestDb(dialect);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-mail-'));
  });
  afterAll(async () => {
    await t?.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await t.db.deleteFrom('mail_outbox').execute();
    clock.set('2026-11-20T12:00:00.000Z');
  });

  it('stores a message in the call, and writes it as an RFC 5322 file with encoded headers', async () => {
    const queued = await queueMail({ db: t.db, clock }, { to: 'ann@example.org', subject: 'Bienvenue à la rédaction', text: 'Hello Ann,\n\nYour link: https://news.example.org/x — café.\n' });
    expect(queued.isQueued).toBe(true);
    const stored = await t.db.selectFrom('mail_outbox').selectAll().executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ to_address: 'ann@example.org', status: 'pending' });

    const mailDir = path.join(dir, 'files');
    expect(await deliverPendingMail(deps(fileTransport(mailDir)))).toEqual({ sent: 1, retrying: 0, failed: 0 });
    const files = fs.readdirSync(mailDir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^2026-11-20T12-00-00-000Z-[0-9a-z]{26}\.eml$/);
    const raw = fs.readFileSync(path.join(mailDir, files[0]!), 'utf8');
    expect(raw).not.toMatch(/[^\r]\n/); // CRLF line ends throughout
    const headers = headersOf(raw);
    expect(headers.get('from')).toBe(FROM);
    expect(headers.get('to')).toBe('ann@example.org');
    expect(headers.get('date')).toBe('Fri, 20 Nov 2026 12:00:00 +0000');
    expect(headers.get('message-id')).toBe(`<${stored.id}@news.example.org>`);
    expect(headers.get('mime-version')).toBe('1.0');
    expect(headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(headers.get('content-transfer-encoding')).toBe('quoted-printable');
    expect(headers.get('subject')).toMatch(/^=\?UTF-8\?Q\?/); // never raw 8-bit in a header
    expect(decodeWords(headers.get('subject')!)).toBe('Bienvenue à la rédaction');
    expect(decodeQuotedPrintable(raw.split('\r\n\r\n').slice(1).join('\r\n\r\n'))).toContain('https://news.example.org/x — café.');

    const sent = await t.db.selectFrom('mail_outbox').selectAll().executeTakeFirstOrThrow();
    expect(sent).toMatchObject({ status: 'sent', attempts: 1, sent_at: '2026-11-20T12:00:00.000Z', message_id: `<${stored.id}@news.example.org>`, last_error: null });
    // Sent once: a second run finds nothing due.
    expect(await deliverPendingMail(deps(fileTransport(mailDir)))).toEqual({ sent: 0, retrying: 0, failed: 0 });
  });

  it('sends by SMTP to a real server', async () => {
    const sink = new SmtpSink();
    const url = await sink.start();
    const transport = smtpTransport(url);
    try {
      await queueMail({ db: t.db, clock }, { to: 'ben@example.org', subject: 'Reset your password', text: 'Follow the link.' });
      expect(await deliverPendingMail(deps(transport))).toEqual({ sent: 1, retrying: 0, failed: 0 });
      expect(sink.received).toHaveLength(1);
      expect(sink.received[0]!.from).toBe('desk@news.example.org');
      expect(sink.received[0]!.to).toEqual(['ben@example.org']);
      expect(headersOf(sink.received[0]!.raw).get('subject')).toBe('Reset your password');
    } finally {
      transport.close();
      await sink.stop();
    }
  });

  const UNSUBSCRIBE = 'https://news.example.org/comments/unsubscribe?token=01jdxk3m9v8w7t6r5q4p3n2m1a.AbCdEfGhIjKlMnOpQrStUvWxYz012345';

  it('writes a one-click unsubscribe address as List-Unsubscribe and List-Unsubscribe-Post headers in the .eml file (RFC 8058)', async () => {
    const mailDir = path.join(dir, 'unsubscribe');
    await queueMail({ db: t.db, clock }, { to: 'ann@example.org', subject: 'A reply to your comment', text: 'Someone replied.', listUnsubscribeUrl: UNSUBSCRIBE });
    await queueMail({ db: t.db, clock }, { to: 'ben@example.org', subject: 'Reset your password', text: 'Follow the link.' });
    expect(await deliverPendingMail(deps(fileTransport(mailDir)))).toEqual({ sent: 2, retrying: 0, failed: 0 });
    const byRecipient = new Map(fs.readdirSync(mailDir).map((f) => {
      const headers = headersOf(fs.readFileSync(path.join(mailDir, f), 'utf8'));
      return [headers.get('to')!, headers] as const;
    }));
    const reply = byRecipient.get('ann@example.org')!;
    expect(reply.get('list-unsubscribe')).toBe(`<${UNSUBSCRIBE}>`);
    expect(reply.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    // Mail nobody subscribed to carries neither.
    const reset = byRecipient.get('ben@example.org')!;
    expect(reset.has('list-unsubscribe')).toBe(false);
    expect(reset.has('list-unsubscribe-post')).toBe(false);
  });

  it('sends the unsubscribe headers by SMTP too; an http address gets no one-click header', async () => {
    const sink = new SmtpSink();
    const url = await sink.start();
    const transport = smtpTransport(url);
    try {
      await queueMail({ db: t.db, clock }, { to: 'cat@example.org', subject: 'A reply to your comment', text: 'Someone replied.', listUnsubscribeUrl: UNSUBSCRIBE });
      expect(await deliverPendingMail(deps(transport))).toEqual({ sent: 1, retrying: 0, failed: 0 });
      const headers = headersOf(sink.received[0]!.raw);
      expect(headers.get('list-unsubscribe')).toBe(`<${UNSUBSCRIBE}>`);
      expect(headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');

      // RFC 8058 offers one-click for https only: a site served over http says where, not "one click".
      await queueMail({ db: t.db, clock }, { to: 'dan@example.org', subject: 'A reply', text: 'x', listUnsubscribeUrl: 'http://localhost:3000/comments/unsubscribe?token=x' });
      await deliverPendingMail(deps(transport));
      const plain = headersOf(sink.received[1]!.raw);
      expect(plain.get('list-unsubscribe')).toBe('<http://localhost:3000/comments/unsubscribe?token=x>');
      expect(plain.has('list-unsubscribe-post')).toBe(false);
    } finally {
      transport.close();
      await sink.stop();
    }
  });

  it('refuses an unsubscribe address that is not a web address or would break out of its header', async () => {
    for (const listUnsubscribeUrl of ['javascript:alert(1)', 'mailto:stop@example.org', `${UNSUBSCRIBE}>\r\nBcc: all@example.org`, `${UNSUBSCRIBE}>, <https://evil.example/`, 'not a url']) {
      expect((await queueMail({ db: t.db, clock }, { to: 'eve@example.org', subject: 'Hello', text: 'x', listUnsubscribeUrl })).isQueued, listUnsubscribeUrl).toBe(false);
    }
    expect(await t.db.selectFrom('mail_outbox').select('id').execute()).toEqual([]);
  });

  it('records each failure with its error, backs off, and gives up after the last attempt', async () => {
    const sink = new SmtpSink();
    const url = await sink.start();
    const transport = smtpTransport(url);
    try {
      sink.refuseWith = { message: 'Mailbox unavailable', responseCode: 550 };
      await queueMail({ db: t.db, clock }, { to: 'cat@example.org', subject: 'Invitation', text: 'Join us.' });
      expect(await deliverPendingMail(deps(transport))).toEqual({ sent: 0, retrying: 1, failed: 0 });
      let row = await t.db.selectFrom('mail_outbox').selectAll().executeTakeFirstOrThrow();
      expect(row.status).toBe('pending');
      expect(row.attempts).toBe(1);
      expect(row.last_error).toMatch(/Mailbox unavailable/);
      expect(row.next_attempt_at).toBe('2026-11-20T12:01:00.000Z');
      // Not due before its time.
      clock.set('2026-11-20T12:00:59.000Z');
      expect(await deliverPendingMail(deps(transport))).toEqual({ sent: 0, retrying: 0, failed: 0 });
      const waits: string[] = [];
      for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
        clock.set(row.next_attempt_at);
        await deliverPendingMail(deps(transport));
        row = await t.db.selectFrom('mail_outbox').selectAll().executeTakeFirstOrThrow();
        waits.push(row.next_attempt_at);
      }
      expect(row.status).toBe('failed');
      expect(row.attempts).toBe(MAX_ATTEMPTS);
      // 1 min, then 5, 30, 120 minutes between attempts.
      expect(waits.slice(0, 3)).toEqual(['2026-11-20T12:06:00.000Z', '2026-11-20T12:36:00.000Z', '2026-11-20T14:36:00.000Z']);
      clock.set('2026-11-21T12:00:00.000Z');
      expect(await deliverPendingMail(deps(transport))).toEqual({ sent: 0, retrying: 0, failed: 0 });
      expect(sink.received).toHaveLength(0);
    } finally {
      transport.close();
      await sink.stop();
    }
  });

  it('sends each message once when two senders run at the same time', async () => {
    for (let i = 0; i < 6; i++) await queueMail({ db: t.db, clock }, { to: `reader${i}@example.org`, subject: `Message ${i}`, text: 'Hello.' });
    const sent: string[] = [];
    const counting: MailTransport = { description: 'counting', close: () => {}, send: async (m) => void sent.push(m.to) };
    const [a, b] = await Promise.all([deliverPendingMail(deps(counting)), deliverPendingMail(deps(counting))]);
    expect(a.sent + b.sent).toBe(6);
    expect(sent.sort()).toEqual(Array.from({ length: 6 }, (_, i) => `reader${i}@example.org`).sort());
  });

  it('takes over a message whose sender died after claiming it, once the claim lapses', async () => {
    await queueMail({ db: t.db, clock }, { to: 'dan@example.org', subject: 'Hello', text: 'Hello.' });
    const dying: MailTransport = { description: 'dies', close: () => {}, send: () => new Promise(() => {}) };
    void deliverPendingMail(deps(dying)); // never settles, as if the process were killed mid-send
    await new Promise((r) => setTimeout(r, 200));
    const sent: string[] = [];
    const ok: MailTransport = { description: 'ok', close: () => {}, send: async (m) => void sent.push(m.to) };
    expect((await deliverPendingMail(deps(ok))).sent).toBe(0);
    clock.set('2026-11-20T12:05:00.000Z');
    expect((await deliverPendingMail(deps(ok))).sent).toBe(1);
    expect(sent).toEqual(['dan@example.org']);
  });

  it('never throws at the caller, and refuses a subject that would add headers', async () => {
    const injected = await queueMail({ db: t.db, clock }, { to: 'eve@example.org', subject: 'Hi\r\nBcc: all@example.org', text: 'x' });
    expect(injected.isQueued).toBe(false);
    const broken = await createTestDb(dialect);
    await sql`drop table mail_outbox`.execute(broken.db);
    const errors: unknown[] = [];
    const result = await queueMail({ db: broken.db, clock, onError: (e) => errors.push(e) }, { to: 'eve@example.org', subject: 'Hello', text: 'x' });
    await broken.destroy();
    expect(result.isQueued).toBe(false);
    expect(errors).toHaveLength(1);
  });
});
