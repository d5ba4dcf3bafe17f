import type { User } from '../../accounts/index.js';
import type { ArticleActivity, QueuedArticle } from '../../content/index.js';
import { formatStaffDate, STATUS_LABELS } from '../views/staff-dates.js';

export interface DashboardViewProps {
  user: User;
  /** editors and administrators see the newsroom's queues */
  isEditor: boolean;
  awaitingReview: QueuedArticle[];
  scheduled: QueuedArticle[];
  activity: ArticleActivity[];
  timeZone: string;
}

const ACTIONS: Record<string, string> = { save: 'saved', publish: 'published', restore: 'restored a revision of' };

/** The signed-in landing page. */
export function DashboardView({ user, isEditor, awaitingReview, scheduled, activity, timeZone }: DashboardViewProps) {
  return (
    <>
      <div class="admin-page-head">
        <h1>Dashboard</h1>
        <a class="admin-button" href="/admin/articles/new">
          New article
        </a>
      </div>
      <p class="admin-whoami">
        Signed in as <strong>{user.name}</strong> ({user.role}). <a href="/admin/articles/">Your articles</a>
      </p>
      {isEditor ? (
        <div class="dashboard-panels">
          <Queue
            id="awaiting-review"
            title="Awaiting review"
            empty="Nothing is waiting for review."
            items={awaitingReview}
            when={(a) => `submitted ${formatStaffDate(a.at, timeZone)}`}
          />
          <Queue
            id="scheduled"
            title="Scheduled"
            empty="Nothing is scheduled."
            items={scheduled}
            when={(a) => `goes live ${formatStaffDate(a.at, timeZone)}`}
          />
          <section class="admin-card dashboard-panel" aria-labelledby="recent-activity">
            <h2 id="recent-activity">Recent activity</h2>
            {activity.length === 0 ? (
              <p class="admin-muted">No saves yet.</p>
            ) : (
              <ol class="dashboard-list">
                {activity.map((a) => (
                  <li>
                    {a.by ?? 'Someone'} {ACTIONS[a.action] ?? a.action} <a href={a.editUrl}>{a.title}</a>{' '}
                    <span class="admin-muted">
                      {STATUS_LABELS[a.status] ?? a.status} · {formatStaffDate(a.at, timeZone)}
                    </span>
                  </li>
                ))}
              </ol>
            )}
          </section>
        </div>
      ) : null}
    </>
  );
}

function Queue({ id, title, empty, items, when }: { id: string; title: string; empty: string; items: QueuedArticle[]; when: (a: QueuedArticle) => string }) {
  return (
    <section class="admin-card dashboard-panel" aria-labelledby={id}>
      <h2 id={id}>
        {title} <span class="admin-badge">{items.length}</span>
      </h2>
      {items.length === 0 ? (
        <p class="admin-muted">{empty}</p>
      ) : (
        <ul class="dashboard-list">
          {items.map((a) => (
            <li>
              <a href={a.editUrl}>{a.title}</a> <span class="admin-muted">{when(a)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
