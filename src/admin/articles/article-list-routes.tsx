import {
  defaultAuthorFilter,
  findArticleTitles,
  listStaffArticles,
  loadArticleFormOptions,
  publishArticle,
  restoreArticleFromTrash,
  STAFF_LIST_TABS,
  type StaffListTab,
  trashArticle,
  unpublishArticle,
} from '../../content/index.js';
import { QUERY_LIMITS } from '../../search/index.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../../shared/errors.js';
import { monthRange } from '../../shared/zoned-time.js';
import { loadSettings } from '../../settings/index.js';
import type { AdminDeps } from '../admin-deps.js';
import type { AdminContext, AdminRoute } from '../shell/admin-area.js';
import { adminChromeOf, adminPage } from '../shell/admin-page.js';
import { actorOf } from './article-edit-routes.js';
import { idsOf, readBody, textOf } from './article-form-input.js';
import { searchStaffList } from './article-list-search.js';
import { type ArticleListFilters, ArticleListView } from './article-list-view.js';
import { noticeOf } from './article-notices.js';

const BULK_ACTIONS = {
  publish: { verb: 'published', run: publishArticle },
  unpublish: { verb: 'unpublished', run: unpublishArticle },
  trash: { verb: 'moved to the trash', run: trashArticle },
  restore: { verb: 'restored', run: restoreArticleFromTrash },
} as const;
type BulkAction = keyof typeof BULK_ACTIONS;

const REASONS: Record<string, string> = {
  forbidden: 'your role may not do that to it',
  conflict: 'it is not in a state that allows it',
  missing: 'it no longer exists',
};

function filtersOf(c: AdminContext, defaultAuthor: string | null): ArticleListFilters {
  const tab = c.req.query('tab') ?? 'all';
  const author = c.req.query('author');
  const month = c.req.query('month') ?? '';
  return {
    tab: (STAFF_LIST_TABS as readonly string[]).includes(tab) ? (tab as StaffListTab) : 'all',
    // Contributors and authors see their own by default; "author=" (Everyone) is a choice.
    author: author === undefined ? (defaultAuthor ? 'mine' : '') : /^(mine|[0-9a-z]{1,64})?$/.test(author) ? author : '',
    topic: /^[0-9a-z]{1,64}$/.test(c.req.query('topic') ?? '') ? c.req.query('topic')! : '',
    month: /^\d{4}-(0[1-9]|1[0-2])$/.test(month) ? month : '',
    // "title" is the search box's old name: bookmarked lists keep working.
    q: (c.req.query('q') ?? c.req.query('title') ?? '').slice(0, QUERY_LIMITS.inputChars),
    sort: c.req.query('sort') === 'date' ? 'date' : 'relevance',
  };
}

/** The article list with its tabs, filters and pages, and its bulk actions. */
export function articleListRoutes(deps: AdminDeps): AdminRoute[] {
  const write = { db: deps.db, clock: deps.clock, events: deps.events };
  return [
    {
      method: 'GET',
      path: '/articles/',
      access: 'write_articles',
      handler: async (c) => {
        const actor = actorOf(c);
        const filters = filtersOf(c, defaultAuthorFilter(actor));
        const { timeZone } = await loadSettings(deps.db);
        const page = Math.max(1, Math.min(10_000, Number.parseInt(c.req.query('page') ?? '1', 10) || 1));
        const [year, month] = filters.month ? filters.month.split('-').map(Number) : [];
        const range = year && month ? monthRange({ year, month }, timeZone) : null;
        // A query is answered by the search engine, ranked; without one the list is newest first.
        const list = filters.q.trim()
          ? await searchStaffList({ db: deps.db, dialect: deps.dialect }, actor, {
              q: filters.q,
              tab: filters.tab,
              authorId: filters.author === 'mine' ? actor.id : filters.author || null,
              topicId: filters.topic || null,
              month: range,
              sort: filters.sort,
              page,
            })
          : await listStaffArticles(deps.db, actor, { tab: filters.tab, author: filters.author || null, topicId: filters.topic || null, month: range, title: '', page });
        const options = await loadArticleFormOptions(deps.db);
        return adminPage(c, {
          title: 'Articles',
          notice: (await bulkNotice(c)) ?? noticeOf(c.req.query('notice')),
          children: <ArticleListView list={list} filters={filters} people={options.people} topics={options.topics} csrfToken={adminChromeOf(c).csrfToken} timeZone={timeZone} />,
        });
      },
    },
    {
      method: 'POST',
      path: '/articles/bulk',
      access: 'write_articles',
      // Each article is judged on its own by its use case; the summary says what was done and what refused.
      handler: async (c) => {
        const body = await readBody(c);
        const action = textOf(body, 'bulkAction') as BulkAction;
        const back = /^\/admin\/articles\/(\?[^#]*)?$/.test(textOf(body, 'back')) ? textOf(body, 'back') : '/admin/articles/';
        const ids = idsOf(body, 'ids');
        if (!(action in BULK_ACTIONS) || ids.length === 0) return c.redirect(back, 303);
        let done = 0;
        const refused: string[] = [];
        for (const id of ids) {
          try {
            await BULK_ACTIONS[action].run(write, actorOf(c), id);
            done++;
          } catch (error) {
            const reason = error instanceof ForbiddenError ? 'forbidden' : error instanceof ConflictError ? 'conflict' : error instanceof NotFoundError ? 'missing' : null;
            if (!reason) throw error;
            refused.push(`${id}:${reason}`);
          }
        }
        const summary = new URLSearchParams({ bulk: action, done: String(done), refused: refused.join(',') });
        return c.redirect(`${back}${back.includes('?') ? '&' : '?'}${summary}`, 303);
      },
    },
  ];

  /** "3 published; 1 refused: “Title” (your role may not do that to it)." */
  async function bulkNotice(c: AdminContext): Promise<string | undefined> {
    const action = c.req.query('bulk') as BulkAction | undefined;
    if (!action || !(action in BULK_ACTIONS)) return undefined;
    const done = Number.parseInt(c.req.query('done') ?? '0', 10) || 0;
    const refused = (c.req.query('refused') ?? '')
      .split(',')
      .map((entry) => entry.split(':') as [string, string])
      .filter(([id, why]) => /^[0-9a-z]{1,64}$/.test(id ?? '') && why in REASONS)
      .slice(0, 100);
    const titles = await findArticleTitles(deps.db, refused.map(([id]) => id));
    const named = refused.map(([id, why]) => `“${titles.get(id) ?? 'an article'}” (${REASONS[why]})`);
    return `${done} ${BULK_ACTIONS[action].verb}${named.length ? `; ${named.length} refused: ${named.join('; ')}` : ''}.`;
  }
}
