import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { getRequestListener } from '@hono/node-server';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nuHtmlErrors } from '../../../test/page-checks.js';
import { signInAs, type StaffBrowser } from '../../../test/admin-session.js';
import { launchChromium, skipBrowser, skipVnu } from '../../../test/browser.js';
import { createNewsroom, type Newsroom } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { SESSION_COOKIE } from '../../http/session-cookie.js';

const require = createRequire(import.meta.url);

/*
 * The articles area's screens, signed in, as the Nu HTML Checker and axe-core judge them:
 * the list, a new article, the edit form (with its errors), revisions, a diff, a preview.
 */
describe('the articles screens are valid and accessible', () => {
  let t: TestApp;
  let n: Newsroom;
  let editor: StaffBrowser;
  let server: http.Server;
  let origin: string;
  const pages: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp('sqlite');
    n = await createNewsroom(t.db, t.clock, t.events);
    editor = await signInAs(t, 'editor', 'Edith Desk');
    const base = { title: 'Night buses return', dek: 'Three routes.', body: '<p>Three routes return.</p><h2>Which</h2><p>The harbour line.</p>', primaryTopicId: n.economy.id, tags: 'Transport', commentsOpenShown: '1', commentsOpen: 'on', action: 'publish' };
    const created = await editor.post('/admin/articles/new', base);
    const id = /articles\/([0-9a-z]+)\/edit/.exec(created.headers.get('location')!)![1]!;
    await editor.post(`/admin/articles/${id}/save`, { ...base, slug: 'night-buses-return', title: 'Night buses return at last', version: '1', action: 'save' });
    await editor.post(`/admin/articles/${id}/preview-link`, {});
    const revisions = await (await editor.get(`/admin/articles/${id}/revisions`)).text();
    const [to, from] = [...revisions.matchAll(/name="to" value="([0-9a-z]+)"/g)].map((m) => m[1]!);
    const edit = await (await editor.get(`/admin/articles/${id}/edit`)).text();
    const preview = /href="(\/preview\/[0-9a-f]{64}\/)"/.exec(edit)![1]!;
    Object.assign(pages, {
      list: '/admin/articles/',
      search: '/admin/articles/?q=night+buses',
      trash: '/admin/articles/?tab=trashed',
      new: '/admin/articles/new',
      edit: `/admin/articles/${id}/edit`,
      revisions: `/admin/articles/${id}/revisions`,
      diff: `/admin/articles/${id}/revisions/compare?from=${from}&to=${to}`,
      preview,
    });
    server = http.createServer(getRequestListener(t.app.fetch));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 60_000);
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await t?.destroy();
  });

  /** Every page's HTML, and the rejected form (its errors shown). */
  async function documents(): Promise<Record<string, string>> {
    const docs: Record<string, string> = {};
    for (const [name, url] of Object.entries(pages)) {
      const res = await editor.get(url);
      expect(res.status, `${name} ${url}`).toBe(200);
      docs[name] = await res.text();
    }
    docs.rejected = await (await editor.post('/admin/articles/new', { title: '', publishAt: 'soon', sourceOutlet: 'Somewhere' })).text();
    return docs;
  }

  it.skipIf(skipVnu)('passes the Nu HTML Checker without errors', async () => {
    expect(await nuHtmlErrors(await documents())).toEqual([]);
  }, 120_000);

  it.skipIf(skipBrowser)('has no serious or critical axe-core violations, light and dark', async () => {
    const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    let browser: Browser | undefined;
    try {
      browser = await launchChromium();
      const bad: string[] = [];
      for (const scheme of ['light', 'dark'] as const) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: scheme, bypassCSP: true });
        await context.addCookies([{ name: SESSION_COOKIE, value: editor.browser.cookies.get(SESSION_COOKIE)!, url: origin }]);
        const page = await context.newPage();
        for (const [name, url] of Object.entries(pages)) {
          await page.goto(origin + url);
          await page.addScriptTag({ content: axeSource });
          // The shell's bar and navigation are the shell's to judge (the lead's admin-wide check).
          const result = await page.evaluate(async () => (window as any).axe.run({ exclude: [['.admin-bar'], ['.admin-nav']] }, { resultTypes: ['violations'] }));
          for (const v of result.violations as { id: string; impact: string; nodes: { target: string[] }[] }[]) {
            if (v.impact === 'serious' || v.impact === 'critical') bad.push(`${name} (${scheme}): ${v.id} ${v.nodes.slice(0, 3).map((x) => x.target.join(' ')).join(', ')}`);
          }
        }
        await context.close();
      }
      expect(bad).toEqual([]);
    } finally {
      await browser?.close();
    }
  }, 120_000);
});
