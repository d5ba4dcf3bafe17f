import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importComments } from '../../src/comments/index.js';
import type { Dialect } from '../../src/db/database.js';
import { COMMENT_RECEIPT_COOKIE } from '../../src/http/comment-receipt.js';
import { systemClock } from '../../src/shared/clock.js';
import type { DomainEvent } from '../../src/shared/domain-events.js';
import { EventBus } from '../../src/shared/events.js';
import { createNewsroom, publishArticle } from '../factories.js';
import { type ServingMain, startMain } from '../spawn-main.js';
import { createTestDb, type TestDb, testDialects } from '../test-db.js';

/*
 * "A comment the server acknowledged is durable." Readers post concurrently to the real
 * entry point (src/main.ts, spawned) — some as the page script does (a token from GET
 * /comments/token/, then JSON), some as the form does without the script (the first press
 * brings a token back, the second posts and is answered 303) — while the process is killed
 * with SIGKILL at random moments and started again on the same data. Posts in flight at a
 * kill fail to connect and are not acknowledged (they may or may not be stored). Afterwards
 * the database is opened directly: every acknowledged comment must be there, on its article,
 * under its parent, with the status the reader was told, and each article's count must be
 * that of the comments its thread shows.
 *
 * What SIGKILL proves: the answer is sent only once the write is committed, and no
 * acknowledged write waits in the process's memory. It cannot show whether a commit reached
 * the disk (the kernel keeps the file's pages across a killed process); that is
 * synchronous=FULL's part on SQLite (src/db/create-db.ts) and fsync on PostgreSQL's side.
 */

const POSTERS = 12;
/** kills followed by a restart on the same data; one more kill ends the run (three kills in all) */
const RESTARTS = 2;
/**
 * Each process is killed once it has acknowledged a random number of comments in this range,
 * after a further random pause: a moment that falls anywhere among the posts in flight,
 * however fast this machine answers them today.
 */
const ACKS_BEFORE_KILL = { min: 40, max: 70 };
const PAUSE_BEFORE_KILL_MS = 100;
/** a process that acknowledges too few in this long fails the run rather than hang it */
const PHASE_LIMIT_MS = 30_000;

interface Ack {
  articleId: string;
  parentId: string | null;
  body: string;
  /** what the reader was told: shown, or awaiting moderation */
  shown: boolean;
  /** the script's answer names it; the form's 303 does not (its receipt cookie does) */
  commentId: string | null;
}

interface Run {
  acks: Ack[];
  /** posts answered with anything but an acknowledgement, or failed while the process served */
  refusals: string[];
  /** posts that failed to connect or were cut by a kill */
  cut: number;
  /** acknowledgements given by each process started, in order */
  acksPerProcess: number[];
  /** how long each process took to start, and then served until its kill */
  startMs: number[];
  servedMs: number[];
  kills: number;
  wallMs: number;
}

interface DialectRun {
  testDb: TestDb;
  dataDir: string;
  articleIds: string[];
  run: Run;
}

