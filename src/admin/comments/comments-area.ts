import type { AdminDeps } from '../admin-deps.js';
import type { AdminArea } from '../shell/admin-area.js';
import { blockAndPrivacyRoutes } from './block-privacy-routes.js';
import { commentDepsOf } from './comment-deps.js';
import { commentEditRoutes } from './comment-edit-routes.js';
import { queueRoutes } from './queue-routes.js';

/**
 * The moderation queue and what surrounds it: edit and reply, the block list, export and
 * erasure by email. Every route needs moderate_comments (editors and administrators); the
 * rules check it again.
 */
export function commentsArea(deps: AdminDeps): AdminArea {
  const comments = commentDepsOf(deps);
  return {
    name: 'comments',
    nav: [
      {
        label: 'Comments',
        href: '/admin/comments/',
        access: 'moderate_comments',
        order: 35,
        countBadge: (user) => deps.pendingComments.count({ id: user.id, role: user.role }),
        badgeLabel: 'pending',
      },
    ],
    routes: [...queueRoutes(deps, comments), ...commentEditRoutes(deps, comments), ...blockAndPrivacyRoutes(deps, comments)],
  };
}
