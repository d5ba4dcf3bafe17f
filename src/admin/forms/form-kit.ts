import type { Actor } from '../../accounts/index.js';
import { ValidationError } from '../../shared/errors.js';
import type { WriteDeps } from '../../shared/write-deps.js';
import type { AdminDeps } from '../admin-deps.js';
import type { AdminContext } from '../shell/admin-area.js';
import { adminUserOf } from '../shell/admin-page.js';

/*
 * What the topic, tag, author, page and redirect screens share: reading a posted form as
 * strings, the acting user, and the refusal of a form kept as typed.
 */

/** A posted form's text fields (files are read where a form takes one); repeated names keep the last value. */
export async function readForm(c: AdminContext): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  const form: Record<string, string> = {};
  for (const [name, value] of Object.entries(body)) {
    const last = Array.isArray(value) ? value.at(-1) : value;
    if (typeof last === 'string') form[name] = last;
  }
  return form;
}

export function actorOf(c: AdminContext): Actor {
  const user = adminUserOf(c);
  return { id: user.id, role: user.role };
}

export function writeDepsOf(deps: AdminDeps): WriteDeps {
  return { db: deps.db, clock: deps.clock, events: deps.events };
}

/** A refusal to show beside a form: the summary and each field's message (nested keys such as "aliases.2" shown at their field). */
export interface Refusal {
  message: string;
  fields: Record<string, string>;
}

export function refusalOf(error: ValidationError): Refusal {
  const fields: Record<string, string> = {};
  for (const [key, text] of Object.entries(error.fields)) fields[key.split('.')[0]!] ??= text;
  const isSummaryOfFields = error.message.startsWith('invalid ') && Object.keys(fields).length > 0;
  return { message: isSummaryOfFields ? 'Please correct the fields marked below.' : error.message, fields };
}

/**
 * Runs a write; a ValidationError renders the form again (status 400) with what was typed
 * and the refusal next to each field. Any other error goes to the admin's error page.
 */
export async function submitOrRefuse(write: () => Promise<Response>, refuse: (refusal: Refusal) => Promise<Response>): Promise<Response> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof ValidationError) return refuse(refusalOf(error));
    throw error;
  }
}

/** The notice after a POST/redirect/GET, from a fixed list (never text from the URL). */
export function noticeFrom<K extends string>(c: AdminContext, notices: Record<K, string>): string | undefined {
  const done = c.req.query('done');
  return done !== undefined && Object.hasOwn(notices, done) ? notices[done as K] : undefined;
}

/** `?page=N` of an admin list: 1 when absent or not a positive number. */
export function listPageOf(c: AdminContext): number {
  const n = Number(c.req.query('page'));
  return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
}
