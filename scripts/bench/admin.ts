/*
 * The admin's rows of `npm run bench`, on the demo site's data dir:
 * - autosave requests per second (4 editors, each autosaving a 5,000-word article of their
 *   own as fast as the server answers) while readers fetch the longest article at the same
 *   time, and the p99 of both: the ceiling, far past any newsroom;
 * - the same readers while a newsroom's worth of editors autosave at the island's own pace
 *   (every 3 s each, as src/admin/editor/client/save/autosave.ts does while typing goes on):
 *   what readers feel on an ordinary busy morning;
 * - the upload of a 20-megapixel JPEG to its first variant (scripts/bench/upload.ts);
 * - the editor island on the real edit page of the longest article, signed in: its bundle's
 *   size and its ready-to-type time in Chromium (scripts/bench-editor.ts).
 * The in-process save of a 5,000-word article is scripts/bench/article-save.ts, run by
 * bench.ts on both dialects.
 */
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { readMemory, startDossier, warm } from './dossier-server.js';
import { databaseFile, siteEnv } from './sites.js';
import { measureUpload, signIn, type UploadMeasure } from './upload.js';
import { parseWrk, WRK, wrkOptions, type WrkResult } from './wrk.js';
import { track } from './children.js';
import { editorBundleSize, measureEditor, type EditorBundleSize, type EditorTiming } from '../bench-editor.js';
import { CHROMIUM_PATH } from '../../test/browser.js';

export interface AdminBench {
  autosave: WrkResult & { editors: number; bodyWords: number };
  /** the same readers with no editor at work: what the two rows below are compared with */
  readersAlone: WrkResult & { path: string };
  readersDuringAutosave: WrkResult & { path: string };
  newsroom: { editors: number; everyMs: number; autosaves: number; failed: number; p50Ms: number; p99Ms: number; readers: WrkResult };
  upload: UploadMeasure;
  editor: { bundle: EditorBundleSize; timing: EditorTiming | { skipped: string } };
  serverRssMb: number;
}

const EDITORS = 4;
/** Editors typing at once on the ordinary busy morning, each in an article of their own. */
const NEWSROOM_EDITORS = 20;
const AUTOSAVE_EVERY_MS = 3000;
const EMAIL = 'bench-editor@example.org';
const PASSWORD = 'bench editor password 2026';
/** The bench's editor account (made by ensureEditor), which the comment rows moderate with too. */
export const BENCH_EDITOR = Object.freeze({ email: EMAIL, password: PASSWORD });

export async function measureAdmin(dataDir: string, articlePath: string, durationSeconds: number): Promise<AdminBench> {
  await ensureEditor(dataDir);
  const targets = autosaveTargets(dataDir, EDITORS + NEWSROOM_EDITORS);
  if (targets.length < EDITORS + NEWSROOM_EDITORS) throw new Error(`the bench site needs ${EDITORS + NEWSROOM_EDITORS} published articles, one per editor`);
  const server = await startDossier(dataDir, true);
  try {
    await warm(server.origin + articlePath);
    await warm(server.origin + articlePath);
    const { cookie, csrf } = await signIn(server.origin, EMAIL, PASSWORD);
    const readersAlone = await wrk([...wrkOptions({ threads: 2, connections: 16, durationSeconds }), server.origin + articlePath]);
    const script = writeAutosaveScript(targets.slice(0, EDITORS), { cookie, csrf, origin: server.origin });
    const run = { threads: EDITORS, connections: EDITORS, durationSeconds };
    console.log(`  autosave: ${EDITORS} editors, each on a 5,000-word article, with readers on ${articlePath}, ${durationSeconds} s`);
    const [autosave, readers] = await Promise.all([
      wrk([...wrkOptions(run), '-s', script, `${server.origin}/`]),
      wrk([...wrkOptions({ threads: 2, connections: 16, durationSeconds }), server.origin + articlePath]),
    ]);
    fs.rmSync(path.dirname(script), { recursive: true, force: true });
    const editors = targets.slice(EDITORS);
    console.log(`  autosave at the island's pace: ${editors.length} editors, each every ${AUTOSAVE_EVERY_MS / 1000} s, with the same readers, ${durationSeconds} s`);
    const [paced, pacedReaders] = await Promise.all([
      autosaveAtPace(server.origin, editors, { cookie, csrf }, durationSeconds * 1000),
      wrk([...wrkOptions({ threads: 2, connections: 16, durationSeconds }), server.origin + articlePath]),
    ]);
    console.log('  upload: a 20-megapixel JPEG to its first variant');
    const upload = await measureUpload(server.origin, cookie, csrf, server.pid);
    console.log('  editor: bundle size, ready to type on the longest article\'s edit page');
    const editor = { bundle: editorBundleSize(), timing: await measureEditorSignedIn(server.origin, longestArticleId(dataDir), cookie) };
    return {
      autosave: { ...autosave, editors: EDITORS, bodyWords: 5000 },
      readersAlone: { ...readersAlone, path: articlePath },
      readersDuringAutosave: { ...readers, path: articlePath },
      newsroom: { editors: editors.length, everyMs: AUTOSAVE_EVERY_MS, ...paced, readers: pacedReaders },
      upload,
      editor,
      serverRssMb: Math.round(readMemory(server.pid).rssMb),
    };
  } finally {
    await server.stop();
  }
}

