import type { Database } from '../db/database.js';
import { findMediaByUrls } from '../media/media.queries.js';
import { NotFoundError, ValidationError } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { slugify } from '../shared/slugify.js';
import { parseInput } from '../shared/validate.js';
import { FEED_SEGMENT } from '../taxonomy/index.js';
import { imageSources, prepareArticleText } from './body-html.js';
import { ArticleInput, type ValidArticleInput } from './article.schema.js';
import type { NewArticleRow } from './article.table.js';
import {
  existingIds,
  findArticleRowById,
  insertRevision,
  isSlugTaken,
  replaceArticleRelations,
  upsertArticleRow,
} from './article-writes.queries.js';
import type { ContentDeps } from './content-deps.js';
import { writeArticle } from './write-article.js';


export interface SaveArticleOptions {
  /** absent: a new article */
  articleId?: string;
  /** who saved it, for the revision */
  editorId?: string | null;
  /** imports keep the source's modification time; otherwise it is now */
  updatedAt?: Date;
}

/**
 * Creates or updates an article: validates references, sanitizes the body against the
 * subset, keeps a revision, and, when readers can see the result, files it on its lists
 * and refreshes related articles. Publishing with a future time schedules instead.
 */
export async function saveArticle(
  deps: ContentDeps,
  input: ArticleInput,
  options: SaveArticleOptions = {},
): Promise<{ id: string; slug: string; status: string }> {
  const { db, clock } = deps;
  const data = parseInput(ArticleInput, input, 'article');
  const existing = options.articleId ? await findArticleRowById(db, options.articleId) : undefined;
  if (options.articleId && !existing) throw new NotFoundError('article', options.articleId);
  const id = existing?.id ?? newId();
  const now = clock.now();

  const topicIds = [...new Set([data.primaryTopicId, ...data.topicIds])];
  await assertReferences(db, data, topicIds);
  const slug = data.slug ?? slugify(data.title);
  if (!slug) throw new ValidationError('the title gives no usable slug; set one', { slug: 'required' });
  if (slug === FEED_SEGMENT) throw new ValidationError('"feed" is reserved for the site\'s feeds; choose another slug', { slug: 'reserved' });
  if (await isSlugTaken(db, slug, id)) {
    throw new ValidationError(`another article already uses the slug "${slug}"`, { slug: 'taken' });
  }

  // Sources are only looked up among the site's media, so the raw body is safe to read here.
  const media = await findMediaByUrls(db, imageSources(data.body));
  const { body, excerpt } = prepareArticleText(data, media);
  const { status, publishedAt } = publicationOf(data, existing?.published_at ?? null, now);
  const row: NewArticleRow = {
    id,
    slug,
    title: data.title,
    dek: data.dek,
    body: body.html,
    excerpt,
    toc: JSON.stringify(body.toc),
    word_count: body.wordCount,
    status,
    published_at: publishedAt,
    created_at: existing?.created_at ?? now.toISOString(),
    updated_at: (options.updatedAt ?? now).toISOString(),
    primary_topic_id: data.primaryTopicId,
    featured_media_id: data.featuredMediaId,
    is_featured: data.isFeatured ? 1 : 0,
    source_outlet: data.source?.outlet ?? null,
    source_author: data.source?.author ?? null,
    source_country: data.source?.country ?? null,
    source_url: data.source?.url ?? null,
    source_is_canonical: data.source?.isCanonical ? 1 : 0,
    seo_title: data.seoTitle,
    seo_description: data.seoDescription,
    comments_open: data.commentsOpen ? 1 : 0,
  };

  await writeArticle(deps, id, async (trx) => {
    await upsertArticleRow(trx, row, !existing);
    await replaceArticleRelations(trx, id, { authorIds: data.authorIds, topicIds, tagIds: data.tagIds });
    await insertRevision(trx, {
      id: newId(),
      articleId: id,
      userId: options.editorId ?? null,
      title: row.title,
      dek: row.dek ?? '',
      body: row.body,
      createdAt: now.toISOString(),
    });
  });
  return { id, slug, status };
}

function publicationOf(
  data: ValidArticleInput,
  previousPublishedAt: string | null,
  now: Date,
): { status: string; publishedAt: string | null } {
  const requested = data.publishedAt?.toISOString() ?? null;
  if (data.status === 'published' || data.status === 'scheduled') {
    const at = requested ?? previousPublishedAt ?? now.toISOString();
    return { status: at > now.toISOString() ? 'scheduled' : 'published', publishedAt: at };
  }
  return { status: data.status, publishedAt: requested ?? previousPublishedAt };
}

async function assertReferences(db: Database, data: ValidArticleInput, topicIds: string[]): Promise<void> {
  const problems: Record<string, string> = {};
  const missing = async (table: 'topics' | 'tags' | 'users' | 'media', ids: string[]) => {
    const found = await existingIds(db, table, ids);
    return ids.filter((i) => !found.has(i));
  };
  if ((await missing('topics', topicIds)).length) problems.topicIds = 'unknown topic';
  if ((await missing('tags', data.tagIds)).length) problems.tagIds = 'unknown tag';
  if ((await missing('users', data.authorIds)).length) problems.authorIds = 'unknown author';
  if (data.featuredMediaId && (await missing('media', [data.featuredMediaId])).length) problems.featuredMediaId = 'unknown image';
  const keys = Object.keys(problems);
  if (keys.length) throw new ValidationError(`the article refers to ${keys.map((k) => problems[k]).join(', ')}`, problems);
}
