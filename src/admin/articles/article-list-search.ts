import type { Actor } from '../../accounts/index.js';
import { listStaffArticlesByIds, STAFF_LIST_TABS, STAFF_PER_PAGE, type StaffList, type StaffListTab } from '../../content/index.js';
import { type SearchDeps, type SearchOptions, searchArticles, STAFF_DEFAULT_STATUSES } from '../../search/index.js';

/**
 * The article list when a query is typed: the search engine over every status the list's
 * tabs show (audience 'staff'), ranked (or newest first), under the list's other filters,
 * with the same rows, actions and tab counts as the unsearched list. Who may see what is
 * the list's own rule: every writer sees every article, their own by default (the author
 * filter), and what they may do to each is decided per row.
 */
export interface StaffSearchQuery {
  q: string;
  tab: StaffListTab;
  /** a user id; null for everyone */
  authorId: string | null;
  /** this topic and the topics below it */
  topicId: string | null;
  /** on the publish time: articles never published have none, so a month leaves them out */
  month: { from: string; to: string } | null;
  sort: 'relevance' | 'date';
  page: number;
}

export interface StaffSearchList extends StaffList {
  /** per article id: a passage of its body (or dek) with <mark> around the matches, escaped */
  snippets: Map<string, string>;
  /** tabs whose count went past the engine's cap (1,000): shown as "1000+" */
  countsAtLeast: Set<StaffListTab>;
  /** the query had no word to look for */
  nothingToSearch: 'no-words' | 'only-exclusions' | null;
  isTruncated: boolean;
}

/** The statuses each tab shows: "All" is every status but the trash. */
function statusesOf(tab: StaffListTab): readonly string[] {
  return tab === 'all' ? STAFF_DEFAULT_STATUSES : [tab];
}

export async function searchStaffList(deps: SearchDeps, actor: Actor, query: StaffSearchQuery): Promise<StaffSearchList> {
  const options: SearchOptions = {
    audience: 'staff',
    authorId: query.authorId,
    topicId: query.topicId,
    from: query.month ? new Date(query.month.from) : null,
    to: query.month ? new Date(query.month.to) : null,
    sort: query.sort,
    page: query.page,
    perPage: STAFF_PER_PAGE,
  };
  const found = await searchArticles(deps, query.q, { ...options, statuses: statusesOf(query.tab) });
  const empty = { items: { items: [], page: query.page, pageCount: 1, total: 0 }, authorId: query.authorId, snippets: new Map<string, string>(), countsAtLeast: new Set<StaffListTab>() };
  if (found.kind === 'nothing-to-search') {
    return { ...empty, counts: zeroCounts(), nothingToSearch: found.reason, isTruncated: found.isTruncated };
  }
  // Each status's count under the same query and filters (a page of one: the engine counts, the row is dropped).
  const perStatus = new Map<string, { count: number; isAtLeast: boolean }>();
  for (const tab of STAFF_LIST_TABS) {
    if (tab === 'all') continue;
    const counted = tab === query.tab ? found : await searchArticles(deps, query.q, { ...options, statuses: [tab], page: 1, perPage: 1 });
    if (counted.kind === 'results') perStatus.set(tab, counted.total);
  }
  const counts = zeroCounts();
  const countsAtLeast = new Set<StaffListTab>();
  for (const tab of STAFF_LIST_TABS) {
    const parts = statusesOf(tab).map((s) => perStatus.get(s) ?? { count: 0, isAtLeast: false });
    counts[tab] = parts.reduce((n, p) => n + p.count, 0);
    if (parts.some((p) => p.isAtLeast)) countsAtLeast.add(tab);
  }
  const items = await listStaffArticlesByIds(deps.db, actor, found.results.map((r) => r.id));
  return {
    items: { items, page: found.page, pageCount: found.pageCount, total: found.total.count },
    counts,
    countsAtLeast,
    authorId: query.authorId,
    snippets: new Map(found.results.map((r) => [r.id, r.snippetHtml])),
    nothingToSearch: null,
    isTruncated: found.isTruncated,
  };
}

function zeroCounts(): Record<StaffListTab, number> {
  return Object.fromEntries(STAFF_LIST_TABS.map((tab) => [tab, 0])) as Record<StaffListTab, number>;
}
