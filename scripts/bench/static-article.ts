/*
 * The reference page: the demo's longest article as Dossier renders it, written out as a
 * static site would hold it (index.html beside a gzip -9 index.html.gz) for nginx and the
 * bare Node.js server to serve.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { onCleanup } from './children.js';

export interface StaticArticle {
  /** the temp dir; nginx's prefix and root */
  dir: string;
  /** the URL path it is served under, the same as on the Dossier site */
  urlPath: string;
  gzFile: string;
  htmlBytes: number;
  gzBytes: number;
}

export async function writeStaticArticle(origin: string, urlPath: string): Promise<StaticArticle> {
  const response = await fetch(origin + urlPath, { headers: { 'accept-encoding': 'identity' } });
  if (response.status !== 200) throw new Error(`${origin}${urlPath} answered ${response.status}`);
  const html = Buffer.from(await response.arrayBuffer());
  const gz = zlib.gzipSync(html, { level: 9 });

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-bench-'));
  onCleanup(() => fs.rmSync(dir, { recursive: true, force: true }));
  // nginx's workers drop root privileges (to nobody), so they must be able to read the tree.
  fs.chmodSync(dir, 0o755);
  const pageDir = path.join(dir, 'html', urlPath);
  fs.mkdirSync(pageDir, { recursive: true, mode: 0o755 });
  for (let d = pageDir; d !== dir; d = path.dirname(d)) fs.chmodSync(d, 0o755);
  fs.writeFileSync(path.join(pageDir, 'index.html'), html, { mode: 0o644 });
  const gzFile = path.join(pageDir, 'index.html.gz');
  fs.writeFileSync(gzFile, gz, { mode: 0o644 });
  return { dir, urlPath, gzFile, htmlBytes: html.length, gzBytes: gz.length };
}

export function removeStaticArticle(article: StaticArticle): void {
  fs.rmSync(article.dir, { recursive: true, force: true });
}
