/*
 * The article form's fields as an editor typed them: what autosave keeps in the working
 * copy, what a rejected save shows again, and what a staff save turns into an ArticleInput.
 * The names are the form's field names, so every problem is reported next to its field.
 */
import { z } from 'zod';
import { ValidationError } from '../shared/errors.js';
import { parseInput } from '../shared/validate.js';
import { zonedLocalToUtc } from '../shared/zoned-time.js';
import { slugify } from '../shared/slugify.js';
import { ArticleInput } from './article.schema.js';

const Text = (max: number) => z.string().max(max).default('');
const Ids = (max: number) => z.array(z.string().max(64)).max(max).default([]);

export const ArticleFields = z.object({
  title: Text(300),
  slug: Text(200),
  dek: Text(600),
  body: Text(2_000_000),
  primaryTopicId: Text(64),
  topicIds: Ids(30),
  /** tag names, comma-separated; unknown ones are created on save */
  tags: Text(2000),
  featuredMediaId: Text(64),
  authorIds: Ids(10),
  sourceOutlet: Text(200),
  sourceAuthor: Text(200),
  sourceCountry: Text(100),
  sourceUrl: Text(2000),
  sourceIsCanonical: z.boolean().default(false),
  seoTitle: Text(300),
  seoDescription: Text(600),
  commentsOpen: z.boolean().default(true),
  /** "2026-11-21T06:30" in the site's time zone; empty: now, when published */
  publishAt: Text(40),
});
export type ArticleFields = z.output<typeof ArticleFields>;
export type ArticleFieldName = keyof ArticleFields;

/** The fields of an empty new article. */
export function emptyArticleFields(): ArticleFields {
  return ArticleFields.parse({});
}

/** A field key of ArticleInput's problems → the form field it belongs next to. */
const FIELD_OF_INPUT_KEY: Record<string, ArticleFieldName> = {
  publishedAt: 'publishAt',
  tagIds: 'tags',
  'source.outlet': 'sourceOutlet',
  'source.author': 'sourceAuthor',
  'source.country': 'sourceCountry',
  'source.url': 'sourceUrl',
  source: 'sourceOutlet',
};

export function fieldOfInputKey(key: string): string {
  const base = key.replace(/\.\d+$/, '');
  return FIELD_OF_INPUT_KEY[key] ?? FIELD_OF_INPUT_KEY[base] ?? base;
}

/** A ValidationError about ArticleInput, renamed to the form's fields. */
export function asFieldError(error: ValidationError): ValidationError {
  const fields: Record<string, string> = {};
  for (const [key, problem] of Object.entries(error.fields)) fields[fieldOfInputKey(key)] ??= problem;
  return new ValidationError(error.message, fields);
}

/** Tag names as typed: trimmed, each once (case aside), empty ones dropped. */
export function tagNamesOf(tags: string): string[] {
  const seen = new Set<string>();
  const names: string[] = [];
  for (const raw of tags.split(',')) {
    const name = raw.replace(/\s+/g, ' ').trim();
    const key = slugify(name);
    if (!name || seen.has(key)) continue;
    seen.add(key);
    names.push(name);
  }
  return names;
}

export interface FieldsAsInput {
  /** everything but status, tags (by name) and authors (decided by role) */
  input: Omit<ArticleInput, 'status' | 'tagIds' | 'authorIds'>;
  tagNames: string[];
}

/**
 * The fields as an ArticleInput, the publish time read in the site's time zone. Throws one
 * ValidationError naming each field a person must correct.
 */
export function inputOfFields(fields: ArticleFields, timeZone: string): FieldsAsInput {
  const problems: Record<string, string> = {};
  if (!fields.title.trim()) problems.title = 'Give the article a title.';
  if (!fields.primaryTopicId) problems.primaryTopicId = 'Choose the primary topic.';
  let publishedAt: Date | null = null;
  if (fields.publishAt.trim()) {
    publishedAt = zonedLocalToUtc(fields.publishAt, timeZone);
    if (!publishedAt) problems.publishAt = `Enter a date and time such as 2026-11-21T06:30 (${timeZone}).`;
  }
  const hasSource = [fields.sourceOutlet, fields.sourceAuthor, fields.sourceCountry, fields.sourceUrl].some((v) => v.trim());
  if (hasSource && !fields.sourceOutlet.trim()) problems.sourceOutlet = 'Name the outlet the piece first appeared in.';
  if (hasSource && !fields.sourceUrl.trim()) problems.sourceUrl = 'Give the address of the original.';
  if (Object.keys(problems).length > 0) throw new ValidationError('Some fields need attention.', problems);

  const input = {
    ...(fields.slug.trim() ? { slug: fields.slug.trim() } : {}),
    title: fields.title,
    dek: fields.dek,
    body: fields.body,
    publishedAt,
    primaryTopicId: fields.primaryTopicId,
    topicIds: fields.topicIds.filter(Boolean),
    featuredMediaId: fields.featuredMediaId || null,
    source: hasSource
      ? { outlet: fields.sourceOutlet, author: fields.sourceAuthor, country: fields.sourceCountry, url: fields.sourceUrl.trim(), isCanonical: fields.sourceIsCanonical }
      : null,
    seoTitle: fields.seoTitle,
    seoDescription: fields.seoDescription,
    commentsOpen: fields.commentsOpen,
  };
  // Checked now with a stand-in author and tag list, so every other problem is named at once.
  try {
    parseInput(ArticleInput, { ...input, authorIds: ['-'], status: 'draft' }, 'article');
  } catch (error) {
    if (error instanceof ValidationError) throw asFieldError(error);
    throw error;
  }
  return { input, tagNames: tagNamesOf(fields.tags) };
}
