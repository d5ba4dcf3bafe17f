import type { AdminDeps } from '../admin-deps.js';
import type { AdminArea } from '../shell/admin-area.js';
import { articleEditRoutes } from './article-edit-routes.js';
import { articleListRoutes } from './article-list-routes.js';
import { articleRevisionRoutes } from './article-revision-routes.js';

/** Writing, editing and publishing articles: the list, the form, revisions and the trash. */
export function articlesArea(deps: AdminDeps): AdminArea {
  return {
    name: 'articles',
    nav: [
      { label: 'Articles', href: '/admin/articles/', access: 'write_articles', order: 10 },
      { label: 'New article', href: '/admin/articles/new', access: 'write_articles', order: 11 },
    ],
    routes: [...articleListRoutes(deps), ...articleEditRoutes(deps), ...articleRevisionRoutes(deps)],
  };
}
