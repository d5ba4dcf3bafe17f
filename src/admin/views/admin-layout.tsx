import type { Child } from 'hono/jsx';

export interface AdminLayoutProps {
  title: string;
  /** the versioned URL of admin.css */
  cssUrl: string;
  children?: Child;
}

/** The document every admin page shares: never indexed, no script, one stylesheet. */
export function AdminLayout({ title, cssUrl, children }: AdminLayoutProps) {
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
      <body class="admin">
        <a class="skip-link" href="#main">
          Skip to content
        </a>
        <header class="admin-bar">
          <span class="admin-brand">Dossier</span>
        </header>
        <main id="main" class="admin-main" tabindex={-1}>
          {children}
        </main>
      </body>
    </html>
  );
}
