// The admin's rich-text editor island (src/admin/editor/client/) as one minified ES module,
// public/build/editor.js, which AssetStore serves at /assets/build/editor.js?v=…. Used by
// scripts/build.mjs (install, build, start) and by the test run's global setup.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const EDITOR_ENTRY = path.join(root, 'src', 'admin', 'editor', 'client', 'main.ts');
export const EDITOR_BUNDLE = path.join(root, 'public', 'build', 'editor.js');
// What the bundle is made of: the island, the shared helpers it imports, the packages, this script.
const INPUTS = [
  path.join(root, 'src', 'admin', 'editor', 'client'),
  path.join(root, 'src', 'shared'),
  path.join(root, 'package-lock.json'),
  fileURLToPath(import.meta.url),
];

function newestTime(p) {
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted or renamed file changes its folder's time
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestTime(path.join(p, entry)));
  return newest;
}

export function isEditorBundleStale() {
  let builtAt;
  try {
    builtAt = fs.statSync(EDITOR_BUNDLE).mtimeMs;
  } catch {
    return true;
  }
  return Math.max(...INPUTS.map(newestTime)) > builtAt;
}

/** Bundles the island; with `ifStale`, only when an input is newer than the bundle. Resolves to whether it built. */
export async function buildEditorBundle({ ifStale = false } = {}) {
  if (ifStale && !isEditorBundleStale()) return false;
  const started = Date.now();
  // The bundle's time is the moment the build began: a source saved during the build is newer.
  const startedAt = new Date();
  const { build } = await import('esbuild');
  await build({
    entryPoints: [EDITOR_ENTRY],
    outfile: EDITOR_BUNDLE,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: ['chrome111', 'firefox115', 'safari16.4'],
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'eof',
    logLevel: 'warning',
  });
  fs.utimesSync(EDITOR_BUNDLE, startedAt, startedAt);
  console.error(`built ${path.relative(root, EDITOR_BUNDLE)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return true;
}
