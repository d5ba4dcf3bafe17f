/// <reference lib="dom" />
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickIntoText, editorContent, openEditor, whenTextFocused } from '../../src/admin/editor/harness/browser-kit.js';
import { launchChromium, skipBrowser } from '../browser.js';
import type { ServingMain } from '../spawn-main.js';
import { harbourPhoto, localTimeIn, type NewsroomSite, scheduleEmbargoedPieces, signInThroughForm, SITE_TIME_ZONE, STAFF, startNewsroomSite } from '../newsroom-site.js';

const SHOTS = path.resolve(import.meta.dirname, '../../test-results/screenshots');
// How far ahead the author schedules: enough to type the time and press the button.
const SCHEDULE_AHEAD_MS = 12_000;
// How often each process's scheduler looks (src/main.ts).
const SCHEDULER_INTERVAL_MS = 5_000;

/*
 * The newsroom's journeys across areas, in Chromium, on two real Dossier processes sharing
 * one SQLite file (test/newsroom-site.ts): an author writes a full article in the editor
 * island and schedules it, and the schedulers of both processes publish it once, on time;
 * a contributor's submission goes through an editor's dashboard to the site; an editor
 * restores an earlier revision from its diff. (The conflict notice and the forged upload
 * have their journeys in article-editing.test.ts and media-library.test.ts.)
 */
