import type { AdminDeps } from './admin-deps.js';
import { articlesArea } from './articles/articles-area.js';
import { authorsArea } from './authors/authors-area.js';
import { commentsArea } from './comments/comments-area.js';
import { dashboardArea } from './dashboard/dashboard-area.js';
import { mediaArea } from './media/media-area.js';
import type { AdminArea } from './shell/admin-area.js';
import { pagesArea } from './pages/pages-area.js';
import { redirectsArea } from './redirects/redirects-area.js';
import { tagsArea } from './tags/tags-area.js';
import { topicsArea } from './topics/topics-area.js';
import { mailArea } from './mail/mail-area.js';
import { profileArea } from './profile/profile-area.js';
import { settingsArea } from './settings/settings-area.js';
import { usersArea } from './users/users-area.js';

/**
 * The admin's areas, in one list: each brings its navigation entry and its routes, each
 * route its declared access. A new area is added here and nowhere else.
 */
export function adminAreas(deps: AdminDeps): AdminArea[] {
  return [
    dashboardArea(deps),
    articlesArea(deps),
    mediaArea(deps),
    commentsArea(deps),
    topicsArea(deps),
    tagsArea(deps),
    authorsArea(deps),
    pagesArea(deps),
    redirectsArea(deps),
    usersArea(deps),
    profileArea(deps),
    settingsArea(deps),
    mailArea(deps),
  ];
}
