import type { Child } from 'hono/jsx';
import { renderPage } from '../render-page.js';
import { AdminLayout } from '../views/admin-layout.js';
import type { User } from '../../accounts/index.js';
import type { AdminChrome, AdminContext, AdminNavLink } from './admin-area.js';

export type { AdminChrome } from './admin-area.js';


export interface AdminPageOptions {
  title: string;
  children: Child;
  status?: 200 | 201 | 400 | 403 | 404 | 409 | 413 | 422 | 429;
  /** scripts (by asset name) loaded as modules at the end of the body */
  scripts?: string[];
  /** a one-line notice above the content ("Saved.") */
  notice?: string;
}

/** The rich-text editor island (public/build/editor.js, bundled at build time); without it a body is a plain textarea. */
export const EDITOR_SCRIPT = 'build/editor.js';

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
  const nav = await navLinksOf(chrome);
  const html = await renderPage(
    <AdminLayout
      title={options.title}
      cssUrl={chrome.cssUrl}
      chrome={{ user: chrome.user, csrfToken: chrome.csrfToken, nav, siteHref: chrome.siteHref, currentPath: c.req.path }}
      scripts={(options.scripts ?? []).map(chrome.scriptUrl)}
      notice={options.notice}
    >
      {options.children}
    </AdminLayout>,
  );
  return c.html(html, options.status ?? 200);
}

/** The navigation with each badge counted, for this page only (POSTs that redirect count nothing). */
async function navLinksOf(chrome: AdminChrome): Promise<AdminNavLink[]> {
  return Promise.all(
    chrome.nav.map(async (item) => {
      const count = item.countBadge ? await item.countBadge(chrome.user) : 0;
      return { label: item.label, href: item.href, ...(count > 0 ? { badge: { count, label: item.badgeLabel ?? '' } } : {}) };
    }),
  );
}
