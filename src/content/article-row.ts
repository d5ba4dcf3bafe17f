/*
 * What saving an article derives from its validated input — its slug, its stored row
 * (sanitized body, excerpt, table of contents, status and publish time), its relations and
 * its revision — and the checks it must pass first. One rule for both writers: saveArticle,
 * one article at a time, and saveNewArticles, in bulk; they differ only in how many rows
 * go to the database at once.
 */
import type { Database } from '../db/database.js';
import type { MediaImage } from '../media/media.js';
import { findMediaByUrls } from '../media/media.queries.js';
import { ValidationError } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { slugify } from '../shared/slugify.js';
import { FEED_SEGMENT } from '../taxonomy/index.js';
import type { ValidArticleInput } from './article.schema.js';
import type { ArticleRow, NewArticleRevisionRow, NewArticleRow } from './article.table.js';
import { existingIds, type ArticleRelations } from './article-writes.queries.js';
import { imageSources, prepareArticleText } from './body-html.js';

/** The slug an article is stored under: the editor's, else one made from the title. */
export function slugOf(data: ValidArticleInput): string {
  const slug = data.slug ?? slugify(data.title);
  if (!slug) throw new ValidationError('the title gives no usable slug; set one', { slug: 'required' });
  if (slug === FEED_SEGMENT) throw new ValidationError('"feed" is reserved for the site\'s feeds; choose another slug', { slug: 'reserved' });
  return slug;
}

export function slugTakenError(slug: string): ValidationError {
  return new ValidationError(`another article already uses the slug "${slug}"`, { slug: 'taken' });
}

/** The ids that exist among those some article inputs refer to, by table. */
export interface KnownReferences {
  topics: Set<string>;
  tags: Set<string>;
  users: Set<string>;
  media: Set<string>;
}

/** One lookup per table, however many inputs. */
export async function findKnownReferences(db: Database, inputs: readonly ValidArticleInput[]): Promise<KnownReferences> {
  return {
    topics: await existingIds(db, 'topics', inputs.flatMap(topicIdsOf)),
    tags: await existingIds(db, 'tags', inputs.flatMap((d) => d.tagIds)),
    users: await existingIds(db, 'users', inputs.flatMap((d) => d.authorIds)),
    media: await existingIds(db, 'media', inputs.flatMap((d) => (d.featuredMediaId ? [d.featuredMediaId] : []))),
  };
}

/** Throws a ValidationError naming every kind of reference the input has that does not exist. */
export function assertReferencesKnown(data: ValidArticleInput, known: KnownReferences): void {
  const problems: Record<string, string> = {};
  if (!topicIdsOf(data).every((id) => known.topics.has(id))) problems.topicIds = 'unknown topic';
  if (!data.tagIds.every((id) => known.tags.has(id))) problems.tagIds = 'unknown tag';
  if (!data.authorIds.every((id) => known.users.has(id))) problems.authorIds = 'unknown author';
  if (data.featuredMediaId && !known.media.has(data.featuredMediaId)) problems.featuredMediaId = 'unknown image';
  const keys = Object.keys(problems);
  if (keys.length) throw new ValidationError(`the article refers to ${keys.map((k) => problems[k]).join(', ')}`, problems);
}

/** The primary topic first, then the others, each once. */
export function topicIdsOf(data: ValidArticleInput): string[] {
  return [...new Set([data.primaryTopicId, ...data.topicIds])];
}

export function relationsOf(data: ValidArticleInput): ArticleRelations {
  return { authorIds: data.authorIds, topicIds: topicIdsOf(data), tagIds: data.tagIds };
}

/**
 * The site's images that these bodies show, by URL, in one lookup. Sources are only looked
 * up among the site's media, so the raw (unsanitized) bodies are safe to read here.
 */
export async function findBodyMedia(db: Database, bodies: readonly string[]): Promise<Map<string, MediaImage>> {
  return findMediaByUrls(db, [...new Set(bodies.flatMap(imageSources))]);
}

export interface ArticleRowContext {
  id: string;
  slug: string;
  now: Date;
  /** imports keep the source's modification time; otherwise it is now */
  updatedAt?: Date;
  /** the stored row, when this save updates an article */
  existing?: Pick<ArticleRow, 'created_at' | 'published_at'>;
  /** who saves it: the current version is theirs */
  editorId?: string | null;
}

/** The stored row: the body sanitized against the subset, with anchors, pictures and measures. */
export function articleRowOf(data: ValidArticleInput, mediaBySrc: ReadonlyMap<string, MediaImage>, context: ArticleRowContext): NewArticleRow {
  const { body, excerpt } = prepareArticleText(data, mediaBySrc);
  const { status, publishedAt } = publicationOf(data, context.existing?.published_at ?? null, context.now);
  return {
    id: context.id,
    slug: context.slug,
    title: data.title,
    dek: data.dek,
    body: body.html,
    excerpt,
    toc: JSON.stringify(body.toc),
    word_count: body.wordCount,
    status,
    published_at: publishedAt,
    created_at: context.existing?.created_at ?? context.now.toISOString(),
    updated_at: (context.updatedAt ?? context.now).toISOString(),
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
    edited_by: context.editorId ?? null,
    edited_at: context.now.toISOString(),
  };
}

export type RevisionAction = 'save' | 'publish' | 'restore';

/** Every save keeps the text as it was stored, who stored it, and the version it made. */
export function revisionOf(
  row: NewArticleRow,
  editorId: string | null,
  now: Date,
  made: { version?: number | null; action?: RevisionAction } = {},
): NewArticleRevisionRow {
  return {
    id: newId(),
    article_id: row.id,
    user_id: editorId,
    title: row.title,
    dek: row.dek ?? '',
    body: row.body,
    created_at: now.toISOString(),
    version: made.version ?? 1,
    action: made.action ?? 'save',
  };
}

/** Publishing with a time still to come schedules instead; other statuses keep any time given. */
export function publicationOf(
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
