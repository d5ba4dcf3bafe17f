/**
 * A small real HTTP server for the editor island's browser tests and bench: the article
 * form page, the autosave endpoint (version check, 409 on conflict) and the media library
 * and upload endpoints, exactly as the island's contract describes them (docs/editor.md),
 * with the app's assets and CSP. State lives in memory; tests steer it (someone else
 * saves, the session expires, a connection drops) and read what arrived.
 */
import { serve, type ServerType } from '@hono/node-server';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Hono } from 'hono';
import { securityHeaderValues, securityHeaders } from '../../../http/security-headers.js';
import { AssetStore } from '../../../http/static-assets.js';
import { type HarnessArticle, renderHarnessPage } from './harness-page.js';
import { type HarnessMedia, imageInfoOf, type MediaItemJson, toItemJson } from './harness-media.js';

export type { HarnessArticle } from './harness-page.js';
export type { HarnessMedia } from './harness-media.js';

export const HARNESS_CSRF = 'harness-csrf-token-5d1c';
const PUBLIC_DIR = path.resolve(import.meta.dirname, '../../../../public');
const PAGE_SIZE = 8;

export interface AutosaveRecord {
  articleId: string;
  status: number;
  fields: Record<string, string>;
  csrfHeader: string | null;
  accept: string | null;
  /** Date.now() when it arrived */
  at: number;
}

export interface EditorHarness {
  origin: string;
  editUrl(articleId: string, options?: { withoutScript?: boolean }): string;
  articles: Map<string, HarnessArticle>;
  media: HarnessMedia[];
  autosaves: AutosaveRecord[];
  /** upload attempts as they arrived (dropped ones included) */
  uploadAttempts: { fileName: string | null; outcome: 'dropped' | 'stored' | 'refused' }[];
  /** someone else saves the article: its version moves on, so the page's version is stale */
  saveElsewhere(articleId: string, by: string, at: string): void;
  /** the next `count` autosaves answer `status` (401 for an expired session, 500 …) */
  failAutosaves(status: number, count: number): void;
  /** the next `count` uploads lose their connection before an answer */
  dropUploads(count: number): void;
  close(): Promise<void>;
}

