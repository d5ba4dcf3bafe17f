/** The staff session cookie's name; its presence alone makes a request skip the page cache. */
export const SESSION_COOKIE = 'dossier_session';

export function hasSessionCookie(cookieHeader: string | undefined | null): boolean {
  return !!cookieHeader && cookieHeader.includes(`${SESSION_COOKIE}=`);
}
