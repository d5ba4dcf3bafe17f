import { type ExpressionBuilder, sql } from 'kysely';
import type { Database, Tables } from '../db/database.js';
import { ITEM_COLUMNS, type MediaItemRow } from './media.queries.js';

export interface MediaListQuery {
  /** words matched anywhere in the file name, alt text, caption or credit */
  text: string;
  mimeType: string | null;
  /** "YYYY-MM": uploaded in that UTC month */
  month: string | null;
  /** only images nothing uses (see `isUsedBy`) */
  isUnused: boolean;
  /** the site logo's media id, which counts as a use */
  siteLogoId: string | null;
  offset: number;
  limit: number;
}

/** One page of the library, newest first, with one row more than asked when there is a next page. */
export async function listMediaRows(db: Database, q: MediaListQuery): Promise<MediaItemRow[]> {
  let query = db.selectFrom('media').select(ITEM_COLUMNS);
  for (const word of q.text.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8)) {
    const pattern = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or(
        (['original_name', 'alt', 'caption', 'credit'] as const).map((column) => sql<boolean>`lower(${eb.ref(column)}) like ${pattern} escape '\\'`),
      ),
    );
  }
  if (q.mimeType) query = query.where('mime_type', '=', q.mimeType);
  if (q.month) {
    const [year, month] = q.month.split('-').map(Number) as [number, number];
    const next = month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
    query = query.where('created_at', '>=', `${q.month}-01T00:00:00.000Z`).where('created_at', '<', `${next}-01T00:00:00.000Z`);
  }
  if (q.isUnused) query = query.where((eb) => eb.not(isUsedBy(eb, q.siteLogoId)));
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').offset(q.offset).limit(q.limit + 1).execute();
}

/**
 * Whether anything uses the media row: the featured image of an article, an image in an
 * article's or page's body (by its `/media/<id>-…` URLs), a user's avatar, the site logo.
 * Bodies are scanned as text: cheap on a newsroom's library page, not on a million rows.
 */
function isUsedBy(eb: ExpressionBuilder<Tables, 'media'>, siteLogoId: string | null) {
  const bodyPattern = sql<string>`'%/media/' || ${eb.ref('media.id')} || '-%'`;
  const uses = [
    eb.exists(eb.selectFrom('articles').select(sql`1`.as('one')).whereRef('articles.featured_media_id', '=', 'media.id')),
    eb.exists(eb.selectFrom('users').select(sql`1`.as('one')).whereRef('users.avatar_media_id', '=', 'media.id')),
    eb.exists(eb.selectFrom('articles').select(sql`1`.as('one')).where(sql<boolean>`${sql.ref('articles.body')} like ${bodyPattern}`)),
    eb.exists(eb.selectFrom('pages').select(sql`1`.as('one')).where(sql<boolean>`${sql.ref('pages.body')} like ${bodyPattern}`)),
  ];
  if (siteLogoId) uses.push(eb('media.id', '=', siteLogoId));
  return eb.or(uses);
}

/** The UTC months ("YYYY-MM") in which images were uploaded, newest first, for the month filter. */
export async function listMediaMonths(db: Database): Promise<string[]> {
  const rows = await db
    .selectFrom('media')
    .select(sql<string>`substr(created_at, 1, 7)`.as('month'))
    .groupBy(sql`substr(created_at, 1, 7)`)
    .orderBy(sql`substr(created_at, 1, 7)`, 'desc')
    .execute();
  return rows.map((r) => r.month);
}

export interface MediaUseRows {
  articles: { id: string; title: string; status: string; isFeatured: boolean }[];
  pages: { id: string; title: string }[];
  users: { id: string; name: string }[];
}

/** Everything that uses one image (the logo is a setting, looked up by the caller). */
export async function findMediaUseRows(db: Database, id: string): Promise<MediaUseRows> {
  const bodyPattern = `%/media/${id}-%`;
  const articles = await db
    .selectFrom('articles')
    .select(['id', 'title', 'status', 'featured_media_id'])
    .where((eb) => eb.or([eb('featured_media_id', '=', id), eb('body', 'like', bodyPattern)]))
    .orderBy('title')
    .limit(50)
    .execute();
  const pages = await db.selectFrom('pages').select(['id', 'title']).where('body', 'like', bodyPattern).orderBy('title').limit(50).execute();
  const users = await db.selectFrom('users').select(['id', 'name']).where('avatar_media_id', '=', id).orderBy('name').execute();
  return {
    articles: articles.map((a) => ({ id: a.id, title: a.title, status: a.status, isFeatured: a.featured_media_id === id })),
    pages,
    users,
  };
}
