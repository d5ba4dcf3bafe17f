import { z } from 'zod';
import { isReservedSegment } from '../shared/reserved-paths.js';
import { SLUG_PATTERN } from '../shared/slugify.js';
import { canonicalRedirectPath } from './redirect.js';

/** A site path: one leading slash, no host, no query, no dot segments. */
export const SitePath = z
  .string()
  .trim()
  .max(2000)
  .regex(/^\/(?!\/)[^\s?#\\]*$/, 'a path on this site, such as /2019/05/old-story/')
  .refine((p) => !p.split('/').some((s) => s === '.' || s === '..'), 'no "." or ".." segments');

/**
 * Where the site consults redirect rows: any path outside its fixed routes, and the tag and
 * author pages (`/tag/<slug>/`, `/author/<slug>/`). Requests are lowercased and every
 * segment must be a slug before a row is looked up, so a row for any other path could
 * never answer: it is refused here rather than left to sit unused.
 */
export function unreachableFromPathProblem(path: string): string | null {
  const segments = path.split('/').filter(Boolean);
  if (segments.length === 0) return 'the home page cannot be redirected';
  if (!segments.every((s) => SLUG_PATTERN.test(s))) {
    return 'the site only looks up paths made of lowercase letters, digits and hyphens between slashes';
  }
  const first = segments[0]!;
  if ((first === 'tag' || first === 'author') && segments.length === 2) return null;
  if (isReservedSegment(first)) return `paths under /${first}/ are answered by the site itself and cannot be redirected`;
  return null;
}

export const RedirectInput = z
  .object({
    fromPath: SitePath.transform(canonicalRedirectPath).superRefine((path, ctx) => {
      const problem = unreachableFromPathProblem(path);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
    /** a path on this site or an absolute http(s) URL; empty for 410 */
    toPath: z.union([SitePath, z.url({ protocol: /^https?$/, message: 'a path on this site (/…) or an http(s) URL' }), z.literal('')]).default(''),
    code: z.union([z.literal(301), z.literal(410)], { message: 'the code is 301 (moved) or 410 (gone)' }),
  })
  .refine((r) => r.code === 410 || r.toPath !== '', { message: 'a 301 needs somewhere to go', path: ['toPath'] })
  .refine((r) => r.code === 410 || canonicalRedirectPath(r.toPath) !== r.fromPath, { message: 'a redirect cannot point at itself', path: ['toPath'] })
  .transform((r) => ({ ...r, toPath: r.code === 410 ? '' : r.toPath }));
export type RedirectInput = z.input<typeof RedirectInput>;
