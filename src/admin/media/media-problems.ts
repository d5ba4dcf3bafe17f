import type { Context } from 'hono';
import type { RefusalReason } from '../../media/index.js';

/** The status each refusal answers with: the client can tell "too large" from "not an image" without reading words. */
export const REFUSAL_STATUS: Record<RefusalReason, 413 | 415 | 422> = {
  'too-large': 413,
  'not-an-image': 415,
  malformed: 422,
  'too-many-pixels': 422,
};

const TITLES: Record<number, string> = {
  400: 'That upload could not be read',
  413: 'That file is too large',
  415: 'That file is not an image',
  422: 'That image cannot be used',
};

/** An RFC 9457 problem, shaped as the admin's error responder shapes its own. */
export function problem(c: Context, status: 400 | 413 | 415 | 422, detail: string): Response {
  c.header('cache-control', 'no-store');
  return c.body(JSON.stringify({ type: 'about:blank', title: TITLES[status], status, detail }), status, { 'content-type': 'application/problem+json' });
}
