import type { Context } from 'hono';
import type { Capability, User } from '../../accounts/index.js';
import type { AppEnv } from '../../http/app-env.js';

/**
 * Who may call an admin route: a capability, or `staff` for any signed-in role (a
 * contributor included). Every route declares one; the shell checks it before the
 * handler runs, and `admin-routes.test.ts` calls every registered route as every role.
 */
export type Access = Capability | 'staff';

/** The admin's request variables: the site's, plus the signed-in chrome the shell sets. */
export interface AdminEnv {
  Variables: AppEnv['Variables'] & { adminChrome?: AdminChrome };
}
export type AdminContext = Context<AdminEnv>;
export type AdminHandler = (c: AdminContext) => Response | Promise<Response>;

export interface AdminRoute {
  method: 'GET' | 'POST';
  /** under /admin, e.g. "/articles/:id/edit" (Hono's pattern syntax) */
  path: string;
  access: Access;
  handler: AdminHandler;
  /**
   * For the role walker: a concrete URL to call (placeholders filled with ids that need
   * not exist: the guard answers before any lookup). Defaults to `path` with ":x" → "x".
   */
  sample?: string;
  /**
   * The largest body this route reads, checked before the shell's CSRF check parses a
   * form (uploads); `onTooLarge` answers when it is passed. Routes without one read forms
   * of ordinary size.
   */
  bodyLimit?: { maxBytes: number; onTooLarge: AdminHandler };
}

export interface AdminNavItem {
  label: string;
  href: string;
  access: Access;
  /** position in the navigation, lowest first */
  order: number;
  /** a number shown beside the label, such as comments waiting for a moderator (none when 0); counted only when a page is rendered */
  countBadge?: (user: User) => Promise<number>;
  /** what the badge's number counts, for screen readers ("pending") */
  badgeLabel?: string;
}

/** A navigation entry as a page shows it: its badge counted. */
export interface AdminNavLink {
  label: string;
  href: string;
  /** what the badge says, and what it counts for screen readers ("3 pending") */
  badge?: { count: number; label: string };
}

/** One area of the admin (articles, media, users…): its navigation entry and its routes. */
export interface AdminArea {
  name: string;
  nav?: AdminNavItem[];
  routes: AdminRoute[];
}

/** What every signed-in admin page needs around its content, set by the shell per request. */
export interface AdminChrome {
  user: User;
  /** the session's CSRF token, for every form's hidden `csrf` field */
  csrfToken: string;
  /** navigation entries this user may open */
  nav: AdminNavItem[];
  cssUrl: string;
  /** versioned URLs of the admin's scripts (the editor island), by name */
  scriptUrl: (name: string) => string;
  /** the public site's home page, from SITE_URL */
  siteHref: string;
}
