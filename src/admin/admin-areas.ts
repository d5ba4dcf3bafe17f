import type { AdminDeps } from './admin-routes.js';
import { dashboardArea } from './dashboard/dashboard-area.js';
import type { AdminArea } from './shell/admin-area.js';
import { mailArea } from './mail/mail-area.js';
import { profileArea } from './profile/profile-area.js';
import { settingsArea } from './settings/settings-area.js';
import { usersArea } from './users/users-area.js';

/**
 * The admin's areas, in one list: each brings its navigation entry and its routes, each
 * route its declared access. A new area is added here and nowhere else.
 */
export function adminAreas(deps: AdminDeps): AdminArea[] {
  return [dashboardArea(deps), usersArea(deps), profileArea(deps), settingsArea(deps), mailArea(deps)];
}
