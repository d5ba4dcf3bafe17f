import type { Child } from 'hono/jsx';
import type { User } from '../../accounts/index.js';
import type { AdminNavLink } from '../shell/admin-area.js';
import { LogoutForm } from './logout-form.js';

export interface AdminLayoutChrome {
  user: User;
  csrfToken: string;
  nav: AdminNavLink[];
  siteHref: string;
  currentPath: string;
}

export interface AdminLayoutProps {
  title: string;
  /** the versioned URL of admin.css */
  cssUrl: string;
  /** the signed-in frame (navigation, user menu); absent on the sign-in and error pages */
  chrome?: AdminLayoutChrome;
  /** module scripts, by URL (only the editor island has one) */
  scripts?: string[];
  notice?: string | undefined;
  children?: Child;
}

/** The document every admin page shares: never indexed, one stylesheet, script only where a page asks. */
export function AdminLayout({ title, cssUrl, chrome, scripts = [], notice, children }: AdminLayoutProps) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <meta name="referrer" content="same-origin" />
        <title>{`${title} · Dossier admin`}</title>
        <link rel="stylesheet" href={cssUrl} />
        <link rel="icon" href="/favicon.ico" sizes="32x32" />
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
      </head>
      <body class={chrome ? 'admin admin-signed-in' : 'admin'}>
        <a class="skip-link" href="#main">
          Skip to content
        </a>
        <header class="admin-bar">
          <a class="admin-brand" href={chrome ? '/admin/' : '/admin/login'}>
            Dossier
          </a>
          {chrome ? <UserMenu chrome={chrome} /> : null}
        </header>
        {chrome ? <AdminNav nav={chrome.nav} currentPath={chrome.currentPath} /> : null}
        <main id="main" class={chrome ? 'admin-main admin-main-wide' : 'admin-main'} tabindex={-1}>
          {notice ? (
            <p class="admin-notice" role="status">
              {notice}
            </p>
          ) : null}
          {children}
        </main>
        {scripts.map((src) => (
          <script type="module" src={src}></script>
        ))}
      </body>
    </html>
  );
}

function UserMenu({ chrome }: { chrome: AdminLayoutChrome }) {
  return (
    <div class="admin-user">
      <a href={chrome.siteHref}>View site</a>
      <a href="/admin/profile/">
        {chrome.user.name} <span class="admin-muted">({chrome.user.role})</span>
      </a>
      <LogoutForm csrfToken={chrome.csrfToken} />
    </div>
  );
}

/** The areas this user may open; the current one is marked for assistive technology. */
function AdminNav({ nav, currentPath }: { nav: AdminNavLink[]; currentPath: string }) {
  const current = currentArea(nav, currentPath);
  return (
    <nav class="admin-nav" aria-label="Admin">
      <ul>
        {nav.map((item) => (
          <li>
            <a href={item.href} aria-current={item === current ? 'page' : undefined}>
              {item.label}
              {item.badge ? (
                <>
                  {' '}
                  <span class="admin-nav-badge">
                    {item.badge.count}
                    {item.badge.label ? <span class="admin-visually-hidden">{` ${item.badge.label}`}</span> : null}
                  </span>
                </>
              ) : null}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The entry whose href is the longest prefix of the path ("/admin/" only for the dashboard itself). */
function currentArea(nav: AdminNavLink[], path: string): AdminNavLink | undefined {
  let best: AdminNavLink | undefined;
  for (const item of nav) {
    const matches = item.href === '/admin/' ? path === '/admin/' : path.startsWith(item.href);
    if (matches && (!best || item.href.length > best.href.length)) best = item;
  }
  return best;
}
