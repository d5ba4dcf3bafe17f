import type { StaffList, StaffListTab } from '../../content/index.js';
import { CsrfField } from '../views/form-fields.js';
import { Pagination, StatusTabs } from '../views/list-parts.js';
import { formatStaffDate, STATUS_LABELS } from '../views/staff-dates.js';

const TAB_LABELS: Record<StaffListTab, string> = {
  all: 'All',
  draft: 'Drafts',
  pending: 'Pending review',
  scheduled: 'Scheduled',
  published: 'Published',
  withdrawn: 'Withdrawn',
  trashed: 'Trash',
};

export interface ArticleListFilters {
  tab: StaffListTab;
  /** the author filter as chosen: a user id, 'mine' or '' (everyone) */
  author: string;
  topic: string;
  month: string;
  title: string;
}

export interface ArticleListViewProps {
  list: StaffList;
  filters: ArticleListFilters;
  people: { id: string; name: string }[];
  topics: { id: string; name: string; depth: number }[];
  csrfToken: string;
  timeZone: string;
}

/** The query string of the list with some filters changed (tabs and pages keep the others). */
export function listHref(filters: ArticleListFilters, changes: Partial<ArticleListFilters> & { page?: number }): string {
  const next = { ...filters, ...changes };
  const params = new URLSearchParams();
  if (next.tab !== 'all') params.set('tab', next.tab);
  if (next.author) params.set('author', next.author);
  if (next.topic) params.set('topic', next.topic);
  if (next.month) params.set('month', next.month);
  if (next.title) params.set('title', next.title);
  if (changes.page && changes.page > 1) params.set('page', String(changes.page));
  const query = params.toString();
  return `/admin/articles/${query ? `?${query}` : ''}`;
}

export function ArticleListView({ list, filters, people, topics, csrfToken, timeZone }: ArticleListViewProps) {
  const { items } = list;
  const isTrash = filters.tab === 'trashed';
  return (
    <section aria-labelledby="articles-title">
      <div class="admin-page-head">
        <h1 id="articles-title">Articles</h1>
        <a href="/admin/articles/new" class="admin-button">
          New article
        </a>
      </div>
      <StatusTabs
        label="Articles by status"
        tabs={(Object.keys(TAB_LABELS) as StaffListTab[]).map((tab) => ({ label: TAB_LABELS[tab], href: listHref(filters, { tab }), count: list.counts[tab], isCurrent: tab === filters.tab }))}
      />
      <form method="get" action="/admin/articles/" class="admin-toolbar" role="search" aria-label="Filter articles">
        {filters.tab !== 'all' ? <input type="hidden" name="tab" value={filters.tab} /> : null}
        <div class="admin-field">
          <label for="filter-title">Title</label>
          <input id="filter-title" type="search" name="title" value={filters.title} maxlength={200} />
        </div>
        <div class="admin-field">
          <label for="filter-author">Author</label>
          <select id="filter-author" name="author">
            <option value="" selected={filters.author === ''}>
              Everyone
            </option>
            <option value="mine" selected={filters.author === 'mine'}>
              Mine
            </option>
            {people.map((p) => (
              <option value={p.id} selected={filters.author === p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div class="admin-field">
          <label for="filter-topic">Topic</label>
          <select id="filter-topic" name="topic">
            <option value="" selected={filters.topic === ''}>
              All topics
            </option>
            {topics.map((t) => (
              <option value={t.id} selected={filters.topic === t.id}>
                {`${'— '.repeat(t.depth)}${t.name}`}
              </option>
            ))}
          </select>
        </div>
        <div class="admin-field">
          <label for="filter-month">Month</label>
          <input id="filter-month" type="month" name="month" value={filters.month} />
        </div>
        <button type="submit">Filter</button>
      </form>
      {items.items.length === 0 ? (
        <p class="admin-muted">No articles match.</p>
      ) : (
        <form method="post" action="/admin/articles/bulk">
          <CsrfField token={csrfToken} />
          <input type="hidden" name="back" value={listHref(filters, { page: items.page })} />
          <div class="admin-toolbar">
            <div class="admin-field">
              <label for="bulk-action">With the selected articles</label>
              <select id="bulk-action" name="bulkAction">
                {isTrash ? (
                  <option value="restore">Restore</option>
                ) : (
                  <>
                    <option value="publish">Publish</option>
                    <option value="unpublish">Unpublish</option>
                    <option value="trash">Move to trash</option>
                  </>
                )}
              </select>
            </div>
            <button type="submit">Apply</button>
          </div>
          <table class="admin-table article-table">
            <caption class="admin-muted">
              {items.total} {items.total === 1 ? 'article' : 'articles'}, page {items.page} of {items.pageCount}; dates in {timeZone}
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  <span class="visually-hidden">Select</span>
                </th>
                <th scope="col">Title</th>
                <th scope="col">Status</th>
                <th scope="col">Authors</th>
                <th scope="col">Topic</th>
                <th scope="col">{isTrash ? 'Trashed' : 'Date'}</th>
              </tr>
            </thead>
            <tbody>
              {items.items.map((a) => (
                <tr>
                  <td>
                    <input type="checkbox" name="ids" value={a.id} id={`select-${a.id}`} aria-label={`Select “${a.title}”`} />
                  </td>
                  <td>
                    {a.canEdit && !isTrash ? <a href={`/admin/articles/${a.id}/edit`}>{a.title}</a> : a.title}
                    {a.url ? (
                      <>
                        {' '}
                        <a href={a.url} class="admin-muted">
                          view
                        </a>
                      </>
                    ) : null}
                  </td>
                  <td>{STATUS_LABELS[a.status] ?? a.status}</td>
                  <td>{a.authors.map((p) => p.name).join(', ')}</td>
                  <td>{a.topic}</td>
                  <td>
                    {isTrash
                      ? formatStaffDate(a.deletedAt, timeZone)
                      : a.status === 'scheduled' || a.status === 'published'
                        ? formatStaffDate(a.publishedAt, timeZone)
                        : `changed ${formatStaffDate(a.updatedAt, timeZone)}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </form>
      )}
      <Pagination label="Pages of articles" page={items.page} pageCount={items.pageCount} href={(page) => listHref(filters, { page })} previous="Previous page" next="Next page" />
    </section>
  );
}
