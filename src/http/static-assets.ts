import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import { negotiateEncoding } from './cache/serve-cached.js';

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};
const COMPRESSIBLE = new Set(['.css', '.js', '.svg', '.txt', '.json', '.webmanifest']);

interface Asset {
  type: string;
  identity: Buffer;
  gzip: Buffer | null;
  br: Buffer | null;
  version: string;
}

/** Files under public/, read and compressed once at start, served from memory at /assets/. */
export class AssetStore {
  private constructor(private readonly assets: Map<string, Asset>) {}

  static load(dir: string): AssetStore {
    const assets = new Map<string, Asset>();
    for (const file of listFiles(dir)) {
      const name = path.relative(dir, file).split(path.sep).join('/');
      const ext = path.extname(file);
      assets.set(name, { type: TYPES[ext] ?? 'application/octet-stream', identity: fs.readFileSync(file), gzip: null, br: null, version: '' });
    }
    const store = new AssetStore(assets);
    for (const [name, asset] of assets) {
      // Stylesheets point at fonts and images by versioned URL, so all can be cached forever.
      if (name.endsWith('.css')) asset.identity = Buffer.from(store.versionUrls(asset.identity.toString('utf8'), path.posix.dirname(name)));
      asset.version = createHash('sha1').update(asset.identity).digest('base64url').slice(0, 10);
      if (COMPRESSIBLE.has(path.extname(name))) {
        asset.gzip = zlib.gzipSync(asset.identity, { level: 9 });
        asset.br = zlib.brotliCompressSync(asset.identity);
      }
    }
    return store;
  }

  /** The cache-busting URL of an asset, e.g. /assets/site.css?v=3kf9a0c1ZQ */
  url(name: string): string {
    const asset = this.assets.get(name);
    if (!asset) throw new Error(`no asset named ${name}`);
    return `/assets/${name}?v=${asset.version || 'x'}`;
  }

  has(name: string): boolean {
    return this.assets.has(name);
  }

  /**
   * A stylesheet's text for a `<style>` element, and its CSP hash. Inlined, it costs no
   * render-blocking request (the page's first paint waits for nothing else).
   */
  inlineStyle(name: string): { css: string; cspHash: string } {
    const asset = this.assets.get(name);
    if (!asset || !name.endsWith('.css')) throw new Error(`no stylesheet named ${name}`);
    const css = asset.identity.toString('utf8');
    if (/<\/style/i.test(css)) throw new Error(`${name} cannot be inlined: it contains "</style"`);
    return { css, cspHash: `'sha256-${createHash('sha256').update(css).digest('base64')}'` };
  }

  middleware(): MiddlewareHandler {
    return async (c) => {
      let name: string;
      try {
        name = decodeURIComponent(c.req.path.slice('/assets/'.length));
      } catch {
        return c.text('Bad request: malformed percent-encoding.', 400);
      }
      const asset = this.assets.get(name);
      if (!asset) return c.text('Not found', 404);
      const isVersioned = c.req.query('v') === asset.version;
      const headers: Record<string, string> = {
        'content-type': asset.type,
        'cache-control': isVersioned ? 'public, max-age=31536000, immutable' : 'public, max-age=3600',
        etag: `"${asset.version}"`,
        vary: 'Accept-Encoding',
      };
      if (c.req.header('if-none-match') === headers.etag) return new Response(null, { status: 304, headers });
      const encoding = asset.br ? negotiateEncoding(c.req.header('accept-encoding')) : 'identity';
      const body = encoding === 'br' ? asset.br! : encoding === 'gzip' ? asset.gzip! : asset.identity;
      if (encoding !== 'identity') headers['content-encoding'] = encoding;
      return new Response(c.req.method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), { status: 200, headers });
    };
  }

  private versionUrls(css: string, baseDir: string): string {
    return css.replace(/url\(\s*(["']?)([^"')?#]+)\1\s*\)/g, (match, quote: string, ref: string) => {
      if (/^(data:|https?:|\/)/.test(ref)) return match;
      const target = path.posix.normalize(path.posix.join(baseDir === '.' ? '' : baseDir, ref));
      const asset = this.assets.get(target);
      if (!asset) return match;
      const version = createHash('sha1').update(asset.identity).digest('base64url').slice(0, 10);
      asset.version ||= version;
      // Absolute, so the same stylesheet works inlined in a page or served from /assets/.
      return `url(${quote}/assets/${target}?v=${version}${quote})`;
    });
  }
}

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full) : [full];
  });
}