function wrk(args: string[]): Promise<WrkResult> {
  return new Promise((resolve, reject) => {
    const child = execFile(WRK, args, { timeout: 120_000 }, (error, out) => (error ? reject(error) : resolve({ command: `wrk ${args.join(' ')}`, ...parseWrk(out) })));
    track(child);
  });
}

/** Ready-to-type on the real admin, in a context carrying the bench editor's session. */
async function measureEditorSignedIn(origin: string, articleId: string, cookie: string): Promise<EditorTiming | { skipped: string }> {
  if (!fs.existsSync(CHROMIUM_PATH)) return { skipped: `no Chromium at ${CHROMIUM_PATH}` };
  const cookies = cookie.split('; ').map((pair) => {
    const eq = pair.indexOf('=');
    return { name: pair.slice(0, eq), value: pair.slice(eq + 1), url: origin };
  });
  return measureEditor(`${origin}/admin/articles/${articleId}/edit`, {
    runs: 10,
    newContext: async (browser) => {
      const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
      await context.addCookies(cookies);
      return context;
    },
  });
}

function longestArticleId(dataDir: string): string {
  const db = new Database(databaseFile(dataDir), { readonly: true, fileMustExist: true });
  try {
    return db.prepare<[], { id: string }>(`select id from articles where status = 'published' order by length(body) desc limit 1`).get()!.id;
  } finally {
    db.close();
  }
}

/** An editor account on the bench site (made once, with the real CLI). */
export async function ensureEditor(dataDir: string): Promise<void> {
  const db = new Database(databaseFile(dataDir), { readonly: true, fileMustExist: true });
  const exists = db.prepare('select 1 from users where email = ?').get(EMAIL) !== undefined;
  db.close();
  if (exists) return;
  await new Promise<void>((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'scripts/user-create.ts', '--email', EMAIL, '--role', 'editor', '--name', 'Bench Editor', '--password-stdin'], {
      env: siteEnv(dataDir, {}),
      stdio: ['pipe', 'ignore', 'inherit'],
    });
    child.stdin.end(`${PASSWORD}\n`);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`user:create exited ${code}`))));
  });
}

interface AutosaveTarget {
  id: string;
  version: number;
}

