import { type Actor, assertCan } from '../accounts/index.js';
import { NotFoundError, ValidationError } from '../shared/errors.js';
import { parseInput } from '../shared/validate.js';
import type { WriteDeps } from '../shared/write-deps.js';
import { canonicalRedirectPath, type Redirect } from './redirect.js';
import { deleteRedirectRow, findRedirect, insertRedirect } from './redirect.queries.js';
import { RedirectInput, SitePath } from './redirect.schema.js';

export interface SaveRedirectOptions {
  /** when editing: the path the redirect answered for until now (it may change) */
  replacing?: string;
}

/**
 * Adds or changes a redirect. It takes precedence over whatever lives at the path, so the
 * page cached there is dropped (and, when its path changed, the one at the old path).
 */
export async function saveRedirect(deps: WriteDeps, actor: Actor, input: RedirectInput, options: SaveRedirectOptions = {}): Promise<Redirect> {
  assertCan(actor, 'manage_redirects', 'manage redirects');
  const redirect: Redirect = parseInput(RedirectInput, input, 'redirect');
  const replacing = options.replacing === undefined ? null : canonicalRedirectPath(options.replacing);
  if (replacing !== null && !(await findRedirect(deps.db, replacing))) throw new NotFoundError('redirect', replacing);
  if (replacing !== redirect.fromPath && (await findRedirect(deps.db, redirect.fromPath))) {
    throw new ValidationError(`a redirect from ${redirect.fromPath} exists already`, { fromPath: `a redirect from ${redirect.fromPath} exists already: edit that one` });
  }
  await deps.db.transaction().execute(async (trx) => {
    if (replacing !== null && replacing !== redirect.fromPath) await deleteRedirectRow(trx, replacing);
    await insertRedirect(trx, redirect, deps.clock.now().toISOString());
  });
  if (replacing !== null && replacing !== redirect.fromPath) await deps.events.emit({ type: 'redirect.changed', fromPath: replacing });
  await deps.events.emit({ type: 'redirect.changed', fromPath: redirect.fromPath });
  return redirect;
}

export async function deleteRedirect(deps: WriteDeps, actor: Actor, fromPath: string): Promise<void> {
  assertCan(actor, 'manage_redirects', 'manage redirects');
  const path = canonicalRedirectPath(parseInput(SitePath, fromPath, 'path'));
  if (!(await findRedirect(deps.db, path))) throw new NotFoundError('redirect', path);
  await deleteRedirectRow(deps.db, path);
  await deps.events.emit({ type: 'redirect.changed', fromPath: path });
}
