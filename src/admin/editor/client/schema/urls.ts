/**
 * Which addresses the editor accepts. Typed and pasted links must be http(s), mailto or a
 * path on this site (docs/body-html.md); stored links are loaded as they are unless their
 * scheme could run code, which the server never stores anyway.
 */

/** An address an author may give a link: https://…, http://…, mailto:…, or /a/site/path. */
export function isAllowedHref(href: string): boolean {
  const value = href.trim();
  if (/^\/(?!\/)/.test(value)) return !/\s/.test(value);
  if (/^mailto:[^\s@]+@[^\s@]+$/i.test(value)) return true;
  return isWebUrl(value);
}

/** An absolute http(s) URL with a host: the only kind a link card may point at. */
export function isWebUrl(value: string): boolean {
  if (!/^https?:\/\//i.test(value) || /\s/.test(value)) return false;
  try {
    return new URL(value).hostname.length > 0;
  } catch {
    return false;
  }
}

/** Stored links keep whatever the server kept, except a scheme that runs code. */
export function isLoadableHref(href: string): boolean {
  return !/^\s*(javascript|vbscript|data):/i.test(href);
}

/** Links to other sites get rel="noopener" on save (body-html.ts); the editor writes the same. */
export function isExternalHref(href: string): boolean {
  return /^https?:\/\//i.test(href);
}
