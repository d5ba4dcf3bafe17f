/*
 * The comment rows of `npm run bench` (issue 7): comment posts per second sustained while
 * readers fetch the article page, and the p99 of both. On a copy of the demo site (each run
 * starts from the same thread and leaves the demo untouched), cached, with the comment limits
 * raised through configuration (all the traffic comes from 127.0.0.1):
 * - the article page alone (wrk), the baseline;
 * - POSTERS readers posting at full speed, each post what public/comments.js does for a
 *   reader who opens the form and sends it: GET /comments/token/?article=<id>, then
 *   POST /comments/ (form-encoded, Accept: application/json), every body different, while
 *   wrk reads the same article. Two cases, as the moderation rule decides
 *   (src/comments/submit-comment.ts, WordPress's rule): held (a new email on every post, so
 *   each is a first comment: pending, the page unchanged) and shown (readers whose first
 *   comment a moderator approved in the admin before the run: every post is approved at
 *   once and drops the article page from the cache, the expensive case).
 * A post counts only when it is answered 201 with the status its case expects, and the
 * database then holds it with that status; anything else is a failure, counted and named.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { BENCH_EDITOR, ensureEditor } from './admin.js';
import { onCleanup } from './children.js';
import { cpuBetween, sampleCpu, type CpuUse } from './cpu.js';
import { readMemory, startDossier, warm, type RunningServer } from './dossier-server.js';
import { databaseFile } from './sites.js';
import { signIn } from './upload.js';
import { runWrk, type WrkResult } from './wrk.js';

export type Moderation = 'held' | 'approved';

export interface Latency {
  p50Ms: number;
  p99Ms: number;
}

export interface CommentCase {
  moderation: Moderation;
  posters: number;
  /** posts answered 201 with the status this case expects */
  posts: number;
  seconds: number;
  postsPerSec: number;
  /** token fetch + POST, as the reader waits for it */
  roundTrip: Latency;
  /** the POST alone */
  post: Latency;
  /** every post that was not acknowledged as this case expects, by what came back */
  failures: Record<string, number>;
  /** the acknowledged posts as the database holds them afterwards: "status/reason" → count */
  stored: Record<string, number>;
  /** the article's shown comments (articles.comment_count) before and after */
  shownBefore: number;
  shownAfter: number;
  /** the count the article page gives a reader right after the run: the cache must not keep an old one */
  pageShowsAfter: number;
  readers: WrkResult;
  serverCpu: CpuUse;
  /** CPU of this process (the posting client) as a share of one core */
  clientCpuPercent: number;
}

export interface CommentBench {
  articlePath: string;
  readerConnections: number;
  readersAlone: WrkResult;
  cases: CommentCase[];
  /** the mail outbox after the run, by status: each new comment queues a notice to every moderator and author */
  outbox: Record<string, number>;
  serverRssMb: number;
}

const POSTERS = 4;
const READERS = { threads: 2, connections: 16 };
const WARMUP_SECONDS = 3;
/** Far above what the bench can post: a refusal would be a limit, not a measure. */
const RAISED_LIMIT = '999999999/60';

