import { AdminLayout } from './admin-layout.js';

export interface AdminErrorViewProps {
  cssUrl: string;
  status: number;
  title: string;
  message: string;
  /** a way on: back to sign in, or to the dashboard */
  link: { href: string; label: string };
}

export function AdminErrorView({ cssUrl, status, title, message, link }: AdminErrorViewProps) {
  return (
    <AdminLayout title={title} cssUrl={cssUrl}>
      <section class="admin-card" aria-labelledby="error-title">
        <h1 id="error-title">{title}</h1>
        <p>{message}</p>
        <p>
          <a href={link.href}>{link.label}</a>
        </p>
        <p class="admin-muted">Error {status}</p>
      </section>
    </AdminLayout>
  );
}
