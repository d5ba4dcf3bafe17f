import { findPageById } from '../../content/index.js';
import type { Database } from '../../db/database.js';
import { NotFoundError } from '../../shared/errors.js';
import type { StaticPage } from './reader-pages.js';

export async function loadStaticPage(db: Database, pageId: string): Promise<StaticPage & { id: string }> {
  const page = await findPageById(db, pageId);
  if (!page || page.status !== 'published') throw new NotFoundError('page', pageId);
  return { id: page.id, slug: page.slug, url: `/${page.slug}/`, title: page.title, body: page.body, updatedAt: new Date(page.updated_at) };
}
