/*
 * The newsroom journeys' site: the demo publication in one SQLite file under a shared
 * DATA_DIR, served by two real Dossier processes (the `npm start` entry, spawned), each
 * with its own scheduler, as two processes on one machine would run it. The data is
 * written first, in this process (the demo seed, staff accounts, the site's time zone);
 * the processes start on it afterwards and find it complete.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import sharp from 'sharp';
import { createUser, type Role } from '../src/accounts/index.js';
import { saveArticle } from '../src/content/index.js';
import { createDb } from '../src/db/create-db.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { seedDemoOnFirstStart } from '../src/seed/seed-on-first-start.js';
import { saveSettings } from '../src/settings/index.js';
import { systemClock } from '../src/shared/clock.js';
import type { DomainEvent } from '../src/shared/domain-events.js';
import { EventBus } from '../src/shared/events.js';
import { type ServingMain, startMain } from './spawn-main.js';
import { signInOnPage } from './browser.js';

export const PASSWORD = 'correct horse battery';
/** Far from UTC and from the browser's zone, so a time read in the wrong zone shows. */
export const SITE_TIME_ZONE = 'Asia/Kathmandu';
export const BROWSER_TIME_ZONE = 'America/New_York';

export interface Staff {
  name: string;
  email: string;
  role: Role;
}

export const STAFF = {
  author: { name: 'Lena Okafor', email: 'lena@example.org', role: 'author' },
  contributor: { name: 'Tomás Brandt', email: 'tomas@example.org', role: 'contributor' },
  editor: { name: 'Priya Haldane', email: 'priya@example.org', role: 'editor' },
} satisfies Record<string, Staff>;

export interface NewsroomSite {
  /** the process the staff's browsers use */
  a: ServingMain;
  /** the second process, scheduling too */
  b: ServingMain;
  dbFile: string;
  /** a connection of this test process's own, for reading what the processes wrote */
  db: ReturnType<typeof createDb>['db'];
  close(): Promise<void>;
}

export async function startNewsroomSite(): Promise<NewsroomSite> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-newsroom-'));
  const dbFile = path.join(dataDir, 'dossier.db');
  const seedHandle = createDb({ dialect: 'sqlite', file: dbFile });
  await migrateToLatest(seedHandle.db, 'sqlite');
  const deps = { db: seedHandle.db, clock: systemClock, events: new EventBus<DomainEvent>() };
  await seedDemoOnFirstStart({ ...deps, dialect: 'sqlite', mediaDir: path.join(dataDir, 'media'), onProgress: () => {} });
  for (const person of Object.values(STAFF)) await createUser(deps, { ...person, password: PASSWORD });
  await saveSettings(deps, { timeZone: SITE_TIME_ZONE });
  await seedHandle.close();

  const env = { DATA_DIR: dataDir, SITE_URL: 'http://127.0.0.1', LOG_LEVEL: 'debug' };
  // One after the other: the first creates the session secret the second reads.
  const a = await startMain(env);
  const b = await startMain(env).catch(async (error: unknown) => {
    await a.stop();
    throw error;
  });
  const reader = createDb({ dialect: 'sqlite', file: dbFile });
  return {
    a,
    b,
    dbFile,
    db: reader.db,
    close: async () => {
      await Promise.all([a.stop(), b.stop()]);
      await reader.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A morning's other embargoed pieces: `count` short articles scheduled for the same second,
 * stored through the content use case (fixtures; the journey's own article is written in the
 * browser). Due together, they make a scheduler round long enough for the two processes'
 * rounds to overlap however their start is staggered. Answers their ids.
 */
export async function scheduleEmbargoedPieces(site: NewsroomSite, options: { at: Date; count: number; topicId: string; authorEmail: string }): Promise<string[]> {
  const author = await site.db.selectFrom('users').select('id').where('email', '=', options.authorEmail).executeTakeFirstOrThrow();
  const deps = { db: site.db, clock: systemClock, events: new EventBus<DomainEvent>() };
  const ids: string[] = [];
  for (let i = 1; i <= options.count; i++) {
    const saved = await saveArticle(deps, {
      title: `Embargoed brief ${i}: the harbour board's weekly figures`,
      body: `<p>Brief ${i} of the morning: tonnage, berths and waiting times, as the board publishes them.</p>`,
      status: 'published',
      publishedAt: options.at,
      primaryTopicId: options.topicId,
      topicIds: [options.topicId],
      tagIds: [],
      authorIds: [author.id],
    });
    if (saved.status !== 'scheduled') throw new Error(`embargoed brief ${i} was not scheduled but ${saved.status}`);
    ids.push(saved.id);
  }
  return ids;
}

/** A browser context signed in through /admin/login as a person does it. */
export async function signInThroughForm(browser: Browser, siteUrl: string, person: Staff): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-GB', timezoneId: BROWSER_TIME_ZONE });
  const page = await context.newPage();
  await signInOnPage(page, siteUrl, person.email, PASSWORD);
  await page.close();
  return context;
}

/** A photograph-like picture drawn for the journey: a harbour at dusk, as a camera's JPEG. */
export function harbourPhoto(width = 1600, height = 1000): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 160 100">
    <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#27476e"/><stop offset="1" stop-color="#f0a35e"/></linearGradient></defs>
    <rect width="160" height="62" fill="url(#sky)"/><rect y="62" width="160" height="38" fill="#1d3b53"/>
    <circle cx="118" cy="56" r="9" fill="#f7d58b"/>
    <path d="M20 62 V22 H24 V62 M22 24 L62 24 L62 27 L22 27 M58 27 V40" stroke="#16202b" stroke-width="2" fill="none"/>
    <path d="M70 62 L76 52 H132 L138 62 Z" fill="#16202b"/><rect x="84" y="44" width="30" height="8" fill="#3a4a5a"/>
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 88 }).toBuffer();
}

/** `datetime-local` text of an instant in a zone, to the second ("2026-12-03T15:04:05"). */
export function localTimeIn(zone: string, at: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
    .format(at)
    .replace(' ', 'T');
}
