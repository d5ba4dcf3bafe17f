import { randomBytes } from 'node:crypto';
import type { Actor } from '../accounts/index.js';
import type { Database } from '../db/database.js';
import { NotFoundError } from '../shared/errors.js';
import { assertCanEditArticle } from './article-permissions.js';
import { findArticleIdByPreviewToken, findArticleRowById, setPreviewToken } from './article-writes.queries.js';
import { findAuthorIds } from './article-versions.queries.js';
import type { ContentDeps } from './content-deps.js';

/**
 * A preview URL's secret: 32 random bytes in lowercase hex (64 characters), unguessable;
 * lowercase because the site answers other spellings of a path with a redirect to it.
 */
const TOKEN_PATTERN = /^[0-9a-f]{64}$/;

export function previewPath(token: string): string {
  return `/preview/${token}/`;
}

async function assertMayShare(deps: ContentDeps, actor: Actor, articleId: string): Promise<void> {
  const row = await findArticleRowById(deps.db, articleId);
  if (!row) throw new NotFoundError('article', articleId);
  assertCanEditArticle(actor, { status: row.status, authorIds: await findAuthorIds(deps.db, articleId) });
}

/**
 * A new secret preview URL for an article, replacing any earlier one (which stops working).
 * Whoever has the URL sees the article as readers would, published or not; nothing is
 * announced (no public page changes).
 */
export async function createPreviewLink(deps: ContentDeps, actor: Actor, articleId: string): Promise<string> {
  await assertMayShare(deps, actor, articleId);
  const token = randomBytes(32).toString('hex');
  await setPreviewToken(deps.db, articleId, token);
  return previewPath(token);
}

/** Revokes the preview URL: it answers 404 from now on. */
export async function revokePreviewLink(deps: ContentDeps, actor: Actor, articleId: string): Promise<void> {
  await assertMayShare(deps, actor, articleId);
  await setPreviewToken(deps.db, articleId, null);
}

/** The article a preview URL's token opens, if any (a malformed token is never looked up). */
export async function findPreviewedArticleId(db: Database, token: string): Promise<string | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  return (await findArticleIdByPreviewToken(db, token)) ?? null;
}
