import type { Child } from 'hono/jsx';
import { renderPage } from '../render-page.js';
import { AdminLayout } from '../views/admin-layout.js';
import type { User } from '../../accounts/index.js';
import type { AdminChrome, AdminContext } from './admin-area.js';

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
