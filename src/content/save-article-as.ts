import { type Actor, assertCan } from '../accounts/index.js';
import { ConflictError, NotFoundError, ValidationError } from '../shared/errors.js';
import { slugify } from '../shared/slugify.js';
import { parseInput } from '../shared/validate.js';
import { createTag, findTagsBySlugs } from '../taxonomy/index.js';
import { ArticleInput, type ValidArticleInput } from './article.schema.js';
import type { ArticleRow } from './article.table.js';
import { type ArticleFields, asFieldError, inputOfFields } from './article-fields.js';
import { assertCanEditArticle, assertCanPublishArticle, assertCanSetAuthors, isLiveStatus } from './article-permissions.js';
import { slugOf } from './article-row.js';
import { findArticleRowById, isSlugTaken } from './article-writes.queries.js';
import { findAuthorIds } from './article-versions.queries.js';
import type { ContentDeps } from './content-deps.js';
import { applyArticleSave, assertSaveable, type SavedArticle } from './save-article.js';

/**
 * What the buttons of the article form ask for. `save` keeps the article where it is in the
 * workflow (a new one is a draft; "Update" on a published one); `submit` sends it for review;
 * `publish` publishes it, or schedules it when its publish time is still to come.
 */
export const STAFF_SAVE_ACTIONS = ['save', 'submit', 'publish'] as const;
export type StaffSaveAction = (typeof STAFF_SAVE_ACTIONS)[number];

export interface StaffSave {
  /** null: a new article */
  articleId: string | null;
  fields: ArticleFields;
  action: StaffSaveAction;
  /** the version the editor loaded; required for an existing article */
  version: number | null;
  /** the site's time zone, in which the publish time was typed */
  timeZone: string;
}

/**
 * A save from the admin, as `actor`: the role rules of article-permissions.ts, the version
 * the editor loaded (a mismatch is an ArticleConflictError and nothing is written), tags
 * named on the fly created through the taxonomy, then the save itself. The status comes from
 * the action alone: a status in the fields is never read, so it cannot be forged.
 */
export async function saveArticleAs(deps: ContentDeps, actor: Actor, save: StaffSave): Promise<SavedArticle> {
  assertCan(actor, 'write_articles', 'write articles');
  const existing = save.articleId ? await findArticleRowById(deps.db, save.articleId) : undefined;
  if (save.articleId && !existing) throw new NotFoundError('article', save.articleId);
  if (existing?.status === 'trashed') throw new ConflictError('This article is in the trash; restore it before editing it.');
  if (existing && save.version === null) throw new ValidationError('The form did not say which version it was made from; reload the article.', { version: 'missing' });
  const authorsBefore = existing ? await findAuthorIds(deps.db, existing.id) : null;
  if (existing && authorsBefore) assertCanEditArticle(actor, { status: existing.status, authorIds: authorsBefore });

  // Without an authors field (only editors are shown one), the article keeps the authors it has.
  const authorIds = save.fields.authorIds.length > 0 ? save.fields.authorIds : (authorsBefore ?? [actor.id]);
  assertCanSetAuthors(actor, authorsBefore, authorIds);
  const status = statusFor(save.action, existing);
  if (isLiveStatus(status) || (existing && isLiveStatus(existing.status))) {
    assertCanPublishArticle(actor, { authorIds: authorsBefore ?? [actor.id] });
  }

  const { input, tagNames } = inputOfFields(save.fields, save.timeZone);
  // "Publish" with the time left empty means now, whatever time the article had before.
  if (save.action === 'publish' && !input.publishedAt) input.publishedAt = deps.clock.now();
  const data = parseFieldInput({ ...input, status, authorIds, tagIds: [], isFeatured: existing?.is_featured === 1 });
  await assertSaveableWithSuggestion(deps, data, existing?.id ?? null);
  data.tagIds = await tagIdsFor(deps, actor, tagNames);
  return applyArticleSave(deps, data, {
    existing,
    editorId: actor.id,
    expectedVersion: existing ? save.version : null,
    action: save.action === 'publish' ? 'publish' : 'save',
  });
}

/** The status a button leads to: only `publish` and `submit` move an article along. */
function statusFor(action: StaffSaveAction, existing: ArticleRow | undefined): ValidArticleInput['status'] {
  if (action === 'publish') return 'published';
  if (action === 'submit') return 'pending';
  const current = existing?.status ?? 'draft';
  // Saving a scheduled or published article keeps it so ("Update"); its time may reschedule it.
  return current === 'scheduled' ? 'published' : (current as ValidArticleInput['status']);
}

function parseFieldInput(input: ArticleInput): ValidArticleInput {
  try {
    return parseInput(ArticleInput, input, 'article');
  } catch (error) {
    if (error instanceof ValidationError) throw asFieldError(error);
    throw error;
  }
}

/** assertSaveable, with a free slug suggested next to the field when the slug is taken. */
async function assertSaveableWithSuggestion(deps: ContentDeps, data: ValidArticleInput, articleId: string | null): Promise<void> {
  try {
    await assertSaveable(deps, data, articleId);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    if (error.fields.slug !== 'taken') throw asFieldError(error);
    const slug = slugOf(data);
    const free = await freeSlugLike(deps, slug, articleId);
    throw new ValidationError(`Another article already uses the slug “${slug}”.`, {
      slug: `Another article already uses “${slug}”. Try “${free}”.`,
    });
  }
}

/** The first of slug-2, slug-3… that no other article uses. */
export async function freeSlugLike(deps: ContentDeps, slug: string, articleId: string | null): Promise<string> {
  for (let n = 2; n < 1000; n++) {
    const candidate = `${slug}-${n}`;
    if (!(await isSlugTaken(deps.db, candidate, articleId))) return candidate;
  }
  return `${slug}-${Date.now()}`;
}

/** The ids of tags named by their names, in order; the unknown ones are created. */
async function tagIdsFor(deps: ContentDeps, actor: Actor, names: readonly string[]): Promise<string[]> {
  const slugs = names.map((name) => slugify(name, 120));
  const badAt = slugs.findIndex((s) => !s);
  if (badAt >= 0) throw new ValidationError('A tag needs letters or digits.', { tags: `“${names[badAt]}” cannot be a tag: use letters or digits.` });
  const known = new Map((await findTagsBySlugs(deps.db, slugs)).map((t) => [t.slug, t.id]));
  const ids: string[] = [];
  for (const [i, slug] of slugs.entries()) {
    let id = known.get(slug);
    if (!id) {
      id = (await createTag(deps, actor, { slug, name: names[i]! })).id;
      known.set(slug, id);
    }
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}
