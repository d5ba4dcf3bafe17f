import { OUTBOX_STATUSES, type OutboxPage, type OutboxStatus } from '../../mail/index.js';
import { SettingsFrame } from '../settings/settings-views.js';
import { CsrfField } from '../views/form-fields.js';
import { Pagination } from '../views/list-parts.js';
import { When } from '../views/when.js';

const STATUS_LABELS: Record<OutboxStatus, string> = { pending: 'Waiting', sending: 'Sending', sent: 'Sent', failed: 'Failed' };

export function OutboxView({ page, csrfToken, status, transport }: { page: OutboxPage; csrfToken: string; status: OutboxStatus | undefined; transport: string }) {
  const link = (s: OutboxStatus | undefined, p = 1) => `/admin/mail/${s || p > 1 ? `?${new URLSearchParams({ ...(s ? { status: s } : {}), ...(p > 1 ? { page: String(p) } : {}) })}` : ''}`;
  return (
    <SettingsFrame tab="mail" title="Mail outbox">
      <p>
        Invitations, password resets and notices wait here until they are sent, by <strong>{transport}</strong>. A message that fails is tried again after 1, 5,
        30 minutes and 2 hours, then marked failed.
      </p>
      <form method="post" action="/admin/mail/deliver" class="admin-inline-form">
        <CsrfField token={csrfToken} />
        <button type="submit" class="admin-button-secondary">
          Send what is due now
        </button>
      </form>
      <nav class="admin-tabs admin-filter" aria-label="Filter by status">
        <ul>
          <li>
            <a href={link(undefined)} aria-current={status ? undefined : 'page'}>
              All
            </a>
          </li>
          {OUTBOX_STATUSES.map((s) => (
            <li>
              <a href={link(s)} aria-current={status === s ? 'page' : undefined}>
                {STATUS_LABELS[s]} ({page.counts[s]})
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {page.entries.length === 0 ? (
        <p>No messages{status ? ' with this status' : ''}.</p>
      ) : (
        <table class="admin-table admin-outbox">
          <thead>
            <tr>
              <th scope="col">To</th>
              <th scope="col">Subject</th>
              <th scope="col">Status</th>
              <th scope="col">Attempts</th>
              <th scope="col">Queued</th>
              <th scope="col">Last error</th>
            </tr>
          </thead>
          <tbody>
            {page.entries.map((m) => (
              <tr>
                <td>{m.to}</td>
                <td>{m.subject}</td>
                <td>
                  <span class={`admin-badge admin-mail-${m.status}`}>{STATUS_LABELS[m.status]}</span>
                  {m.status === 'sent' ? (
                    <>
                      {' '}
                      <When at={m.sentAt} />
                    </>
                  ) : null}
                  {m.status === 'pending' && m.attempts > 0 ? (
                    <>
                      {' '}
                      next <When at={m.nextAttemptAt} />
                    </>
                  ) : null}
                </td>
                <td>{m.attempts}</td>
                <td>
                  <When at={m.createdAt} />
                </td>
                <td>
                  {m.lastError ? <span class="admin-mail-error">{m.lastError}</span> : <span class="admin-muted">None</span>}
                  {m.status === 'failed' ? (
                    <form method="post" action={`/admin/mail/${m.id}/retry`} class="admin-inline-form">
                      <CsrfField token={csrfToken} />
                      <button type="submit" class="admin-link-button">
                        Try again
                      </button>
                    </form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination label="Pages of messages" page={page.page} hasNext={page.hasNext} href={(n) => link(status, n)} previous="Newer" next="Older" />
    </SettingsFrame>
  );
}
