import { type Actor, can } from '../accounts/index.js';
import type { Database } from '../db/database.js';
import { NotFoundError } from '../shared/errors.js';
import { findTopicById, listAllTopics } from '../taxonomy/index.js';
import { articleUrl } from './article.js';
import { type ArticleFields, ArticleFields as ArticleFieldsSchema } from './article-fields.js';
import { authorNamesOf, listRecentImages, listStaffNames } from './article-admin.queries.js';
import { assertCanEditArticle, canPublishArticle } from './article-permissions.js';
import { findArticleRowById } from './article-writes.queries.js';
import { findWorkingCopy } from './article-versions.queries.js';
import { previewPath } from './preview-link.js';
import { fieldsOfStored, readStoredArticle } from './stored-article.js';

/** What the article form may offer: topics (in tree order), people, recent images. */
export interface ArticleFormOptions {
  topics: { id: string; name: string; depth: number; path: string }[];
  people: { id: string; name: string }[];
  images: { id: string; label: string }[];
}

export async function loadArticleFormOptions(db: Database): Promise<ArticleFormOptions> {
  const [topics, people, images] = await Promise.all([listAllTopics(db), listStaffNames(db), listRecentImages(db, 40)]);
  return {
    topics: [...topics].sort((a, b) => a.path.localeCompare(b.path)).map((t) => ({ id: t.id, name: t.name, depth: t.depth, path: t.path })),
    people: people.map((p) => ({ id: p.id, name: p.name })),
    images: images.map((m) => ({ id: m.id, label: m.alt ? `${m.alt} (${m.file})` : m.file })),
  };
}

/** What the actor may do to the article, so the form shows only the buttons that work. */
export interface ArticleAbilities {
  canPublish: boolean;
  /** only editors name other people as authors */
  canChooseAuthors: boolean;
}

export interface ArticleEditorState {
  id: string;
  version: number;
  status: string;
  /** the fields the form shows: the working copy's when there is one, else the stored article's */
  fields: ArticleFields;
  /** set when the form shows an autosaved working copy, not yet applied */
  workingCopy: { savedBy: string | null; savedAt: string } | null;
  /** the stored (applied) article's slug and last change */
  slug: string;
  updatedAt: string;
  publishedAt: string | null;
  previewPath: string | null;
  /** where readers find it, when it is published */
  publicUrl: string | null;
  authorNames: string[];
  abilities: ArticleAbilities;
}

export function abilitiesOf(actor: Actor, authorIds: readonly string[]): ArticleAbilities {
  return { canPublish: canPublishArticle(actor, { authorIds }), canChooseAuthors: can(actor.role, 'edit_any') };
}

/** The article as its editor opens it, for those who may edit it. */
export async function loadArticleEditor(db: Database, actor: Actor, articleId: string, timeZone: string): Promise<ArticleEditorState> {
  const row = await findArticleRowById(db, articleId);
  if (!row) throw new NotFoundError('article', articleId);
  const stored = await readStoredArticle(db, row);
  assertCanEditArticle(actor, { status: row.status === 'trashed' ? (row.status_before_trash ?? 'draft') : row.status, authorIds: stored.authorIds });
  const copy = await findWorkingCopy(db, articleId);
  const parsedCopy = copy ? ArticleFieldsSchema.safeParse(JSON.parse(copy.fields)) : null;
  return {
    id: row.id,
    version: Number(row.version),
    status: row.status,
    fields: parsedCopy?.success ? parsedCopy.data : fieldsOfStored(stored, timeZone),
    workingCopy: copy && parsedCopy?.success ? { savedBy: copy.savedByName, savedAt: copy.savedAt } : null,
    slug: row.slug,
    updatedAt: row.updated_at,
    publishedAt: row.published_at,
    previewPath: row.preview_token ? previewPath(row.preview_token) : null,
    publicUrl: row.status === 'published' ? articleUrl((await findTopicById(db, row.primary_topic_id))?.path ?? '', row.slug) : null,
    authorNames: ((await authorNamesOf(db, [row.id])).get(row.id) ?? []).map((a) => a.name),
    abilities: abilitiesOf(actor, stored.authorIds),
  };
}
