import { can } from '../../accounts/index.js';
import { listArticlesAwaitingReview, listRecentArticleActivity, listScheduledArticles } from '../../content/index.js';
import { loadSettings } from '../../settings/index.js';
import type { AdminDeps } from '../admin-deps.js';
import type { AdminArea } from '../shell/admin-area.js';
import { adminPage, adminUserOf } from '../shell/admin-page.js';
import { DashboardView } from './dashboard-view.js';

/** The signed-in landing page: what waits for review, what goes live next, what changed lately. */
export function dashboardArea(deps: AdminDeps): AdminArea {
  return {
    name: 'dashboard',
    nav: [{ label: 'Dashboard', href: '/admin/', access: 'staff', order: 0 }],
    routes: [
      {
        method: 'GET',
        path: '/',
        access: 'staff',
        handler: async (c) => {
          const user = adminUserOf(c);
          // The newsroom's queues are an editor's work; writers see where to start.
          const isEditor = can(user.role, 'edit_any');
          const [settings, awaitingReview, scheduled, activity] = await Promise.all([
            loadSettings(deps.db),
            isEditor ? listArticlesAwaitingReview(deps.db) : [],
            isEditor ? listScheduledArticles(deps.db) : [],
            isEditor ? listRecentArticleActivity(deps.db) : [],
          ]);
          return adminPage(c, {
            title: 'Dashboard',
            children: (
              <DashboardView
                user={user}
                isEditor={isEditor}
                awaitingReview={awaitingReview}
                scheduled={scheduled}
                activity={activity}
                timeZone={settings.timeZone}
              />
            ),
          });
        },
      },
    ],
  };
}
