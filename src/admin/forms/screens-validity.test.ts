/// <reference lib="dom" />
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nuHtmlErrors } from '../../../test/page-checks.js';
import { SYSTEM_ACTOR } from '../../accounts/index.js';
import { createPage } from '../../content/index.js';
import { saveRedirect } from '../../redirects/index.js';
import { launchChromium, skipBrowser, skipVnu } from '../../../test/browser.js';
import { signInAs, type StaffBrowser } from '../../../test/admin-session.js';
import { createNewsroom, type Newsroom, publishArticle } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

const require = createRequire(import.meta.url);

/*
 * The topic, tag, author, page and redirect screens, signed in as an editor, in the states
 * a person sees them: lists, forms, a refused form with its errors, an import preview.
 * Each passes the Nu HTML Checker and axe (no serious or critical violation, light and dark).
 */
describe('the taxonomy, page and redirect screens', () => {
  let t: TestApp;
  let n: Newsroom;
  let editor: StaffBrowser;
  const screens = new Map<string, string>();

  beforeAll(async () => {
    t = await createTestApp('sqlite', { PAGE_CACHE: 'off' });
    n = await createNewsroom(t.db, t.clock, t.events);
    const deps = { db: t.db, clock: t.clock, events: t.events };
    await publishArticle(deps, n, { slug: 'talks-resume' });
    const pageId = await createPage(deps, SYSTEM_ACTOR, { slug: 'about', title: 'About us', body: '<p>Who we are.</p>' });
    await saveRedirect(deps, SYSTEM_ACTOR, { fromPath: '/old-story/', toPath: '/world/', code: 301 });
    editor = await signInAs(t, 'editor');
    const gets: [string, string][] = [
      ['topics', '/admin/topics/'],
      ['topic-new', '/admin/topics/new'],
      ['topic-edit', `/admin/topics/${n.levant.id}/edit`],
      ['topic-move', `/admin/topics/${n.levant.id}/move`],
      ['tags', '/admin/tags/'],
      ['tag-edit', `/admin/tags/${n.ports.id}/edit`],
      ['authors', '/admin/authors/'],
      ['author-edit', `/admin/authors/${n.ana.id}/edit`],
      ['pages', '/admin/pages/'],
      ['page-new', '/admin/pages/new'],
      ['page-edit', `/admin/pages/${pageId}/edit`],
      ['redirects', '/admin/redirects/'],
      ['redirect-edit', '/admin/redirects/edit?from=%2Fold-story%2F'],
      ['redirect-import', '/admin/redirects/import'],
    ];
    for (const [name, url] of gets) {
      const res = await editor.get(url);
      expect(res.status, url).toBe(200);
      screens.set(name, await res.text());
    }
    const posts: [string, string, Record<string, string>][] = [
      ['topic-refused', '/admin/topics/new', { name: 'Admin', slug: 'admin', parentId: '', kind: '', description: '', aliases: 'A\n\nB' }],
      ['tag-merge-refused', `/admin/tags/${n.ports.id}/merge`, { intoSlug: 'nothing' }],
      ['page-refused', '/admin/pages/new', { title: '', slug: 'search', body: '<p>x</p>', status: 'published' }],
      ['redirect-refused', '/admin/redirects/new', { fromPath: 'nope', toPath: '', code: '301' }],
      ['import-preview', '/admin/redirects/import', { csv: 'from,to,code\n/a/,/world/,301\n/old-story/,,410\n', step: 'preview' }],
      ['import-refused', '/admin/redirects/import', { csv: '/a/,/world/,999\n', step: 'preview' }],
    ];
    for (const [name, url, form] of posts) screens.set(name, await (await editor.post(url, form)).text());
  });
  afterAll(() => t?.destroy());

  it.skipIf(skipVnu)('pass the Nu HTML Checker without errors', async () => {
    expect(await nuHtmlErrors(Object.fromEntries(screens))).toEqual([]);
  }, 120_000);

  describe.skipIf(skipBrowser)('in Chromium', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchChromium();
    });
    afterAll(() => browser?.close());

    it('have no serious or critical axe violations, light and dark', async () => {
      const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
      const css = await (await t.app.request(t.assets.url('admin.css'))).text();
      const bad: string[] = [];
      for (const scheme of ['light', 'dark'] as const) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: scheme, bypassCSP: true });
        const page = await context.newPage();
        // Pages come from the app in process; only the stylesheet is fetched, and served here.
        await page.route('**/*', (route) =>
          new URL(route.request().url()).pathname.endsWith('.css')
            ? route.fulfill({ status: 200, contentType: 'text/css', body: css })
            : route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>blank</title>' }),
        );
        for (const [name, html] of screens) {
          await page.goto('https://news.example.org/blank');
          await page.setContent(html, { waitUntil: 'load' });
          // The stylesheet applied (contrast is only judged with it): the page takes its background.
          const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
          expect(background, `${name} ${scheme}`).toBe(scheme === 'dark' ? 'rgb(22, 22, 21)' : 'rgb(246, 245, 242)');
          await page.addScriptTag({ content: axeSource });
          // The shell's bar (user menu) is the lead's and checked with the admin-wide run; these screens are the content.
          const result = await page.evaluate(async () => (window as any).axe.run({ exclude: [['.admin-bar']] }, { resultTypes: ['violations'] }));
          for (const v of result.violations as { id: string; impact: string; nodes: { target: string[] }[] }[]) {
            if (v.impact === 'serious' || v.impact === 'critical') bad.push(`${name} ${scheme}: ${v.id} (${v.impact}) ${v.nodes.slice(0, 6).map((x) => x.target.join(' ')).join(', ')}`);
          }
        }
        await context.close();
      }
      expect(bad).toEqual([]);
    }, 120_000);
  });
});
