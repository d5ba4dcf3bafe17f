import type { AdminDeps } from '../admin-deps.js';
import type { AdminArea } from '../shell/admin-area.js';
import { adminPage, adminUserOf } from '../shell/admin-page.js';
import { DashboardView } from './dashboard-view.js';

/** The signed-in landing page. */
export function dashboardArea(_deps: AdminDeps): AdminArea {
  return {
    name: 'dashboard',
    nav: [{ label: 'Dashboard', href: '/admin/', access: 'staff', order: 0 }],
    routes: [
      {
        method: 'GET',
        path: '/',
        access: 'staff',
        handler: (c) => adminPage(c, { title: 'Dashboard', children: <DashboardView user={adminUserOf(c)} /> }),
      },
    ],
  };
}
