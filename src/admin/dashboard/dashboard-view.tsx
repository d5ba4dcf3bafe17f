import type { User } from '../../accounts/index.js';

export interface DashboardViewProps {
  user: User;
}

/** The signed-in landing page. */
export function DashboardView({ user }: DashboardViewProps) {
  return (
    <section class="admin-card" aria-labelledby="dashboard-title">
      <h1 id="dashboard-title">Dashboard</h1>
      <p class="admin-whoami">
        Signed in as <strong>{user.name}</strong> ({user.role})
      </p>
    </section>
  );
}
