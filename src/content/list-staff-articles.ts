import { type Actor, can } from '../accounts/index.js';
import type { Database } from '../db/database.js';
import { type Page, pageCountOf } from '../shared/pagination.js';
import { articleUrl } from './article.js';
import { authorNamesOf, countStaffArticlesByStatus, findStaffArticleRows, listActivityRows, listQueueRows, listStaffArticleRows, type StaffListRow } from './article-admin.queries.js';
import { canEditArticle, canPublishArticle } from './article-permissions.js';

/** The tabs of the admin's article list, in order; 'all' is everything but the trash. */
export const STAFF_LIST_TABS = ['all', 'draft', 'pending', 'scheduled', 'published', 'withdrawn', 'trashed'] as const;
export type StaffListTab = (typeof STAFF_LIST_TABS)[number];

export const STAFF_PER_PAGE = 20;

export interface StaffListQuery {
  tab: StaffListTab;
  /** a user id; 'mine' for the actor; null for everyone */
  author: string | null;
  topicId: string | null;
  /** [from, to) of the chosen month, already in the site's time zone */
  month: { from: string; to: string } | null;
  title: string;
  page: number;
}

export interface StaffListItem {
  id: string;
  title: string;
  status: string;
  slug: string;
  topic: string;
  /** the public URL, when it is published */
  url: string | null;
  authors: { id: string; name: string }[];
  publishedAt: string | null;
  updatedAt: string;
  deletedAt: string | null;
  canEdit: boolean;
  canPublish: boolean;
}

export interface StaffList {
  items: Page<StaffListItem>;
  /** per tab, under the same filters */
  counts: Record<StaffListTab, number>;
  /** the author filter in force (a contributor's and author's default is themselves) */
  authorId: string | null;
}

/** Whom a list shows by default: contributors and authors their own articles, editors everyone's. */
export function defaultAuthorFilter(actor: Actor): string | null {
  return can(actor.role, 'edit_any') ? null : actor.id;
}

/** The admin's article list: one tab, filters, a page, and the counts of every tab. */
export async function listStaffArticles(db: Database, actor: Actor, query: StaffListQuery): Promise<StaffList> {
  const authorId = query.author === 'mine' ? actor.id : query.author;
  const filter = { authorId, topicId: query.topicId, between: query.month, titleContains: query.title };
  const [{ rows, total }, byStatus] = await Promise.all([
    listStaffArticleRows(db, { ...filter, status: query.tab, limit: STAFF_PER_PAGE, offset: (query.page - 1) * STAFF_PER_PAGE }),
    countStaffArticlesByStatus(db, filter),
  ]);
  const counts = Object.fromEntries(STAFF_LIST_TABS.map((tab) => [tab, tab === 'all' ? Object.entries(byStatus).filter(([s]) => s !== 'trashed').reduce((n, [, c]) => n + c, 0) : (byStatus[tab] ?? 0)])) as Record<StaffListTab, number>;
  const items = await staffItemsOf(db, actor, rows);
  return { items: { items, page: query.page, pageCount: pageCountOf(total, STAFF_PER_PAGE), total }, counts, authorId };
}

/**
 * The list's rows for these articles in the order given (a search's ranking), with what the
 * actor may do to each; ids of articles that are gone are left out.
 */
export async function listStaffArticlesByIds(db: Database, actor: Actor, articleIds: readonly string[]): Promise<StaffListItem[]> {
  const byId = new Map((await findStaffArticleRows(db, articleIds)).map((r) => [r.id, r]));
  return staffItemsOf(db, actor, articleIds.flatMap((id) => byId.get(id) ?? []));
}

async function staffItemsOf(db: Database, actor: Actor, rows: readonly StaffListRow[]): Promise<StaffListItem[]> {
  const authors = await authorNamesOf(db, rows.map((r) => r.id));
  return rows.map((r): StaffListItem => {
    const people = authors.get(r.id) ?? [];
    const authorIds = people.map((p) => p.id);
    const status = r.status === 'trashed' ? 'draft' : r.status;
    return {
      id: r.id,
      title: r.title,
      status: r.status,
      slug: r.slug,
      topic: r.topic_name,
      url: r.status === 'published' ? articleUrl(r.topic_path, r.slug) : null,
      authors: people,
      publishedAt: r.published_at,
      updatedAt: r.updated_at,
      deletedAt: r.deleted_at,
      canEdit: canEditArticle(actor, { status, authorIds }),
      canPublish: canPublishArticle(actor, { authorIds }),
    };
  });
}

export interface QueuedArticle {
  id: string;
  title: string;
  editUrl: string;
  /** when it goes live (scheduled) or was last changed (pending), ISO */
  at: string;
}

/** For the dashboard: articles awaiting review, most recently submitted first. */
export async function listArticlesAwaitingReview(db: Database, limit = 10): Promise<QueuedArticle[]> {
  return (await listQueueRows(db, 'pending', limit)).map((r) => ({ id: r.id, title: r.title, editUrl: editUrlOf(r.id), at: r.updated_at }));
}

/** For the dashboard: scheduled articles, the next to go live first, with their times. */
export async function listScheduledArticles(db: Database, limit = 10): Promise<QueuedArticle[]> {
  return (await listQueueRows(db, 'scheduled', limit)).map((r) => ({ id: r.id, title: r.title, editUrl: editUrlOf(r.id), at: r.published_at ?? r.updated_at }));
}

export interface ArticleActivity {
  articleId: string;
  title: string;
  status: string;
  /** save | publish | restore */
  action: string;
  by: string | null;
  at: string;
  editUrl: string;
}

/** For the dashboard: the latest saves, publishes and restores, who made them and when. */
export async function listRecentArticleActivity(db: Database, limit = 10): Promise<ArticleActivity[]> {
  return (await listActivityRows(db, limit)).map((r) => ({
    articleId: r.article_id,
    title: r.title,
    status: r.status,
    action: r.action,
    by: r.user_name,
    at: r.created_at,
    editUrl: editUrlOf(r.article_id),
  }));
}

export function editUrlOf(articleId: string): string {
  return `/admin/articles/${articleId}/edit`;
}
