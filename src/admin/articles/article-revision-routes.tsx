import { compareArticleRevisions, listArticleRevisions, restoreArticleRevision } from '../../content/index.js';
import { ValidationError } from '../../shared/errors.js';
import { loadSettings } from '../../settings/index.js';
import type { AdminDeps } from '../admin-deps.js';
import type { AdminRoute } from '../shell/admin-area.js';
import { adminChromeOf, adminPage } from '../shell/admin-page.js';
import { actorOf } from './article-edit-routes.js';
import { readBody, versionOf } from './article-form-input.js';
import { RevisionDiffView, RevisionsView } from './revisions-view.js';

/** An article's revisions: the list, the diff between any two, and restoring one. */
export function articleRevisionRoutes(deps: AdminDeps): AdminRoute[] {
  const write = { db: deps.db, clock: deps.clock, events: deps.events };
  return [
    {
      method: 'GET',
      path: '/articles/:id/revisions',
      access: 'write_articles',
      handler: async (c) => {
        const id = c.req.param('id')!;
        const [history, { timeZone }] = await Promise.all([listArticleRevisions(deps.db, actorOf(c), id), loadSettings(deps.db)]);
        return adminPage(c, {
          title: `Revisions: ${history.title}`,
          children: <RevisionsView articleId={id} title={history.title} version={history.version} revisions={history.revisions} csrfToken={adminChromeOf(c).csrfToken} timeZone={timeZone} />,
        });
      },
    },
    {
      method: 'GET',
      path: '/articles/:id/revisions/compare',
      access: 'write_articles',
      handler: async (c) => {
        const id = c.req.param('id')!;
        const from = c.req.query('from') ?? '';
        const to = c.req.query('to') ?? '';
        const [comparison, history, { timeZone }] = await Promise.all([
          compareArticleRevisions(deps.db, actorOf(c), id, from, to),
          listArticleRevisions(deps.db, actorOf(c), id),
          loadSettings(deps.db),
        ]);
        return adminPage(c, {
          title: `Changes: ${comparison.articleTitle}`,
          children: <RevisionDiffView articleId={id} comparison={comparison} version={history.version} csrfToken={adminChromeOf(c).csrfToken} timeZone={timeZone} />,
        });
      },
    },
    {
      method: 'POST',
      path: '/articles/:id/revisions/:revisionId/restore',
      access: 'write_articles',
      handler: async (c) => {
        const id = c.req.param('id')!;
        const version = versionOf(await readBody(c));
        if (version === null) throw new ValidationError('The form did not say which version it was made from; reload the page.');
        await restoreArticleRevision(write, actorOf(c), id, c.req.param('revisionId')!, version);
        return c.redirect(`/admin/articles/${id}/edit?notice=revision-restored`, 303);
      },
    },
  ];
}