/** Three published articles, readers known and new, then the posting through kills. */
async function runOn(dialect: Dialect): Promise<DialectRun> {
  const testDb = await createTestDb(dialect);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-durability-'));
  try {
    return { testDb, dataDir, ...(await seedAndPost(testDb, dataDir, dialect)) };
  } catch (error) {
    await testDb.destroy();
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

async function seedAndPost(testDb: TestDb, dataDir: string, dialect: Dialect): Promise<Pick<DialectRun, 'articleIds' | 'run'>> {
  const deps = { db: testDb.db, clock: systemClock, events: new EventBus<DomainEvent>() };
  const newsroom = await createNewsroom(testDb.db, systemClock, deps.events);
  const publishedAt = new Date(Date.now() - 60 * 60_000);
  const articleIds: string[] = [];
  for (const slug of ['crossings-reopen', 'port-fees-rise', 'convoy-schedule']) {
    articleIds.push((await publishArticle(deps, newsroom, { slug, title: `Durability: ${slug}`, publishedAt })).id);
  }
  // Half the readers have an approved comment already (imported: the posting path is what is on
  // trial): theirs are shown at once, the others' held for a moderator.
  const knownEmails = Array.from({ length: POSTERS / 2 }, (_, k) => `known${2 * k}@example.net`);
  await importComments(testDb.db, deps.events, articleIds[0]!, knownEmails.map((email, k) => ({ key: email, parentKey: null, authorName: `Known ${2 * k}`, authorEmail: email, authorUrl: '', body: `An earlier comment from reader ${2 * k}.`, status: 'approved', createdAt: publishedAt })));
  const run = await postThroughKills({
    env: {
      DATA_DIR: dataDir,
      DATABASE_URL: testDb.url,
      DEMO_CONTENT: 'off',
      SITE_URL: 'http://127.0.0.1',
      // All traffic comes from 127.0.0.1, as fast as the server takes it.
      COMMENT_LIMIT_PER_IP: '1000000/60',
      COMMENT_LIMIT_PER_EMAIL: '1000000/60',
      COMMENT_MIN_SECONDS: '0',
    },
    articleIds,
    knownEmails,
    tag: dialect,
  });
  return { articleIds, run };
}

// Both dialects' runs go at once: most of a run is processes starting, each on one core.
const runs = new Map<Dialect, Promise<DialectRun>>();
beforeAll(() => {
  for (const dialect of testDialects) {
    const running = runOn(dialect);
    running.catch(() => {}); // reported by the describe that awaits it
    runs.set(dialect, running);
  }
});

describe.each(testDialects)('acknowledged comments survive SIGKILL, on %s', (dialect: Dialect) => {
  let testDb: TestDb;
  let articleIds: string[] = [];
  let run: Run;

  beforeAll(async () => {
    ({ testDb, articleIds, run } = await runs.get(dialect)!);
  }, 120_000);
  afterAll(async () => {
    const done = await runs.get(dialect)?.catch(() => null);
    await done?.testDb.destroy();
    if (done) fs.rmSync(done.dataDir, { recursive: true, force: true });
  });

  it('stores every acknowledged comment on its article, under its parent, with the status the reader was told', async () => {
    console.info(`comment durability on ${dialect}: ${run.acks.length} acknowledged (${run.acksPerProcess.join(' + ')}), ${run.cut} cut by ${run.kills} kills, ${run.refusals.length} refused; ${(run.wallMs / 1000).toFixed(1)} s: started in ${run.startMs.join(', ')} ms, served ${run.servedMs.join(', ')} ms`);
    expect(run.kills).toBe(RESTARTS + 1);
    expect(run.acksPerProcess.map((n) => n >= ACKS_BEFORE_KILL.min)).toEqual(Array(RESTARTS + 1).fill(true));
    // Not vacuous: many were acknowledged, across every process, shown and held, threads and replies.
    expect(run.acks.length).toBeGreaterThan(100);
    expect(run.acks.filter((a) => a.shown).length).toBeGreaterThan(20);
    expect(run.acks.filter((a) => !a.shown).length).toBeGreaterThan(20);
    expect(run.acks.filter((a) => a.parentId).length).toBeGreaterThan(5);
    expect(run.acks.filter((a) => a.commentId === null).length).toBeGreaterThan(10);
    expect(run.cut).toBeGreaterThan(0);

    const rows = await testDb.db.selectFrom('comments').select(['id', 'article_id', 'parent_id', 'body', 'status']).execute();
    const byBody = new Map(rows.map((r) => [r.body, r]));
    expect(byBody.size).toBe(rows.length); // each post stored once at most
    const missing = run.acks.flatMap((ack) => {
      const row = byBody.get(ack.body);
      const stored = row && { id: row.id, articleId: row.article_id, parentId: row.parent_id, status: row.status };
      const expected = { id: ack.commentId ?? row?.id, articleId: ack.articleId, parentId: ack.parentId, status: ack.shown ? 'approved' : 'pending' };
      return JSON.stringify(stored) === JSON.stringify(expected) ? [] : [{ body: ack.body, expected, stored: stored ?? 'not stored' }];
    });
    expect(missing).toEqual([]);
    // Nothing else was refused (a reply to a parent that was acknowledged but not stored would be).
    expect(run.refusals).toEqual([]);
  });

  it('keeps each article’s count equal to the comments its thread shows', async () => {
    const counts = await testDb.db.selectFrom('articles').select(['id', 'comment_count']).where('id', 'in', articleIds).execute();
    const shown = await testDb.db.selectFrom('comments').select('article_id').where('status', '=', 'approved').where('article_id', 'in', articleIds).execute();
    for (const { id, comment_count } of counts) expect({ id, count: Number(comment_count) }).toEqual({ id, count: shown.filter((s) => s.article_id === id).length });
  });
});

/**
 * Serves the site from the real entry point, kills it with SIGKILL RESTARTS + 1 times at
 * random moments while POSTERS readers post, and starts it again on the same data after
 * each kill but the last. Answers what the readers were told.
 */
async function postThroughKills(options: { env: Record<string, string>; articleIds: string[]; knownEmails: string[]; tag: string }): Promise<Run> {
  const started = Date.now();
  const acks: Ack[] = [];
  const refusals: string[] = [];
  let cut = 0;
  let kills = 0;
  const startMs: number[] = [];
  const servedMs: number[] = [];
  const start = async () => {
    const asked = Date.now();
    const serving = await startMain(options.env);
    startMs.push(Date.now() - asked);
    return serving;
  };
  let server: ServingMain | null = await start();
  const acksPerProcess = [0];
  let isDone = false;

  const poster = async (p: number) => {
    const email = options.knownEmails[p / 2] ?? `reader${p}@example.net`;
    const asForm = p % 3 === 2;
    // A token names its article: the reader keeps one per article page open, as the script does.
    const tokens = new Map<string, string>();
    for (let i = 0; !isDone; i++) {
      const current = server;
      const processNo = acksPerProcess.length - 1;
      if (!current) {
        await sleep(20);
        continue;
      }
      const articleId = options.articleIds[i % options.articleIds.length]!;
      // Known readers answer, now and then, a comment acknowledged as shown on the same article.
      const parents = acks.filter((a) => a.shown && a.articleId === articleId && a.commentId);
      const parentId = email.startsWith('known') && i % 4 === 3 && parents.length > 0 ? parents[(i * 7) % parents.length]!.commentId : null;
      const body = `Durability check on ${options.tag}, reader ${p}, comment ${i}: the crossings reopened at dawn and the convoy schedule held.`;
      const fields = { articleId, parentId: parentId ?? '', name: `Reader ${p}`, email, website: '', body, homepage: '' };
      try {
        const ack = asForm ? await postAsForm(current.url, fields) : await postAsScript(current.url, fields, tokens.get(articleId) ?? null);
        tokens.delete(articleId);
        if ('refused' in ack) {
          refusals.push(`${ack.status}: ${ack.refused.slice(0, 200)}`);
          continue;
        }
        if (ack.nextToken) tokens.set(articleId, ack.nextToken);
        acksPerProcess[processNo]!++;
        acks.push({ articleId, parentId, body, shown: ack.shown, commentId: ack.commentId });
      } catch (error) {
        // The process is marked gone before it is killed: a failure while it still serves is no kill's.
        if (server === current) refusals.push(`failed while serving: ${String((error as Error).cause ?? error)}`);
        // A kill: the connection was refused or cut. Not acknowledged; the reader loads the page again.
        else cut++;
        tokens.clear();
        await sleep(20);
      }
    }
  };

  const killer = async () => {
    for (let k = 0; k <= RESTARTS; k++) {
      const servingSince = Date.now();
      const due = ACKS_BEFORE_KILL.min + Math.floor(Math.random() * (ACKS_BEFORE_KILL.max - ACKS_BEFORE_KILL.min + 1));
      while (acksPerProcess[k]! < due && Date.now() - servingSince < PHASE_LIMIT_MS) await sleep(5);
      await sleep(Math.random() * PAUSE_BEFORE_KILL_MS);
      servedMs.push(Date.now() - servingSince);
      const victim = server!;
      server = null;
      const ended = await victim.kill();
      if (ended.signal !== 'SIGKILL') throw new Error(`the server ended by ${ended.code ?? ended.signal}, not SIGKILL`);
      kills++;
      if (k < RESTARTS) {
        const next = await start();
        acksPerProcess.push(0);
        server = next;
      }
    }
  };

  try {
    await Promise.all([killer().finally(() => (isDone = true)), ...Array.from({ length: POSTERS }, (_, p) => poster(p))]);
  } finally {
    isDone = true;
    await (server as ServingMain | null)?.kill();
  }
  return { acks, refusals, cut, kills, acksPerProcess, startMs, servedMs, wallMs: Date.now() - started };
}

type Fields = Record<'articleId' | 'parentId' | 'name' | 'email' | 'website' | 'body' | 'homepage', string>;
type Answer = { shown: boolean; commentId: string | null; nextToken: string | null } | { refused: string; status: number };

// Far above any answer's time on a loaded machine: only a hung server meets it.
const TIMEOUT_MS = 20_000;

/** As public/comments.js posts: a token for the page view, then the form as urlencoded, answered in JSON. */
async function postAsScript(url: string, fields: Fields, token: string | null): Promise<Answer> {
  if (!token) {
    const res = await fetch(`${url}/comments/token/?article=${fields.articleId}`, { signal: AbortSignal.timeout(TIMEOUT_MS) });
    if (res.status !== 200) return { refused: await res.text(), status: res.status };
    token = ((await res.json()) as { token: string }).token;
  }
  const res = await fetch(`${url}/comments/`, {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...fields, token }),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const text = await res.text();
  if (res.status !== 201) return { refused: text, status: res.status };
  const answer = JSON.parse(text) as { status: 'approved' | 'held'; commentId: string; token: string };
  return { shown: answer.status === 'approved', commentId: answer.commentId, nextToken: answer.token };
}

/** As the form posts without the script: the first press brings back a token, the second is answered 303 to the article. */
async function postAsForm(url: string, fields: Fields): Promise<Answer> {
  const press = (token: string) =>
    fetch(`${url}/comments/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...fields, token }),
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  const first = await press('');
  const page = await first.text();
  const token = /name="token" value="([^"]+)"/.exec(page)?.[1];
  if (first.status !== 200 || !token) return { refused: page, status: first.status };
  const second = await press(token);
  const location = second.headers.get('location') ?? '';
  if (second.status !== 303) return { refused: await second.text(), status: second.status };
  await second.body?.cancel();
  // "#comment-<id>" when shown; "#comments" with the notice when held. The receipt names the comment either way.
  const receipt = second.headers.getSetCookie().find((c) => c.startsWith(`${COMMENT_RECEIPT_COOKIE}=`));
  const receiptId = receipt ? /^[^=]+=([0-9a-z]+)\./.exec(receipt)?.[1] : undefined;
  if (!receiptId) return { refused: `303 without a receipt to ${location}`, status: 303 };
  const shown = location.endsWith(`#comment-${receiptId}`);
  if (!shown && !location.endsWith('#comments')) return { refused: `303 to ${location}`, status: 303 };
  // The reader's page shows the id only for a shown comment; a held one is found by its words.
  return { shown, commentId: shown ? receiptId : null, nextToken: null };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
