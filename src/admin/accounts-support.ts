import type { AccountMailDeps } from '../accounts/index.js';
import { outboxQueue } from '../mail/index.js';
import type { AdminDeps } from './admin-deps.js';
import type { AdminContext } from './shell/admin-area.js';

/** What the accounts use cases that mail need, from the admin's deps: the outbox as their queue. */
export function accountMailDeps(deps: AdminDeps): AccountMailDeps {
  return {
    db: deps.db,
    clock: deps.clock,
    events: deps.events,
    siteUrl: deps.siteUrl,
    mail: outboxQueue({ db: deps.db, clock: deps.clock, onError: (error) => deps.logger.error('mail could not be queued', { error: String(error) }) }),
  };
}

/** A posted form's string fields by name (missing ones are ""); the CSRF guard has parsed it already. */
export async function postedStrings(c: AdminContext, names: readonly string[], maxLength = 5000): Promise<Record<string, string>> {
  const body = await c.req.parseBody({ all: true });
  const out: Record<string, string> = {};
  for (const name of names) {
    const value = body[name];
    const first = Array.isArray(value) ? value[0] : value;
    out[name] = typeof first === 'string' ? first.slice(0, maxLength) : '';
  }
  return out;
}
