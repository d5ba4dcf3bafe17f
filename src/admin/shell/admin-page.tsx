import type { Child } from 'hono/jsx';
import type { User } from '../../accounts/index.js';
import { renderPage } from '../render-page.js';
import { AdminLayout } from '../views/admin-layout.js';
import type { AdminContext, AdminNavItem } from './admin-area.js';

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

export interface AdminPageOptions {
  title: string;
  children: Child;
  status?: 200 | 201 | 400 | 403 | 404 | 409 | 413 | 422 | 429;
  /** scripts (by asset name) loaded as modules at the end of the body */
  scripts?: string[];
  /** a one-line notice above the content ("Saved.") */
  notice?: string;
}

export function adminChromeOf(c: AdminContext): AdminChrome {
  const chrome = c.get('adminChrome');
  if (!chrome) throw new Error('adminChromeOf called outside the signed-in admin');
  return chrome;
}

/** The signed-in user of an admin request (the shell guarantees one past its guard). */
export function adminUserOf(c: AdminContext): User {
  return adminChromeOf(c).user;
}

/** Renders a signed-in admin page in the shared layout: navigation, user menu, notice. */
export async function adminPage(c: AdminContext, options: AdminPageOptions): Promise<Response> {
  const chrome = adminChromeOf(c);
  const html = await renderPage(
    <AdminLayout
      title={options.title}
      cssUrl={chrome.cssUrl}
      chrome={{ user: chrome.user, csrfToken: chrome.csrfToken, nav: chrome.nav, siteHref: chrome.siteHref, currentPath: c.req.path }}
      scripts={(options.scripts ?? []).map(chrome.scriptUrl)}
      notice={options.notice}
    >
      {options.children}
    </AdminLayout>,
  );
  return c.html(html, options.status ?? 200);
}
