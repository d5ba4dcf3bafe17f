/*
 * The admin's rows of `npm run bench`, on the demo site's data dir:
 * - autosave requests per second (4 editors, each autosaving a 5,000-word article of their
 *   own as fast as the server answers) while readers fetch the longest article at the same
 *   time, and the p99 of both;
 * - the upload of a 20-megapixel JPEG to its first variant (scripts/bench/upload.ts).
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

export interface AdminBench {
  autosave: WrkResult & { editors: number; bodyWords: number };
  readersDuringAutosave: WrkResult & { path: string };
  upload: UploadMeasure;
  serverRssMb: number;
}

const EDITORS = 4;
const EMAIL = 'bench-editor@example.org';
const PASSWORD = 'bench editor password 2026';

export async function measureAdmin(dataDir: string, articlePath: string, durationSeconds: number): Promise<AdminBench> {
  await ensureEditor(dataDir);
  const targets = autosaveTargets(dataDir);
  const server = await startDossier(dataDir, true);
  try {
    await warm(server.origin + articlePath);
    await warm(server.origin + articlePath);
    const { cookie, csrf } = await signIn(server.origin, EMAIL, PASSWORD);
    const script = writeAutosaveScript(targets, { cookie, csrf, origin: server.origin });
    const run = { threads: EDITORS, connections: EDITORS, durationSeconds };
    console.log(`  autosave: ${EDITORS} editors, each on a 5,000-word article, with readers on ${articlePath}, ${durationSeconds} s`);
    const [autosave, readers] = await Promise.all([
      wrk([...wrkOptions(run), '-s', script, `${server.origin}/`]),
      wrk([...wrkOptions({ threads: 2, connections: 16, durationSeconds }), server.origin + articlePath]),
    ]);
    fs.rmSync(path.dirname(script), { recursive: true, force: true });
    console.log('  upload: a 20-megapixel JPEG to its first variant');
    const upload = await measureUpload(server.origin, cookie, csrf, server.pid);
    return {
      autosave: { ...autosave, editors: EDITORS, bodyWords: 5000 },
      readersDuringAutosave: { ...readers, path: articlePath },
      upload,
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

/** An editor account on the bench site (made once, with the real CLI). */
async function ensureEditor(dataDir: string): Promise<void> {
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
function autosaveTargets(dataDir: string): AutosaveTarget[] {
  const db = new Database(databaseFile(dataDir), { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare<[number], { id: string; version: number }>(`select id, version from articles where status = 'published' order by published_at desc limit ?`)
      .all(EDITORS);
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
function writeAutosaveScript(targets: AutosaveTarget[], session: { cookie: string; csrf: string; origin: string }): string {
  if (targets.length < EDITORS) throw new Error(`the bench site needs ${EDITORS} published articles`);
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
    line(`autosave, ${a.autosave.editors} editors × 5,000 words`, a.autosave),
    line(`article page, read at the same time (-c16)`, a.readersDuringAutosave),
    `upload of a ${a.upload.width}×${a.upload.height} JPEG (${(a.upload.bytes / 1e6).toFixed(1)} MB): upload ${a.upload.uploadMs} ms, first variant ${a.upload.firstVariantMs} ms, total ${a.upload.totalMs} ms; server peak RSS ${a.upload.serverPeakRssBeforeMb} → ${a.upload.serverPeakRssMb} MB`,
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
