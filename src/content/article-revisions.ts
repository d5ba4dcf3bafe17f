import type { Actor } from '../accounts/index.js';
import type { Database } from '../db/database.js';
import { ConflictError, NotFoundError } from '../shared/errors.js';
import { parseInput } from '../shared/validate.js';
import { ArticleInput } from './article.schema.js';
import { findRevisionRow, listRevisionRows } from './article-admin.queries.js';
import { assertCanEditArticle } from './article-permissions.js';
import { findArticleRowById } from './article-writes.queries.js';
import type { ContentDeps } from './content-deps.js';
import { type DiffBlock, diffRevisions } from './revision-diff.js';
import { applyArticleSave, type SavedArticle } from './save-article.js';
import { inputOfStored, readStoredArticle } from './stored-article.js';

export interface RevisionEntry {
  id: string;
  version: number | null;
  action: string;
  title: string;
  createdAt: string;
  by: string | null;
}

async function editableArticle(db: Database, actor: Actor, articleId: string) {
  const row = await findArticleRowById(db, articleId);
  if (!row) throw new NotFoundError('article', articleId);
  const stored = await readStoredArticle(db, row);
  assertCanEditArticle(actor, { status: row.status === 'trashed' ? (row.status_before_trash ?? 'draft') : row.status, authorIds: stored.authorIds });
  return stored;
}

/** Every revision of an article, newest first, for those who may edit it. */
export async function listArticleRevisions(db: Database, actor: Actor, articleId: string): Promise<{ title: string; version: number; revisions: RevisionEntry[] }> {
  const stored = await editableArticle(db, actor, articleId);
  const rows = await listRevisionRows(db, articleId);
  return {
    title: stored.row.title,
    version: stored.row.version,
    revisions: rows.map((r) => ({ id: r.id, version: r.version === null ? null : Number(r.version), action: r.action, title: r.title, createdAt: r.created_at, by: r.user_name })),
  };
}

export interface RevisionComparison {
  articleTitle: string;
  from: RevisionEntry;
  to: RevisionEntry;
  blocks: DiffBlock[];
}

/** The readable diff between two revisions of one article (either order; older → newer is usual). */
export async function compareArticleRevisions(db: Database, actor: Actor, articleId: string, fromId: string, toId: string): Promise<RevisionComparison> {
  const stored = await editableArticle(db, actor, articleId);
  const [from, to] = await Promise.all([findRevisionRow(db, articleId, fromId), findRevisionRow(db, articleId, toId)]);
  if (!from) throw new NotFoundError('revision', fromId);
  if (!to) throw new NotFoundError('revision', toId);
  const entries = new Map((await listRevisionRows(db, articleId)).map((r) => [r.id, r]));
  const entry = (id: string): RevisionEntry => {
    const r = entries.get(id)!;
    return { id: r.id, version: r.version === null ? null : Number(r.version), action: r.action, title: r.title, createdAt: r.created_at, by: r.user_name };
  };
  return { articleTitle: stored.row.title, from: entry(from.id), to: entry(to.id), blocks: diffRevisions(from, to) };
}

/**
 * Brings back a revision's title, dek and body: a new save (itself a revision, action
 * "restore"), from the version the editor saw, under the same role rules as any save; the
 * rest of the article (topics, authors, status) stays as it is now.
 */
export async function restoreArticleRevision(deps: ContentDeps, actor: Actor, articleId: string, revisionId: string, version: number): Promise<SavedArticle> {
  const stored = await editableArticle(deps.db, actor, articleId);
  if (stored.row.status === 'trashed') throw new ConflictError('This article is in the trash; restore it before restoring a revision.');
  const revision = await findRevisionRow(deps.db, articleId, revisionId);
  if (!revision) throw new NotFoundError('revision', revisionId);
  const data = parseInput(ArticleInput, inputOfStored(stored, revision), 'article');
  return applyArticleSave(deps, data, { existing: stored.row, editorId: actor.id, expectedVersion: version, action: 'restore' });
}
