import type { Database } from '../../db/database.js';
import { findMediaByIds } from '../../media/index.js';
import { NotFoundError } from '../../shared/errors.js';
import { type Page, pageCountOf } from '../../shared/pagination.js';
import { monthKey, monthOf, monthRange, type YearMonth } from '../../shared/zoned-time.js';
import { findTopicByPath, findTopicsByPaths, listChildTopics, pathPrefixes, type Tag, tagUrl, topicLink } from '../../taxonomy/index.js';
import type { AuthorRecord } from './resolve-list-path.js';
import { type ArticleSummary, authorUrl } from '../../content/article.js';
import { countListing, countPublishedBetween, firstPublishTimeFrom, lastPublishTimeBefore, listFromListing, listPublishedBetween, listPublishTimes, type SummaryRow } from './article-reads.queries.js';
import { toSummaries } from './article-summaries.js';
import type { ListKind } from '../../content/listing.queries.js';
import type { ArchiveIndexPage, ArchiveMonthLink, ArchiveMonthPage, AuthorPage, TagPage, TopicPage } from './reader-pages.js';

export const PER_PAGE = 12;

/**
 * A page of a list that does not exist: past the last one, or not a page number at all
 * (parsePage gives 0 for those). A 404 whose page links to the list's first and last pages.
 */
export class PageNotFoundError extends NotFoundError {
  override name = 'PageNotFoundError';
  constructor(
    what: string,
    /** the list's own URL (page 1) */
    readonly listUrl: string,
    readonly lastPage: number,
  ) {
    super('page', `${what}: no such page`);
  }
}

/** Asking past the last page is a 404, like any address that shows nothing. */
async function pageOf(
  db: Database,
  page: number,
  count: () => Promise<number>,
  rows: (window: { limit: number; offset: number }) => Promise<SummaryRow[]>,
  what: string,
  listUrl: string,
): Promise<Page<ArticleSummary>> {
  const total = await count();
  const pageCount = pageCountOf(total, PER_PAGE);
  if (page < 1 || page > pageCount) throw new PageNotFoundError(what, listUrl, pageCount);
  const items = await toSummaries(db, await rows({ limit: PER_PAGE, offset: (page - 1) * PER_PAGE }));
  return { items, page, pageCount, total };
}

function listPage(db: Database, kind: ListKind, id: string, page: number, what: string, listUrl: string) {
  return pageOf(db, page, () => countListing(db, kind, id), (w) => listFromListing(db, kind, id, w), what, listUrl);
}

export async function loadTopicPage(db: Database, path: string, page: number): Promise<TopicPage> {
  const topic = await findTopicByPath(db, path);
  if (!topic) throw new NotFoundError('topic', path);
  const [trailTopics, children, articles] = await Promise.all([
    findTopicsByPaths(db, pathPrefixes(topic.path)),
    listChildTopics(db, topic.id),
    listPage(db, 'topic', topic.id, page, `topic ${path}`, topicLink(topic).url),
  ]);
  return {
    topic: { ...topicLink(topic), id: topic.id, description: topic.description, aliases: topic.aliases, kind: topic.kind, path: topic.path },
    trail: trailTopics.sort((a, b) => a.depth - b.depth).map(topicLink),
    subtopics: children.map(topicLink),
    articles,
  };
}

/** A tag's page, once resolveTagPath found the tag. */
export async function loadTagPage(db: Database, tag: Tag, page: number): Promise<TagPage> {
  return { tag: { ...tag, url: tagUrl(tag.slug) }, articles: await listPage(db, 'tag', tag.id, page, `tag ${tag.slug}`, tagUrl(tag.slug)) };
}

/** An author's page, once resolveAuthorPath found the person. */
export async function loadAuthorPage(db: Database, user: AuthorRecord, page: number): Promise<AuthorPage> {
  const avatar = user.avatarMediaId ? ((await findMediaByIds(db, [user.avatarMediaId])).get(user.avatarMediaId) ?? null) : null;
  return {
    author: { id: user.id, name: user.name, slug: user.slug, url: authorUrl(user.slug), bio: user.bio, avatar },
    articles: await listPage(db, 'author', user.id, page, `author ${user.slug}`, authorUrl(user.slug)),
  };
}

export function archiveMonthUrl({ year, month }: YearMonth): string {
  return `/archive/${year}/${String(month).padStart(2, '0')}/`;
}

/** Every month with published articles, newest first, in the site's time zone. */
export async function loadArchiveIndex(db: Database, timeZone: string): Promise<ArchiveIndexPage> {
  const counts = new Map<string, ArchiveMonthLink>();
  for (const iso of await listPublishTimes(db)) {
    const ym = monthOf(new Date(iso), timeZone);
    const key = monthKey(ym);
    const link = counts.get(key);
    if (link) link.count++;
    else counts.set(key, { ...ym, url: archiveMonthUrl(ym), count: 1 });
  }
  return { months: [...counts.values()] };
}

export async function loadArchiveMonth(db: Database, ym: YearMonth, timeZone: string, page: number): Promise<ArchiveMonthPage> {
  const { from, to } = monthRange(ym, timeZone);
  const total = await countPublishedBetween(db, from, to);
  if (total === 0) throw new NotFoundError('archive', monthKey(ym));
  const articles = await pageOf(db, page, async () => total, (w) => listPublishedBetween(db, from, to, w), `archive ${monthKey(ym)}`, archiveMonthUrl(ym));
  const [after, before] = await Promise.all([firstPublishTimeFrom(db, to), lastPublishTimeBefore(db, from)]);
  const nav = (iso: string | null) => {
    if (!iso) return null;
    const m = monthOf(new Date(iso), timeZone);
    return { ...m, url: archiveMonthUrl(m) };
  };
  return { ...ym, url: archiveMonthUrl(ym), articles, newer: nav(after), older: nav(before) };
}