export async function measureComments(demoDir: string, articlePath: string, durationSeconds: number): Promise<CommentBench> {
  await ensureEditor(demoDir);
  const siteDir = await copySite(demoDir);
  const forget = onCleanup(() => fs.rmSync(siteDir, { recursive: true, force: true }));
  try {
    const articleId = articleIdAt(siteDir, articlePath);
    const server = await startDossier(siteDir, true, {
      COMMENT_LIMIT_PER_IP: RAISED_LIMIT,
      COMMENT_LIMIT_PER_EMAIL: RAISED_LIMIT,
      COMMENT_MIN_SECONDS: '0',
    });
    try {
      const knownEmails = await approveOneCommentEach(server.origin, siteDir, articleId, POSTERS);
      await warm(server.origin + articlePath);
      await warm(server.origin + articlePath);
      const readersUrl = server.origin + articlePath;
      const run = { ...READERS, durationSeconds };
      console.log(`  comments: ${WARMUP_SECONDS} s unmeasured (held posts and readers), then readers alone on ${articlePath}, ${durationSeconds} s`);
      await Promise.all([postAtFullSpeed(server.origin, articleId, 'warm-up', heldEmails('warmup'), WARMUP_SECONDS), runWrk(readersUrl, { ...run, durationSeconds: WARMUP_SECONDS })]);
      const readersAlone = await runWrk(readersUrl, run);
      const cases: CommentCase[] = [];
      for (const moderation of ['held', 'approved'] as const) {
        console.log(`  comments ${moderation}: ${POSTERS} posters at full speed, readers on the same article, ${durationSeconds} s`);
        const emails = moderation === 'held' ? heldEmails('held') : (poster: number) => knownEmails[poster]!;
        cases.push(await measureCase(server, siteDir, articleId, readersUrl, moderation, emails, run));
      }
      const outbox = readSite(siteDir, (db) => db.prepare<[], { status: string; n: number }>('select status, count(*) as n from mail_outbox group by status').all());
      return {
        articlePath,
        readerConnections: READERS.connections,
        readersAlone,
        cases,
        outbox: Object.fromEntries(outbox.map((row) => [row.status, row.n])),
        serverRssMb: Math.round(readMemory(server.pid).rssMb),
      };
    } finally {
      await server.stop();
    }
  } finally {
    fs.rmSync(siteDir, { recursive: true, force: true });
    forget();
  }
}

async function measureCase(
  server: RunningServer,
  siteDir: string,
  articleId: string,
  readersUrl: string,
  moderation: Moderation,
  emailOf: (poster: number, n: number) => string,
  run: { threads: number; connections: number; durationSeconds: number },
): Promise<CommentCase> {
  const shownBefore = shownCount(siteDir, articleId);
  const cpuBefore = sampleCpu(server.pid);
  const clientBefore = process.cpuUsage();
  const [posting, readers] = await Promise.all([postAtFullSpeed(server.origin, articleId, moderation, emailOf, run.durationSeconds), runWrk(readersUrl, run)]);
  const client = process.cpuUsage(clientBefore);
  const serverCpu = cpuBetween(cpuBefore, sampleCpu(server.pid));
  const failures = { ...posting.failures };
  const acknowledged = posting.acknowledged.filter((a) => {
    if (a.status === moderation) return true;
    countIn(failures, `201 ${a.status} (expected ${moderation})`);
    return false;
  });
  const posts = acknowledged.length;
  const shownAfter = shownCount(siteDir, articleId);
  const pageShowsAfter = await countOnPage(readersUrl);
  if (pageShowsAfter !== shownAfter) countIn(failures, `the page shows ${pageShowsAfter} comments, the database ${shownAfter}`);
  return {
    moderation,
    posters: POSTERS,
    posts,
    seconds: round(posting.seconds),
    postsPerSec: round(posts / posting.seconds),
    roundTrip: percentiles(acknowledged.map((a) => a.roundTripMs)),
    post: percentiles(acknowledged.map((a) => a.postMs)),
    failures,
    stored: storedStatuses(siteDir, acknowledged.map((a) => a.commentId)),
    shownBefore,
    shownAfter,
    pageShowsAfter,
    readers,
    serverCpu,
    clientCpuPercent: round((100 * (client.user + client.system)) / 1000 / (posting.seconds * 1000)),
  };
}

interface Acknowledged {
  commentId: string;
  /** what the answer said: the form shows a spam verdict as held too, so the database is checked afterwards */
  status: string;
  roundTripMs: number;
  postMs: number;
}

interface Posting {
  acknowledged: Acknowledged[];
  failures: Record<string, number>;
  seconds: number;
}

/**
 * POSTERS loops, each a reader after another sending the form as the page script does: a
 * token for this page view, then the post. A loop ends at the deadline, its last post answered.
 */
