export type RedirectCode = 301 | 410;

export interface Redirect {
  /** the canonical path it answers for: "/2019/05/old-story/" */
  fromPath: string;
  /** a path on this site or an absolute http(s) URL; empty for 410 */
  toPath: string;
  code: RedirectCode;
}

/** A redirect as the manager lists it. */
export interface RedirectEntry extends Redirect {
  hits: number;
  lastHitAt: Date | null;
  createdAt: Date;
}

/** The canonical spelling of a path, as the site serves it: with a trailing slash. */
export function canonicalRedirectPath(path: string): string {
  return path.endsWith('/') ? path : `${path}/`;
}
