import { indexArticles } from '../search/index.js';
import { articleChanged } from './article-changed.js';
import { articleToIndex } from './article-to-index.js';
import { ValidationError } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { parseInput } from '../shared/validate.js';
import { isPublic } from './article.js';
import { ArticleInput, type ValidArticleInput } from './article.schema.js';
import {
  articleRowOf,
  assertReferencesKnown,
  findBodyMedia,
  findKnownReferences,
  relationsOf,
  revisionOf,
  slugOf,
  slugTakenError,
} from './article-row.js';
import { findTakenSlugs, insertArticleRelations, insertArticleRows, insertRevisions } from './article-writes.queries.js';
import type { ContentDeps } from './content-deps.js';
import { addToListCounts, insertListingRows, listingRows, topicLineages } from './listing.queries.js';

/** One article for the bulk path: what saveArticle takes for a new article. */
export interface NewArticle {
  input: ArticleInput;
  /** who wrote it, for the revision */
  editorId?: string | null;
  /** imports keep the source's modification time; otherwise it is now */
  updatedAt?: Date;
}

export interface SaveNewArticlesOptions {
  /**
   * 'each' (the default): one `article.changed` per article after commit, as saveArticle
   * sends, so the page cache drops the lists that now show it and related lists refresh.
   * 'none': for a caller that rebuilds every related list in one pass afterwards
   * (rebuildAllRelated) and whose readers have no cached page to drop — the seeder, which
   * fills a site before it serves. Per-article refreshes cost one related-list
   * computation each (and a look at every list that might now include it), which for
   * 100,000 imported articles is hours; the one pass is minutes.
   */
  announce?: 'each' | 'none';
}

export interface SavedArticle {
  id: string;
  slug: string;
  status: string;
}

/** How many invalid items the error message names; `fields` holds them all. */
const NAMED_IN_MESSAGE = 3;

/**
 * The bulk path for new articles (imports, the large-site seeder): each input is validated,
 * sanitized and turned into rows exactly as saveArticle does, and the same rows are written —
 * the article, its authors, topics and tags, a revision, its search index row, its list
 * entries (under every ancestor topic) and the lists' sizes — in multi-row statements, in one transaction for
 * the whole call. All or nothing: if any item is invalid, a ValidationError names the first
 * ones by index and slug, and nothing is written. Pass a few hundred articles per call.
 * Results come back in input order.
 */
export async function saveNewArticles(
  deps: ContentDeps,
  articles: readonly NewArticle[],
  options: SaveNewArticlesOptions = {},
): Promise<SavedArticle[]> {
  const { db, clock, events } = deps;
  if (articles.length === 0) return [];
  const now = clock.now();
  const valid = await validate(deps, articles);

  const media = await findBodyMedia(db, valid.map((v) => v.data.body));
  const prepared = valid.map(({ data, slug }, i) => {
    const row = articleRowOf(data, media, { id: newId(), slug, now, updatedAt: articles[i]!.updatedAt });
    return { data, row, relations: relationsOf(data) };
  });
  const written = await db.transaction().execute(async (trx) => {
    await insertArticleRows(trx, prepared.map((p) => p.row));
    await insertArticleRelations(trx, prepared.map((p) => ({ articleId: p.row.id, ...p.relations })));
    await insertRevisions(trx, prepared.map((p, i) => revisionOf(p.row, articles[i]!.editorId ?? null, now)));
    await indexArticles(trx, prepared.map((p) => articleToIndex(p.row)));
    const lineages = await topicLineages(trx, prepared.flatMap((p) => p.relations.topicIds));
    const filed = prepared.map(({ row, relations }) => {
      const lists = {
        topicIds: [...new Set(relations.topicIds.flatMap((id) => lineages.get(id) ?? []))],
        tagIds: relations.tagIds,
        authorIds: relations.authorIds,
      };
      const isListed = isPublic(row.status) && row.published_at !== null;
      return { row, lists, listings: isListed ? listingRows(row.id, row.published_at!, lists) : [] };
    });
    const listings = filed.flatMap((f) => f.listings);
    await insertListingRows(trx, listings);
    await addToListCounts(trx, listings);
    return filed;
  });

  if (options.announce !== 'none') {
    for (const { row, lists } of written) await events.emit(articleChanged(row.id, null, { slug: row.slug, status: row.status, publishedAt: row.published_at ?? null, lists }));
  }
  return written.map(({ row }) => ({ id: row.id, slug: row.slug, status: row.status }));
}

/**
 * Parses every item and checks its slug and references, with one lookup per table for the
 * whole call; throws one ValidationError for all the invalid items.
 */
async function validate(deps: ContentDeps, articles: readonly NewArticle[]): Promise<{ data: ValidArticleInput; slug: string }[]> {
  const problems: { index: number; name: string; error: ValidationError }[] = [];
  const attempt = <T>(index: number, name: string, check: () => T): T | undefined => {
    try {
      return check();
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      problems.push({ index, name, error });
      return undefined;
    }
  };
  const parsed = articles.map((a, index) => attempt(index, a.input.slug ?? a.input.title ?? '', () => parseInput(ArticleInput, a.input, 'article')));
  const known = await findKnownReferences(deps.db, parsed.filter((d) => d !== undefined));
  const taken = await findTakenSlugs(deps.db, parsed.flatMap((d) => (d ? [slugOrNone(d)] : [])).filter(Boolean));
  const firstWithSlug = new Map<string, number>();
  const valid = parsed.map((data, index) => {
    if (!data) return undefined;
    const name = data.slug ?? data.title;
    return attempt(index, name, () => {
      assertReferencesKnown(data, known);
      const slug = slugOf(data);
      if (taken.has(slug)) throw slugTakenError(slug);
      const first = firstWithSlug.get(slug);
      if (first !== undefined) throw new ValidationError(`article ${first} of the batch already uses the slug "${slug}"`, { slug: 'taken' });
      firstWithSlug.set(slug, index);
      return { data, slug };
    });
  });
  if (problems.length > 0) throw batchError(articles.length, problems);
  return valid as { data: ValidArticleInput; slug: string }[];
}

/** The slug an input would get, or '' when it would get none (slugOf then names the problem). */
function slugOrNone(data: ValidArticleInput): string {
  try {
    return slugOf(data);
  } catch {
    return '';
  }
}

function batchError(total: number, found: { index: number; name: string; error: ValidationError }[]): ValidationError {
  const problems = [...found].sort((a, b) => a.index - b.index);
  const named = problems
    .slice(0, NAMED_IN_MESSAGE)
    .map((p) => `article ${p.index} ("${p.name}"): ${p.error.message}`)
    .join('; ');
  const more = problems.length > NAMED_IN_MESSAGE ? `; and ${problems.length - NAMED_IN_MESSAGE} more` : '';
  const fields: Record<string, string> = {};
  for (const p of problems) {
    for (const [field, problem] of Object.entries(p.error.fields)) fields[`${p.index}.${field}`] = problem;
  }
  return new ValidationError(`${problems.length} of ${total} articles are invalid, so none was saved: ${named}${more}`, fields);
}
