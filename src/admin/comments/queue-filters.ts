import type { CommentQueueQuery, CommentStatus } from '../../comments/index.js';

/*
 * The queue's state lives in its URL (GET filters, bookmarkable): the tab, the filters and
 * the page. Every value is checked here; anything else is dropped, never echoed.
 */

export const QUEUE_TABS = ['pending', 'approved', 'spam', 'trash', 'all'] as const;
export type QueueTab = (typeof QUEUE_TABS)[number];

export interface QueueFilters {
  tab: QueueTab;
  /** an article id, or '' */
  article: string;
  /** words in the name or the comment */
  q: string;
  /** an IP hash (32 hex digits), or '' */
  ip: string;
  email: string;
  page: number;
}

export const EMPTY_FILTERS: QueueFilters = { tab: 'pending', article: '', q: '', ip: '', email: '', page: 1 };

const ID = /^[0-9a-z]{1,64}$/;
const IP_HASH = /^[0-9a-f]{32}$/;

/** The filters of a query string (URLSearchParams, or Hono's query record). */
export function queueFiltersOf(get: (name: string) => string | undefined): QueueFilters {
  const tab = get('status') ?? 'pending';
  const page = Number(get('page'));
  const article = (get('article') ?? '').trim().toLowerCase();
  const ip = (get('ip') ?? '').trim().toLowerCase();
  return {
    tab: (QUEUE_TABS as readonly string[]).includes(tab) ? (tab as QueueTab) : 'pending',
    article: ID.test(article) ? article : '',
    q: (get('q') ?? '').trim().slice(0, 200),
    ip: IP_HASH.test(ip) ? ip : '',
    email: (get('email') ?? '').trim().slice(0, 254),
    page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
  };
}

/** The use case's query for these filters. */
export function queueQueryOf(filters: QueueFilters, perPage?: number): CommentQueueQuery {
  return {
    ...(filters.tab === 'all' ? {} : { status: filters.tab as CommentStatus }),
    ...(filters.article ? { articleId: filters.article } : {}),
    ...(filters.q ? { search: filters.q } : {}),
    ...(filters.ip ? { ipHash: filters.ip } : {}),
    ...(filters.email ? { email: filters.email } : {}),
    page: filters.page,
    ...(perPage ? { perPage } : {}),
  };
}

/** The queue's URL with some filters changed; a change of filter or tab goes back to page 1 unless a page is given. */
export function queueHref(filters: QueueFilters, changes: Partial<QueueFilters> = {}): string {
  const next = { ...filters, page: 1, ...changes };
  const params = new URLSearchParams();
  if (next.tab !== 'pending') params.set('status', next.tab);
  if (next.article) params.set('article', next.article);
  if (next.q) params.set('q', next.q);
  if (next.ip) params.set('ip', next.ip);
  if (next.email) params.set('email', next.email);
  if (next.page > 1) params.set('page', String(next.page));
  const query = params.toString();
  return `/admin/comments/${query ? `?${query}` : ''}`;
}

/** The list a POST came from, as its hidden `back` field says: only a queue URL, re-read through the filters. */
export function backHrefOf(back: string | undefined): string {
  if (!back || !/^\/admin\/comments\/(\?[^#]*)?$/.test(back)) return queueHref(EMPTY_FILTERS);
  const params = new URLSearchParams(back.slice('/admin/comments/'.length));
  const filters = queueFiltersOf((name) => params.get(name) ?? undefined);
  return queueHref(filters, { page: filters.page });
}
