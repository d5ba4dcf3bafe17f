import type { User } from '../../accounts/index.js';
import { AdminLayout } from './admin-layout.js';
import { LogoutForm } from './logout-form.js';

export interface DashboardViewProps {
  cssUrl: string;
  user: User;
  csrfToken: string;
  /** the public site's home page, from SITE_URL */
  siteHref: string;
}

/** The signed-in landing page; the editing screens arrive with later issues. */
export function DashboardView({ cssUrl, user, csrfToken, siteHref }: DashboardViewProps) {
  return (
    <AdminLayout title="Dashboard" cssUrl={cssUrl}>
      <section class="admin-card" aria-labelledby="dashboard-title">
        <h1 id="dashboard-title">Dashboard</h1>
        <p class="admin-whoami">
          Signed in as <strong>{user.name}</strong> ({user.role})
        </p>
        <ul class="admin-actions">
          <li>
            <a href={siteHref}>View site</a>
          </li>
          <li>
            <LogoutForm csrfToken={csrfToken} />
          </li>
        </ul>
      </section>
    </AdminLayout>
  );
}
