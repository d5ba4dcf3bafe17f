#!/usr/bin/env node
// `npm run build` (and `prepare`, at install): compiles src/ to dist/ and bundles the admin's
// editor island to public/build/editor.js (scripts/build-editor.mjs). With --if-stale
// (`prestart`) each is rebuilt only when one of its sources is newer than its last build, so
// a restart costs no compile: a walk over file times, a few milliseconds.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildEditorBundle } from './build-editor.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stamp = path.join(root, 'dist', '.build-stamp');
const inputs = [path.join(root, 'src'), path.join(root, 'tsconfig.json'), path.join(root, 'tsconfig.build.json'), path.join(root, 'package.json')];

function newestTime(p) {
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted or renamed file changes its folder's time
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestTime(path.join(p, entry)));
  return newest;
}

function builtAt() {
  try {
    return fs.statSync(stamp).mtimeMs;
  } catch {
    return -1;
  }
}

const ifStale = process.argv.includes('--if-stale');
await buildEditorBundle({ ifStale });
if (ifStale && builtAt() >= Math.max(...inputs.map(newestTime))) process.exit(0);
const started = Date.now();
// The stamp's time is the moment the build began: a source saved during the build is newer.
const startedAt = new Date();
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const result = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
if (result.status !== 0) process.exit(result.status ?? 1);
fs.writeFileSync(stamp, `${startedAt.toISOString()}\n`);
fs.utimesSync(stamp, startedAt, startedAt);
console.error(`built dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s`);