export async function startEditorHarness(seed: { articles: HarnessArticle[]; media?: HarnessMedia[] }): Promise<EditorHarness> {
  const assets = AssetStore.load(PUBLIC_DIR);
  const articles = new Map(seed.articles.map((a) => [a.id, { ...a }]));
  const media = [...(seed.media ?? [])];
  const autosaves: AutosaveRecord[] = [];
  const uploadAttempts: EditorHarness['uploadAttempts'] = [];
  let failing = { status: 0, count: 0 };
  let drops = 0;

  const app = new Hono<{ Bindings: { incoming: IncomingMessage } }>();
  app.use('*', securityHeaders(securityHeaderValues(false)));
  app.get('/assets/*', assets.middleware());

  app.get('/admin/articles/:id/edit', async (c) => {
    const article = articles.get(c.req.param('id'));
    if (!article) return c.text('Not found', 404);
    const html = await renderHarnessPage({
      article,
      csrfToken: HARNESS_CSRF,
      cssUrl: assets.url('admin.css'),
      scriptUrl: assets.url('build/editor.js'),
      withoutScript: c.req.query('noscript') === '1',
    });
    return c.html(html);
  });

  app.post('/admin/articles/:id/save', async (c) => {
    const article = articles.get(c.req.param('id'));
    const form = await c.req.parseBody();
    if (!article || form.csrf !== HARNESS_CSRF) return c.text('Forbidden', 403);
    if (Number(form.version) !== article.version) return c.text('Conflict: this article was saved elsewhere.', 409);
    applyFields(article, stringFields(form));
    return c.redirect(`/admin/articles/${article.id}/edit`, 303);
  });

  app.post('/admin/articles/:id/autosave', async (c) => {
    const article = articles.get(c.req.param('id'));
    if (!article) return c.json({ title: 'Not found', status: 404 }, 404);
    const fields = stringFields(await c.req.parseBody());
    const record: AutosaveRecord = { articleId: article.id, status: 0, fields, csrfHeader: c.req.header('x-csrf-token') ?? null, accept: c.req.header('accept') ?? null, at: Date.now() };
    autosaves.push(record);
    const answer = (status: number, body: object) => {
      record.status = status;
      return c.json(body, status as 200);
    };
    if (failing.count > 0) {
      failing = { ...failing, count: failing.count - 1 };
      return answer(failing.status, { title: 'Not saved', status: failing.status, detail: failing.status === 401 ? 'Sign in again.' : 'The server had a problem.' });
    }
    if (record.csrfHeader !== HARNESS_CSRF) return answer(403, { title: 'Forbidden', status: 403, detail: 'The form has expired.' });
    if (Number(fields.version) !== article.version) return answer(409, { conflict: { by: article.savedBy, at: article.savedAt } });
    applyFields(article, fields);
    return answer(200, { version: article.version, savedAt: article.savedAt });
  });

  app.get('/admin/media/library.json', (c) => {
    const q = (c.req.query('q') ?? '').toLowerCase();
    const page = Math.max(1, Number(c.req.query('page') ?? '1') || 1);
    const found = media.filter((m) => !q || `${m.alt} ${m.caption} ${m.credit} ${m.file}`.toLowerCase().includes(q));
    const items = found.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map(toItemJson);
    return c.json({ items, hasMore: found.length > page * PAGE_SIZE });
  });

  app.post('/admin/media/upload', async (c) => {
    if (drops > 0) {
      // The connection dies once the answer has begun: the browser cannot quietly resend,
      // so the page sees a network error, as on a train going into a tunnel.
      drops--;
      uploadAttempts.push({ fileName: null, outcome: 'dropped' });
      await c.req.arrayBuffer();
      const socket = c.env.incoming.socket;
      socket.end('HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: 400\r\n\r\n{"id":');
      socket.destroySoon?.();
      return new Promise<Response>(() => {});
    }
    const problem = (status: number, title: string, detail: string) => c.json({ title, detail, status }, status as 400);
    if (c.req.header('x-csrf-token') !== HARNESS_CSRF) return problem(403, 'Forbidden', 'The form has expired; reload the page.');
    const form = await c.req.parseBody();
    const file = form.file;
    if (!(file instanceof File)) return problem(400, 'No file', 'Choose an image to upload.');
    const bytes = Buffer.from(await file.arrayBuffer());
    const info = imageInfoOf(bytes);
    if (!info) {
      uploadAttempts.push({ fileName: file.name, outcome: 'refused' });
      return problem(415, 'Not an image', `${file.name} is not an image: only JPEG, PNG, WebP and GIF files can be uploaded.`);
    }
    const id = `m${media.length + 1}`;
    const item: HarnessMedia = {
      id,
      file: `${id}-${file.name.replace(/[^a-z0-9.]+/gi, '-').toLowerCase()}`,
      ...info,
      alt: String(form.alt ?? ''),
      caption: String(form.caption ?? ''),
      credit: String(form.credit ?? ''),
      bytes,
    };
    media.push(item);
    uploadAttempts.push({ fileName: file.name, outcome: 'stored' });
    return c.json(toItemJson(item) satisfies MediaItemJson, 201);
  });

  app.get('/media/:file', (c) => {
    const item = media.find((m) => m.file === c.req.param('file'));
    if (!item) return c.text('Not found', 404);
    return new Response(new Uint8Array(item.bytes), { headers: { 'content-type': item.mimeType } });
  });

  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    editUrl: (id, options) => `${origin}/admin/articles/${id}/edit${options?.withoutScript ? '?noscript=1' : ''}`,
    articles,
    media,
    autosaves,
    uploadAttempts,
    saveElsewhere(id, by, at) {
      const article = articles.get(id);
      if (!article) throw new Error(`no article ${id}`);
      article.version++;
      article.savedBy = by;
      article.savedAt = at;
    },
    failAutosaves(status, count) {
      failing = { status, count };
    },
    dropUploads(count) {
      drops = count;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}

function stringFields(form: Record<string, string | File | (string | File)[]>): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(form)) if (typeof value === 'string') fields[name] = value;
  return fields;
}

function applyFields(article: HarnessArticle, fields: Record<string, string>): void {
  article.title = fields.title ?? article.title;
  article.slug = fields.slug ?? article.slug;
  article.dek = fields.dek ?? article.dek;
  article.topic = fields.topic ?? article.topic;
  article.commentsOpen = fields.commentsOpen === 'on';
  article.body = fields.body ?? article.body;
  article.version++;
  article.savedBy = 'Ana Ferreira';
  article.savedAt = new Date().toISOString();
}
