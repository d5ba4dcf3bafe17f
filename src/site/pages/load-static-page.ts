import { findPageBySlug } from '../../content/index.js';
import type { Database } from '../../db/database.js';
import { NotFoundError } from '../../shared/errors.js';
import type { StaticPage } from './reader-pages.js';

export async function loadStaticPage(db: Database, slug: string): Promise<StaticPage & { id: string }> {
  const page = await findPageBySlug(db, slug);
  if (!page || page.status !== 'published') throw new NotFoundError('page', slug);
  return { id: page.id, slug: page.slug, url: `/${page.slug}/`, title: page.title, body: page.body, updatedAt: new Date(page.updated_at) };
}
