import type { StaffList, StaffListTab } from '../../content/index.js';
import { TrustedHtml } from '../../site/views/trusted-html.js';
import type { StaffSearchList } from './article-list-search.js';
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
  /** the search box: when it holds a word, the list is the search engine's, ranked */
  q: string;
  sort: 'relevance' | 'date';
}

export interface ArticleListViewProps {
  /** a search's list when `filters.q` was searched */
  list: StaffList | StaffSearchList;
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
  if (next.q) params.set('q', next.q);
  if (next.q && next.sort === 'date') params.set('sort', 'date');
  if (changes.page && changes.page > 1) params.set('page', String(changes.page));
  const query = params.toString();
  return `/admin/articles/${query ? `?${query}` : ''}`;
}

export function ArticleListView({ list, filters, people, topics, csrfToken, timeZone }: ArticleListViewProps) {
  const { items } = list;
  const isTrash = filters.tab === 'trashed';
  const search = 'snippets' in list ? list : null;
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
        tabs={(Object.keys(TAB_LABELS) as StaffListTab[]).map((tab) => ({ label: TAB_LABELS[tab], href: listHref(filters, { tab }), count: search?.countsAtLeast.has(tab) ? `${list.counts[tab]}+` : list.counts[tab], isCurrent: tab === filters.tab }))}
      />
      <form method="get" action="/admin/articles/" class="admin-toolbar" role="search" aria-label="Filter articles">
        {filters.tab !== 'all' ? <input type="hidden" name="tab" value={filters.tab} /> : null}
        <div class="admin-field admin-field-search">
          <label for="filter-q">Search</label>
          <input id="filter-q" type="search" name="q" value={filters.q} maxlength={1000} aria-describedby="filter-q-hint" />
          <p class="admin-hint" id="filter-q-hint">
            Title, text, topics and their other names, tags, authors; every status. "A phrase", -leave-out.
          </p>
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
        {filters.q.trim() ? (
          <div class="admin-field">
            <label for="filter-sort">Order</label>
            <select id="filter-sort" name="sort">
              <option value="relevance" selected={filters.sort === 'relevance'}>
                Best match first
              </option>
              <option value="date" selected={filters.sort === 'date'}>
                Newest first
              </option>
            </select>
          </div>
        ) : null}
        <button type="submit">Filter</button>
      </form>
      {search?.isTruncated ? <p class="admin-notice">The search was longer than the engine reads (1,000 characters, 10 words or phrases): only its first part was used.</p> : null}
      {search?.nothingToSearch ? (
        <p class="admin-muted">
          {search.nothingToSearch === 'only-exclusions'
            ? 'The search only says what to leave out (-word): add a word to look for.'
            : 'There is no word to search for: type letters or digits, or "a phrase".'}
        </p>
      ) : items.items.length === 0 ? (
        <p class="admin-muted">{search ? `No articles match “${filters.q.trim()}”${filters.tab === 'all' ? '' : ' under this tab'}.` : 'No articles match.'}</p>
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
              {search
                ? `${search.countsAtLeast.has(filters.tab) ? `${items.total}+` : items.total} ${items.total === 1 ? 'article' : 'articles'} matching “${filters.q.trim()}”, ${filters.sort === 'date' ? 'newest first' : 'best match first'}`
                : `${items.total} ${items.total === 1 ? 'article' : 'articles'}`}
              , page {items.page} of {items.pageCount}; dates in {timeZone}
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
                    {search?.snippets.get(a.id) ? (
                      <p class="admin-snippet">
                        {/* The engine's snippet: escaped text with <mark> pairs only (search/marked-html.ts). */}
                        <TrustedHtml html={search.snippets.get(a.id)!} />
                      </p>
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
