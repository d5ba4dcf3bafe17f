import { assertCan } from '../../accounts/index.js';
import { createMailTransport, deliverPendingMail, listOutbox, OUTBOX_STATUSES, type OutboxStatus, retryMail } from '../../mail/index.js';
import type { AdminDeps } from '../admin-deps.js';
import type { AdminArea } from '../shell/admin-area.js';
import { adminChromeOf, adminPage, adminUserOf } from '../shell/admin-page.js';
import { OutboxView } from './outbox-view.js';

const NOTICES: Record<string, string> = { retry: 'Queued again: it goes with the next delivery.' };

/** The mail outbox (manage_settings): what was sent, what waits, what failed and why. */
export function mailArea(deps: AdminDeps): AdminArea {
  const { mail } = deps.config;
  const transport = createMailTransport({ smtpUrl: mail.smtpUrl, mailDir: mail.dir });
  return {
    name: 'mail',
    routes: [
      {
        method: 'GET',
        path: '/mail/',
        access: 'manage_settings',
        handler: async (c) => {
          const raw = c.req.query('status');
          const status = OUTBOX_STATUSES.includes(raw as OutboxStatus) ? (raw as OutboxStatus) : undefined;
          const pageNumber = Math.min(10_000, Math.max(1, Number.parseInt(c.req.query('page') ?? '1', 10) || 1));
          const page = await listOutbox(deps.db, adminUserOf(c), { status, page: pageNumber });
          const done = c.req.query('done') ?? '';
          const sent = /^sent-(\d+)-(\d+)$/.exec(done);
          return adminPage(c, {
            title: 'Mail outbox',
            notice: sent ? `Delivered now: ${sent[1]} sent, ${sent[2]} to try again.` : NOTICES[done],
            children: <OutboxView page={page} csrfToken={adminChromeOf(c).csrfToken} status={status} transport={transport.description} />,
          });
        },
      },
      {
        method: 'POST',
        path: '/mail/deliver',
        access: 'manage_settings',
        handler: async (c) => {
          assertCan(adminUserOf(c), 'manage_settings', 'send mail');
          const report = await deliverPendingMail({ db: deps.db, clock: deps.clock, transport, from: mail.from, messageIdDomain: deps.siteUrl.hostname });
          return c.redirect(`/admin/mail/?done=sent-${report.sent}-${report.retrying + report.failed}`, 303);
        },
      },
      {
        method: 'POST',
        path: '/mail/:id/retry',
        access: 'manage_settings',
        handler: async (c) => {
          await retryMail(deps, adminUserOf(c), c.req.param('id')!);
          return c.redirect('/admin/mail/?done=retry', 303);
        },
      },
    ],
  };
}