/** The most recent published articles, one per editor, with the version each editor loaded. */
function autosaveTargets(dataDir: string, count: number): AutosaveTarget[] {
  const db = new Database(databaseFile(dataDir), { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare<[number], { id: string; version: number }>(`select id, version from articles where status = 'published' order by published_at desc limit ?`)
      .all(count);
  } finally {
    db.close();
  }
}

const WORDS = 'harbour convoy ceasefire tariff council crossing patrol schedule negotiator customs shipping ferry district reservoir drought election'.split(' ');

/** A 5,000-word body in twelve sections, as the longest demo article is shaped. */
function longBody(): string {
  const parts: string[] = [];
  for (let section = 0; section < 12; section++) {
    parts.push(`<h2>Section ${section + 1}</h2>`);
    for (let p = 0; p < 4; p++) parts.push(`<p>${Array.from({ length: 105 }, (_, i) => WORDS[(i * 7 + p + section) % WORDS.length]).join(' ')}.</p>`);
  }
  return parts.join('');
}

/**
 * wrk's Lua: each thread is one editor on one article; every answer carries the new version,
 * which the next autosave sends, as the editor island does.
 */
/**
 * Editors autosaving at the island's pace, from this process (a few requests a second need
 * no wrk): each sends its whole 5,000-word form, waits for the answer, carries the new
 * version and sends again when its 3 s are up. Latency is per autosave, answer included.
 */
async function autosaveAtPace(
  origin: string,
  editors: AutosaveTarget[],
  session: { cookie: string; csrf: string },
  durationMs: number,
): Promise<{ autosaves: number; failed: number; p50Ms: number; p99Ms: number }> {
  const body = longBody();
  const times: number[] = [];
  let failed = 0;
  const until = Date.now() + durationMs;
  await Promise.all(
    editors.map(async (editor, i) => {
      let version = editor.version;
      // Spread over the first interval, as editors who did not start typing together.
      await sleep((AUTOSAVE_EVERY_MS * i) / editors.length);
      for (let typed = 1; Date.now() < until; typed++) {
        const started = performance.now();
        const res = await fetch(`${origin}/admin/articles/${editor.id}/autosave`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': session.csrf, cookie: session.cookie, origin },
          body: JSON.stringify({ version, fields: { title: `A long read, typed ${typed}`, body } }),
        });
        const answer = (await res.json()) as { version?: number };
        times.push(performance.now() - started);
        if (res.status === 200 && typeof answer.version === 'number') version = answer.version;
        else failed++;
        await sleep(Math.max(0, AUTOSAVE_EVERY_MS - (performance.now() - started)));
      }
    }),
  );
  times.sort((a, b) => a - b);
  const at = (p: number) => Number((times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0).toFixed(2));
  return { autosaves: times.length, failed, p50Ms: at(0.5), p99Ms: at(0.99) };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function writeAutosaveScript(targets: AutosaveTarget[], session: { cookie: string; csrf: string; origin: string }): string {
  const lua = (s: string) => JSON.stringify(s);
  const body = longBody();
  const script = `
local ids = { ${targets.map((t) => lua(t.id)).join(', ')} }
local versions = { ${targets.map((t) => t.version).join(', ')} }
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("slot", counter)
end
function init(args)
  id = ids[slot]
  version = versions[slot]
  typed = 0
end
local headers = { ["Content-Type"] = "application/json", ["Accept"] = "application/json",
  ["X-CSRF-Token"] = ${lua(session.csrf)}, ["Cookie"] = ${lua(session.cookie)}, ["Origin"] = ${lua(session.origin)} }
local body = ${lua(JSON.stringify(body))}
function request()
  typed = typed + 1
  local fields = '{"title":"A long read, typed ' .. typed .. '","body":' .. body .. '}'
  return wrk.format("POST", "/admin/articles/" .. id .. "/autosave", headers, '{"version":' .. version .. ',"fields":' .. fields .. '}')
end
function response(status, headers, payload)
  local v = payload:match('"version":(%d+)')
  if v then version = tonumber(v) end
end
`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-bench-autosave-'));
  const file = path.join(dir, 'autosave.lua');
  fs.writeFileSync(file, script);
  return file;
}

export function formatAdmin(a: AdminBench): string {
  const line = (label: string, w: WrkResult) =>
    `${label.padEnd(44)} ${w.requestsPerSec.toFixed(0).padStart(7)} req/s  p50 ${w.p50Ms.toFixed(2)} ms  p99 ${w.p99Ms.toFixed(2)} ms  non-2xx ${w.non2xx}  socket errors ${w.socketErrors}`;
  return [
    'Admin (demo site, page cache on)',
    line(`article page, no editor at work (-c16)`, a.readersAlone),
    line(`autosave, ${a.autosave.editors} editors × 5,000 words`, a.autosave),
    line(`article page, read at the same time (-c16)`, a.readersDuringAutosave),
    `autosave at the island's pace, ${a.newsroom.editors} editors × every ${a.newsroom.everyMs / 1000} s: ${a.newsroom.autosaves} autosaves, p50 ${a.newsroom.p50Ms} ms, p99 ${a.newsroom.p99Ms} ms, failed ${a.newsroom.failed}`,
    line(`article page, read at the same time (-c16)`, a.newsroom.readers),
    `upload of a ${a.upload.width}×${a.upload.height} JPEG (${(a.upload.bytes / 1e6).toFixed(1)} MB): upload ${a.upload.uploadMs} ms, first variant ${a.upload.firstVariantMs} ms, total ${a.upload.totalMs} ms; server peak RSS ${a.upload.serverPeakRssBeforeMb} → ${a.upload.serverPeakRssMb} MB`,
    `editor bundle: ${a.editor.bundle.bytes} B minified, ${a.editor.bundle.gzipBytes} B gzip -9, ${a.editor.bundle.brotliBytes} B brotli`,
    'skipped' in a.editor.timing
      ? `editor ready to type: skipped (${a.editor.timing.skipped})`
      : `editor ready to type (edit page of the longest article, ${a.editor.timing.bodyChars} characters): cold ${a.editor.timing.coldReadyMs} ms, warm median ${a.editor.timing.warmReadyMedianMs} ms (worst ${a.editor.timing.warmReadyMaxMs}) of ${a.editor.timing.runs}; the island's own start-up ${a.editor.timing.islandStartupMedianMs} ms; key to field ${a.editor.timing.keyToFieldMedianMs} ms`,
    `server RSS after: ${a.serverRssMb} MB`,
  ].join('\n');
}

/** The in-process save of a 5,000-word article (scripts/bench/article-save.ts), on each dialect that answers. */
export async function measureSaves(): Promise<string[]> {
  const lines: string[] = [];
  for (const dialect of ['sqlite', 'postgres']) {
    console.log(`  save of a 5,000-word article on ${dialect}`);
    const out = await new Promise<string>((resolve) => {
      const child = execFile('npx', ['tsx', 'scripts/bench/article-save.ts', '--dialect', dialect], { timeout: 300_000 }, (error, stdout, stderr) =>
        resolve(error ? `${dialect}: failed: ${(stderr || String(error)).trim().split('\n').pop()}` : stdout.trim()),
      );
      track(child);
    });
    lines.push(out);
  }
  return lines;
}