describe.skipIf(skipBrowser)('the newsroom, across areas', () => {
  let site: NewsroomSite;
  let browser: Browser;
  let topic = { id: '', name: '', path: '' };
  /** the demo's shortest published article, for the revisions journey */
  let target = { id: '', slug: '', path: '' };

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    [site, browser] = await Promise.all([startNewsroomSite(), launchChromium()]);
    topic = await site.db.selectFrom('topics').select(['id', 'name', 'path']).where('parent_id', 'is', null).orderBy('name').limit(1).executeTakeFirstOrThrow();
    target = await site.db
      .selectFrom('articles')
      .innerJoin('topics', 'topics.id', 'articles.primary_topic_id')
      .select(['articles.id', 'articles.slug', 'topics.path'])
      .where('articles.status', '=', 'published')
      .orderBy('articles.word_count')
      .limit(1)
      .executeTakeFirstOrThrow();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  const tool = (page: Page, name: string) => page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name, exact: true });
  /** A new block at the end of the text, then its words. */
  const typeBlock = async (page: Page, text: string) => {
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type(text);
  };

  it('an author writes an article with headings, a figure and a pull quote, schedules it, and it is published once, on time', async () => {
    const context = await signInThroughForm(browser, site.a.url, STAFF.author);
    const page = await context.newPage();
    await page.goto(`${site.a.url}/admin/`);
    await page.locator('#main').getByRole('link', { name: 'New article' }).click();
    await openEditor(page, page.url());

    await page.getByLabel('Title', { exact: true }).fill('Night shift at the grain terminal');
    await page.getByLabel('Primary topic', { exact: true }).selectOption(topic.id);
    await clickIntoText(page);
    await page.keyboard.type('The terminal never sleeps in harvest season: lorries queue past midnight while the belts run.');
    await typeBlock(page, 'Who works the belts');
    await page.keyboard.press('Control+Alt+2');
    await typeBlock(page, 'Eleven people keep the night shift going, most of them on contracts that end with the season.');
    await typeBlock(page, 'Nobody leaves the belt until the last lorry is empty.');
    await typeBlock(page, 'What the harvest costs');
    await page.keyboard.press('Control+Alt+2');
    await typeBlock(page, 'Diesel for the dryers doubled in price this year, and the terminal passes it on per tonne.');
    // Back to the line worth quoting: a pull quote, with its speaker.
    await editorContent(page).getByText('Nobody leaves the belt').click();
    await whenTextFocused(page);
    await tool(page, 'Pull quote').click();
    await whenTextFocused(page);
    await tool(page, 'Cite the speaker').click();
    await page.keyboard.type('Ines Varga, shift lead');

    await page.keyboard.press('Control+End');
    await tool(page, 'Insert a figure').click();
    const dialog = page.getByRole('dialog', { name: 'Insert a figure' });
    await dialog.getByLabel('Upload an image').setInputFiles({ name: 'terminal-at-dusk.jpg', mimeType: 'image/jpeg', buffer: await harbourPhoto() });
    await dialog.getByRole('textbox', { name: 'Alt text' }).fill('A crane and a moored ship against an orange evening sky');
    await dialog.getByRole('textbox', { name: 'Caption (optional)' }).fill('The grain terminal at dusk, as the night shift begins.');
    await dialog.getByRole('textbox', { name: 'Credit (optional)' }).fill('Staff photo / Lena Okafor');
    await dialog.getByRole('button', { name: 'Insert figure' }).click();
    await dialog.waitFor({ state: 'detached', timeout: 20_000 });

    // Scheduled a few seconds ahead, typed in the site's time zone (the browser is elsewhere).
    const dueAt = new Date(Math.ceil((Date.now() + SCHEDULE_AHEAD_MS) / 1000) * 1000);
    await page.getByLabel('Publish date and time', { exact: true }).fill(localTimeIn(SITE_TIME_ZONE, dueAt));
    await page.getByRole('button', { name: 'Publish or schedule' }).click();
    await page.waitForURL(/\/admin\/articles\/\w+\/edit\?notice=scheduled/);
    const articleId = /articles\/(\w+)\/edit/.exec(page.url())![1]!;
    expect(await page.getByRole('status').first().innerText()).toContain('Scheduled');
    await page.screenshot({ path: path.join(SHOTS, 'newsroom-scheduled.png'), fullPage: true });

    const row = () => site.db.selectFrom('articles').select(['status', 'published_at', 'version', 'slug']).where('id', '=', articleId).executeTakeFirstOrThrow();
    const scheduled = await row();
    expect(scheduled).toMatchObject({ status: 'scheduled', published_at: dueAt.toISOString() });
    const publicUrl = (origin: string) => `${origin}/${topic.path}/${scheduled.slug}/`;
    // The morning's other embargoed briefs fall due in the same second.
    const briefs = await scheduleEmbargoedPieces(site, { at: dueAt, count: 12, topicId: topic.id, authorEmail: STAFF.author.email });
    const savedAt = new Date().toISOString();

    // Not before its time: until a second before it, both schedulers look and leave it be.
    await waitUntil(dueAt.getTime() - 1_000, async () => expect((await fetch(publicUrl(site.a.url))).status, 'not public before its time').toBe(404));
    const due = dueAt.toISOString();
    for (const p of [site.a, site.b]) {
      expect(schedulerRounds(p).filter((r) => r.startedAt > savedAt && r.startedAt < due).map((r) => r.message)).toContain('scheduler round: nothing to publish');
    }

    // Both processes are frozen just before the time, for longer than a scheduler interval, and
    // thawed together after it: each one's timer is overdue then and fires at once, so both
    // schedulers look for due articles at the same moment and work through the same thirteen.
    site.a.pause();
    site.b.pause();
    const pausedAt = Date.now();
    expect(pausedAt, 'both were frozen before the time (schedule further ahead on a slower machine)').toBeLessThan(dueAt.getTime());
    try {
      await waitUntil(Math.max(dueAt.getTime() + 500, pausedAt + SCHEDULER_INTERVAL_MS + 500));
    } finally {
      site.a.resume();
      site.b.resume();
    }
    await expect.poll(async () => (await fetch(publicUrl(site.a.url))).status, { timeout: 15_000 }).toBe(200);
    const publishedAt = Date.now();
    expect(publishedAt - dueAt.getTime(), 'published within a scheduler round of its time (the freeze included)').toBeLessThan(15_000);

    // Published once. Each process has finished a scheduler round that began after the time
    // (only such a round can publish it); then the article's version has moved by one claim,
    // its history has the one revision of the schedule (the claim makes none), and one
    // process says it published it.
    await expect.poll(() => [site.a, site.b].map((p) => schedulerRounds(p).some((r) => r.startedAt >= due)), { timeout: 15_000 }).toEqual([true, true]);
    const published = await row();
    expect(published).toMatchObject({ status: 'published', published_at: dueAt.toISOString(), version: scheduled.version + 1 });
    const revisions = await site.db.selectFrom('article_revisions').select('action').where('article_id', '=', articleId).execute();
    expect(revisions.map((r) => r.action)).toEqual(['publish']);
    const claims = [site.a, site.b].map((p) => schedulerRounds(p).filter((r) => r.ids?.includes(articleId)).length);
    expect(claims.sort()).toEqual([0, 1]);
    const briefRows = await site.db.selectFrom('articles').select(['id', 'status', 'version']).where('id', 'in', briefs).execute();
    expect(briefRows.map((r) => [r.status, r.version])).toEqual(briefs.map(() => ['published', 2]));
    const claimsOf = (id: string) => [site.a, site.b].flatMap((p) => schedulerRounds(p).filter((r) => r.ids?.includes(id))).length;
    expect(briefs.map(claimsOf), 'each brief published by one process, once').toEqual(briefs.map(() => 1));

    // The reader's page, on either process, is what the author wrote.
    for (const origin of [site.a.url, site.b.url]) expect(await (await fetch(publicUrl(origin))).text()).toContain('Night shift at the grain terminal');
    const reader = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const article = await reader.newPage();
    await article.goto(`${publicUrl(site.a.url)}#who-works-the-belts`);
    expect(await article.locator('h1').innerText()).toBe('Night shift at the grain terminal');
    const body = article.locator('.article-body');
    expect(await body.locator('h2').evaluateAll((hs) => hs.map((h) => [h.id, h.textContent]))).toEqual([
      ['who-works-the-belts', 'Who works the belts'],
      ['what-the-harvest-costs', 'What the harvest costs'],
    ]);
    expect(await article.evaluate(() => document.querySelector(':target')?.textContent), 'the anchor leads to its heading').toBe('Who works the belts');
    const figure = body.locator('figure');
    expect(await figure.count()).toBe(1);
    expect(await figure.locator('picture source').getAttribute('type')).toBe('image/webp');
    const img = figure.locator('picture img');
    expect(await img.getAttribute('alt')).toBe('A crane and a moored ship against an orange evening sky');
    expect(await img.getAttribute('srcset')).toMatch(/ \d+w, .* \d+w$/);
    await expect.poll(() => img.evaluate((i) => (i as HTMLImageElement).naturalWidth), { timeout: 10_000 }).toBeGreaterThan(0);
    // The credit is set in small capitals: its text, not its look.
    expect(await figure.locator('figcaption').textContent()).toBe('The grain terminal at dusk, as the night shift begins. Staff photo / Lena Okafor');
    expect(await figure.locator('figcaption small.credit').textContent()).toBe('Staff photo / Lena Okafor');
    const quote = body.locator('blockquote.pull-quote');
    expect(await quote.locator('p').textContent()).toBe('Nobody leaves the belt until the last lorry is empty.');
    expect(await quote.locator('cite').textContent()).toBe('Ines Varga, shift lead');
    expect(await body.locator('p').allTextContents()).toEqual(
      expect.arrayContaining([
        'The terminal never sleeps in harvest season: lorries queue past midnight while the belts run.',
        'Eleven people keep the night shift going, most of them on contracts that end with the season.',
        'Diesel for the dryers doubled in price this year, and the terminal passes it on per tonne.',
      ]),
    );
    await article.screenshot({ path: path.join(SHOTS, 'newsroom-published-article.png'), fullPage: true });
    await reader.close();
    await context.close();
  }, 120_000);

  it('a contributor submits a draft for review and cannot publish it; an editor finds it on the dashboard and publishes it', async () => {
    const writer = await signInThroughForm(browser, site.a.url, STAFF.contributor);
    const page = await writer.newPage();
    await page.goto(`${site.a.url}/admin/`);
    await page.locator('#main').getByRole('link', { name: 'New article' }).click();
    await openEditor(page, page.url());
    const buttons = () => page.locator('.article-form-buttons button').allTextContents();
    expect((await buttons()).map((b) => b.trim())).toEqual(['Save draft', 'Submit for review']);
    await page.getByLabel('Title', { exact: true }).fill('The winter ferry timetable, line by line');
    await page.getByLabel('Primary topic', { exact: true }).selectOption(topic.id);
    await clickIntoText(page);
    await page.keyboard.type('From January the island ferry sails four times a day instead of seven.');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.waitForURL(/\/edit\?notice=created/);
    const articleId = /articles\/(\w+)\/edit/.exec(page.url())![1]!;
    await openEditor(page, page.url());
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await page.waitForURL(/\/edit\?notice=submitted/);
    expect(await page.locator('.article-form-buttons').count()).toBe(1);
    expect((await buttons()).map((b) => b.trim()), 'no Publish, Schedule or Update for a contributor').toEqual(['Save', 'Preview link', 'Move to trash']);
    expect(await page.locator('.admin-badge').first().textContent()).toBe('Pending review');

    // A forged publish from the contributor's own signed-in page (its session, its CSRF token) is refused.
    const forged = await page.evaluate(async () => {
      const form = document.querySelector<HTMLFormElement>('#article-form')!;
      const data = new FormData(form);
      data.set('action', 'publish');
      data.set('status', 'published');
      // (form.action would be the button named "action")
      const res = await fetch(form.getAttribute('action')!, { method: 'POST', body: new URLSearchParams(data as unknown as Record<string, string>), redirect: 'manual' });
      return res.status;
    });
    expect(forged).toBe(403);
    const status = async () => (await site.db.selectFrom('articles').select('status').where('id', '=', articleId).executeTakeFirstOrThrow()).status;
    expect(await status()).toBe('pending');
    await writer.close();

    const desk = await signInThroughForm(browser, site.a.url, STAFF.editor);
    const dashboard = await desk.newPage();
    await dashboard.goto(`${site.a.url}/admin/`);
    const queue = dashboard.locator('section', { has: dashboard.getByRole('heading', { name: /Awaiting review/ }) });
    await queue.getByRole('link', { name: 'The winter ferry timetable, line by line' }).click();
    await openEditor(dashboard, dashboard.url());
    expect(dashboard.url()).toBe(`${site.a.url}/admin/articles/${articleId}/edit`);
    await dashboard.getByRole('button', { name: 'Publish or schedule' }).click();
    await dashboard.waitForURL(/\/edit\?notice=published/);
    expect(await status()).toBe('published');
    await dashboard.getByRole('link', { name: 'View on the site' }).click();
    await dashboard.waitForLoadState();
    expect(await dashboard.locator('h1').textContent()).toBe('The winter ferry timetable, line by line');
    expect(await dashboard.locator('.article-body p, .article-lead p').allTextContents()).toContain('From January the island ferry sails four times a day instead of seven.');
    expect(await dashboard.locator('.byline').textContent()).toContain(STAFF.contributor.name);
    // The editor's dashboard: the queue is empty again, and the activity says who published it.
    await dashboard.goto(`${site.a.url}/admin/`);
    expect(await queue.textContent()).toContain('Nothing is waiting for review.');
    expect(await dashboard.locator('section', { has: dashboard.getByRole('heading', { name: 'Recent activity' }) }).locator('li').first().textContent()).toMatch(
      new RegExp(`^${STAFF.editor.name} published The winter ferry timetable, line by line`),
    );
    await desk.close();
  }, 90_000);

  it('an editor updates a published article twice, reads the diff of the revisions and restores the earlier one in one click', async () => {
    const publicUrl = `${site.a.url}/${target.path}/${target.slug}/`;
    const desk = await signInThroughForm(browser, site.a.url, STAFF.editor);
    const page = await desk.newPage();
    const update = async (notice: string) => {
      await page.getByRole('button', { name: 'Update', exact: true }).click();
      await page.waitForURL(new RegExp(`/edit\\?notice=${notice}`));
    };
    await openEditor(page, `${site.a.url}/admin/articles/${target.id}/edit`);
    await clickIntoText(page);
    await typeBlock(page, 'The last ferry of the evening now leaves at six.');
    await update('updated');
    await openEditor(page, page.url());
    await editorContent(page).getByText('now leaves at six').dblclick({ position: { x: 5, y: 5 } });
    await whenTextFocused(page);
    await page.keyboard.press('Control+End');
    for (let i = 0; i < 'six.'.length; i++) await page.keyboard.press('Backspace');
    await page.keyboard.type('seven.');
    await update('updated');
    expect(await (await fetch(publicUrl)).text()).toContain('<p>The last ferry of the evening now leaves at seven.</p>');

    await page.getByRole('link', { name: 'Revisions' }).click();
    await page.screenshot({ path: path.join(SHOTS, 'newsroom-revisions.png'), fullPage: true });
    await page.getByRole('button', { name: 'Compare' }).click();
    const diff = page.locator('.revision-diff');
    expect(await diff.locator('del').allTextContents()).toEqual(['six']);
    expect(await diff.locator('ins').allTextContents()).toEqual(['seven']);
    expect(await page.locator('#main').textContent()).toContain('1 block changed.');
    await page.screenshot({ path: path.join(SHOTS, 'newsroom-revision-diff.png'), fullPage: true });
    await page.getByRole('button', { name: /^Restore the revision of/ }).click();
    await page.waitForURL(/\/edit\?notice=revision-restored/);
    const restored = await browser.newPage();
    await restored.goto(publicUrl);
    expect(await restored.locator('.article-body p, .article-lead p').allTextContents()).toContain('The last ferry of the evening now leaves at six.');
    expect(await restored.content()).not.toContain('leaves at seven');
    await restored.close();
    const actions = await site.db.selectFrom('article_revisions').select('action').where('article_id', '=', target.id).orderBy('created_at', 'desc').limit(3).execute();
    expect(actions.map((a) => a.action)).toEqual(['restore', 'save', 'save']);
    await desk.close();
  }, 90_000);
});

/** A process's JSON log lines. */
function logLines(p: ServingMain): Record<string, unknown>[] {
  return p
    .stdout()
    .split('\n')
    .slice(0, -1) // what follows the last newline is a line still being written
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** The scheduler's rounds a process has told of, with when each began. */
function schedulerRounds(p: ServingMain): { message: string; startedAt: string; ids?: string[] }[] {
  return logLines(p).flatMap((l) => (typeof l.roundStartedAt === 'string' ? [{ message: String(l.message), startedAt: l.roundStartedAt, ids: l.ids as string[] | undefined }] : []));
}

/** Waits for the wall clock (the schedulers' clock) to reach `at`, checking `meanwhile` as it goes. */
async function waitUntil(at: number, meanwhile: () => Promise<void> = async () => {}): Promise<void> {
  while (Date.now() < at) {
    await meanwhile();
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, Math.min(200, at - Date.now()))));
  }
}