async function postAtFullSpeed(origin: string, articleId: string, run: string, emailOf: (poster: number, n: number) => string, seconds: number): Promise<Posting> {
  const acknowledged: Acknowledged[] = [];
  const failures: Record<string, number> = {};
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: POSTERS }, async (_, poster) => {
      for (let n = 1; performance.now() < until; n++) {
        const sent = await postComment(origin, articleId, { name: `Bench Reader ${poster + 1}`, email: emailOf(poster, n), body: commentBody(run, poster, n) });
        if ('failed' in sent) countIn(failures, sent.failed);
        else acknowledged.push(sent);
      }
    }),
  );
  return { acknowledged, failures, seconds: (performance.now() - started) / 1000 };
}

/** One comment, as public/comments.js sends it: a token for this page view, then the form. */
async function postComment(origin: string, articleId: string, author: { name: string; email: string; body: string }): Promise<Acknowledged | { failed: string }> {
  // As a browser sends them on the article's own origin (the route refuses other sites).
  const sameOrigin = { 'sec-fetch-site': 'same-origin' };
  try {
    const t0 = performance.now();
    const tokenRes = await fetch(`${origin}/comments/token/?article=${articleId}`, { headers: sameOrigin });
    const { token } = (await tokenRes.json()) as { token?: string };
    if (tokenRes.status !== 200 || !token) return { failed: `token ${tokenRes.status}` };
    const t1 = performance.now();
    const res = await fetch(`${origin}/comments/`, {
      method: 'POST',
      headers: { ...sameOrigin, origin, accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ articleId, parentId: '', token, ...author, website: '', homepage: '' }),
    });
    const answer = (await res.json()) as { status?: string; commentId?: string; errors?: Record<string, string>; message?: string | null };
    const t2 = performance.now();
    if (res.status === 201 && answer.commentId && answer.status) return { commentId: answer.commentId, status: answer.status, roundTripMs: t2 - t0, postMs: t2 - t1 };
    return { failed: `${res.status} ${Object.values(answer.errors ?? {})[0] ?? answer.message ?? ''}`.trim() };
  } catch (error) {
    return { failed: `network: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** The count in the article's comments heading ("230 comments"), as a reader is served the page. */
async function countOnPage(url: string): Promise<number> {
  const res = await fetch(url);
  const heading = /<h2 id="comments-title"[^>]*>([^<]*)<\/h2>/.exec(await res.text())?.[1] ?? '';
  if (res.status !== 200) throw new Error(`${url} answered ${res.status} after the posts`);
  return Number(/[\d,]+/.exec(heading)?.[0].replace(/,/g, '') ?? 0);
}

/** A new address on every post, so each is a first comment and held. */
function heldEmails(run: string): (poster: number, n: number) => string {
  return (poster, n) => `${run}-${poster + 1}-${n}@readers.example.org`;
}

const OPENINGS = ['The figures on the ferry crossings', 'What the piece says about the reservoir', 'The point about customs at the border', 'The council election result', 'The tariff schedule in the third section'];
const MIDDLES = [
  'matches what I saw living near the harbour for years',
  'leaves out how long the negotiations actually took',
  'is the clearest account of the drought I have read',
  'deserves a follow-up once the new district budget is out',
  'makes me wonder who will pay for the patrols next winter',
];

/** An ordinary reader's comment, different on every post of a run (the words, not just the spacing). */
function commentBody(run: string, poster: number, n: number): string {
  const i = poster * 7919 + n;
  return `${OPENINGS[i % OPENINGS.length]} ${MIDDLES[Math.floor(i / OPENINGS.length) % MIDDLES.length]}. Reader ${poster + 1}, ${run} note ${n}: thank you for the careful reporting, and for listing the sources at the end.`;
}

/**
 * The WordPress rule shows a commenter's comments at once after a moderator approved one of
 * theirs. Here, one reader per poster posts through the form (held: a first comment), and the
 * bench editor approves them all in the admin's queue, as a moderator would. Their emails.
 */
async function approveOneCommentEach(origin: string, siteDir: string, articleId: string, readers: number): Promise<string[]> {
  const emails = Array.from({ length: readers }, (_, i) => `known-${i + 1}@readers.example.org`);
  const firstIds: string[] = [];
  for (const [i, email] of emails.entries()) {
    const sent = await postComment(origin, articleId, { name: `Bench Reader ${i + 1}`, email, body: `My first comment here, reader ${i + 1}: the section on the ferry schedule was worth the read.` });
    if ('failed' in sent || sent.status !== 'held') throw new Error(`the first comment of ${email} came back ${'failed' in sent ? sent.failed : sent.status}, not held`);
    firstIds.push(sent.commentId);
  }
  const { cookie, csrf } = await signIn(origin, BENCH_EDITOR.email, BENCH_EDITOR.password);
  const form = new URLSearchParams({ csrf, action: 'approve', back: '/admin/comments/' });
  for (const id of firstIds) form.append('ids', id);
  const res = await fetch(`${origin}/admin/comments/moderate`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, origin, 'content-type': 'application/x-www-form-urlencoded' },
    body: form,
  });
  const stored = storedStatuses(siteDir, firstIds);
  const approved = Object.entries(stored).filter(([key]) => key.startsWith('approved/')).reduce((sum, [, n]) => sum + n, 0);
  if (res.status !== 303 || approved !== readers) throw new Error(`approving in the queue answered ${res.status}; the first comments are stored as ${JSON.stringify(stored)}`);
  return emails;
}

/** A copy of the site beside it (same disk: commits cost what they cost there), its database copied consistently. */
async function copySite(dataDir: string): Promise<string> {
  const copy = fs.mkdtempSync(path.join(path.dirname(dataDir), 'comments-'));
  const dbFile = path.basename(databaseFile(dataDir));
  fs.cpSync(dataDir, copy, { recursive: true, filter: (from) => !path.basename(from).startsWith(dbFile) });
  const db = new Database(databaseFile(dataDir), { readonly: true, fileMustExist: true });
  try {
    await db.backup(databaseFile(copy));
  } finally {
    db.close();
  }
  return copy;
}

function readSite<T>(siteDir: string, read: (db: Database.Database) => T): T {
  const db = new Database(databaseFile(siteDir), { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

function articleIdAt(siteDir: string, articlePath: string): string {
  const slug = articlePath.split('/').filter(Boolean).at(-1)!;
  const row = readSite(siteDir, (db) => db.prepare<[string], { id: string }>(`select id from articles where slug = ? and status = 'published'`).get(slug));
  if (!row) throw new Error(`no published article at ${articlePath}`);
  return row.id;
}

function shownCount(siteDir: string, articleId: string): number {
  return readSite(siteDir, (db) => db.prepare<[string], { n: number }>('select comment_count as n from articles where id = ?').get(articleId)!.n);
}

/** "status/reason" → how many of these comments the database holds so; "missing" for any it does not hold. */
function storedStatuses(siteDir: string, ids: string[]): Record<string, number> {
  const rows = readSite(siteDir, (db) =>
    db
      .prepare<[string], { status: string; reason: string; n: number }>(
        `select status, status_reason as reason, count(*) as n from comments where id in (select value from json_each(?)) group by status, status_reason`,
      )
      .all(JSON.stringify(ids)),
  );
  const stored: Record<string, number> = {};
  for (const row of rows) stored[`${row.status}/${row.reason}`] = row.n;
  const missing = ids.length - rows.reduce((sum, r) => sum + r.n, 0);
  if (missing > 0) stored.missing = missing;
  return stored;
}

function countIn(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

function percentiles(times: number[]): Latency {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
  return { p50Ms: at(0.5), p99Ms: at(0.99) };
}

function round(n: number): number {
  return Number(n.toFixed(2));
}
