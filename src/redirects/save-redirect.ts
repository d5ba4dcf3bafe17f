import { z } from 'zod';
import { parseInput } from '../shared/validate.js';
import type { WriteDeps } from '../shared/write-deps.js';
import { deleteRedirectRow, insertRedirect, type Redirect } from './redirect.queries.js';

/** A site path: one leading slash, no host, no query, no dot segments. */
const SitePath = z
  .string()
  .trim()
  .max(2000)
  .regex(/^\/(?!\/)[^\s?#\\]*$/, 'a path on this site, such as /2019/05/old-story/')
  .refine((p) => !p.split('/').some((s) => s === '.' || s === '..'), 'no "." or ".." segments');

export const RedirectInput = z
  .object({
    fromPath: SitePath,
    /** a path on this site or an absolute http(s) URL; empty for 410 */
    toPath: z.union([SitePath, z.url({ protocol: /^https?$/ }), z.literal('')]).default(''),
    code: z.union([z.literal(301), z.literal(410)]),
  })
  .refine((r) => r.code === 410 || r.toPath !== '', { message: 'a 301 needs somewhere to go', path: ['toPath'] });
export type RedirectInput = z.input<typeof RedirectInput>;

/** The canonical spelling of a path, as the site serves it: with a trailing slash. */
function canonical(path: string): string {
  return path.endsWith('/') ? path : `${path}/`;
}

/**
 * Adds or changes a redirect. It takes precedence over whatever lives at the path, so the
 * page cached there is dropped.
 */
export async function saveRedirect(deps: WriteDeps, input: RedirectInput): Promise<Redirect> {
  const data = parseInput(RedirectInput, input, 'redirect');
  const redirect: Redirect = { fromPath: canonical(data.fromPath), toPath: data.toPath, code: data.code };
  await insertRedirect(deps.db, redirect, deps.clock.now().toISOString());
  await deps.events.emit({ type: 'redirect.changed', fromPath: redirect.fromPath });
  return redirect;
}

export async function deleteRedirect(deps: WriteDeps, fromPath: string): Promise<void> {
  const path = canonical(parseInput(SitePath, fromPath, 'path'));
  await deleteRedirectRow(deps.db, path);
  await deps.events.emit({ type: 'redirect.changed', fromPath: path });
}
