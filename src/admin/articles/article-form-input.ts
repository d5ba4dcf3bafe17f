/*
 * The article form's body, parsed at the edge: the fields as typed (ArticleFields), the
 * button pressed and the version the editor loaded. Autosave posts the same fields, as a
 * form or as JSON. A status field, if one is forged in, is never read.
 */
import { z } from 'zod';
import { ArticleFields, STAFF_SAVE_ACTIONS, type StaffSaveAction } from '../../content/index.js';
import { ValidationError } from '../../shared/errors.js';
import type { AdminContext } from '../shell/admin-area.js';

type Body = Record<string, unknown>;

const first = (v: unknown): string => (Array.isArray(v) ? first(v[0]) : typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const all = (v: unknown): string[] => (Array.isArray(v) ? v.flatMap(all) : typeof v === 'string' && v !== '' ? [v] : []);
const checked = (v: unknown): boolean => v === true || ['on', 'true', '1', 'yes'].includes(first(v));

const TEXT_FIELDS = ['title', 'slug', 'dek', 'body', 'primaryTopicId', 'tags', 'featuredMediaId', 'sourceOutlet', 'sourceAuthor', 'sourceCountry', 'sourceUrl', 'seoTitle', 'seoDescription', 'publishAt'] as const;

/** The form's body (urlencoded or multipart) or an autosave's JSON, as one plain record. */
export async function readBody(c: AdminContext): Promise<Body> {
  const type = c.req.header('content-type') ?? '';
  if (type.includes('application/json')) {
    const json: unknown = await c.req.json().catch(() => null);
    if (!json || typeof json !== 'object' || Array.isArray(json)) throw new ValidationError('The request body is not a JSON object.');
    const body = json as Body;
    // The island may send the fields at the top level or under "fields".
    return body.fields && typeof body.fields === 'object' ? { ...(body.fields as Body), version: body.version } : body;
  }
  return (await c.req.parseBody({ all: true })) as Body;
}

/** The fields as typed, bounded (an oversized field is refused next to itself). */
export function fieldsOf(body: Body): ArticleFields {
  const raw: Record<string, unknown> = Object.fromEntries(TEXT_FIELDS.map((name) => [name, first(body[name])]));
  raw.topicIds = all(body.topicIds);
  raw.authorIds = all(body.authorIds);
  raw.sourceIsCanonical = checked(body.sourceIsCanonical);
  // An unchecked box sends nothing; the form carries a hidden marker so "closed" is told from "not sent".
  raw.commentsOpen = body.commentsOpenShown === undefined && body.commentsOpen === undefined ? true : checked(body.commentsOpen);
  const parsed = ArticleFields.safeParse(raw);
  if (parsed.success) return parsed.data;
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) fields[String(issue.path[0] ?? '_')] ??= 'This is too long.';
  throw new ValidationError('Some fields are too long.', fields);
}

/** The version the editor loaded: a positive integer, or null when absent. */
export function versionOf(body: Body): number | null {
  const parsed = z.coerce.number().int().positive().safeParse(first(body.version));
  return parsed.success ? parsed.data : null;
}

/** The button pressed; anything else is a plain save. */
export function actionOf(body: Body): StaffSaveAction {
  const value = first(body.action);
  return (STAFF_SAVE_ACTIONS as readonly string[]).includes(value) ? (value as StaffSaveAction) : 'save';
}

/** Ids posted as a list (the list's checkboxes), bounded. */
export function idsOf(body: Body, name: string, max = 100): string[] {
  return all(body[name])
    .filter((id) => /^[0-9a-z]{1,64}$/.test(id))
    .slice(0, max);
}

export function textOf(body: Body, name: string): string {
  return first(body[name]);
}
