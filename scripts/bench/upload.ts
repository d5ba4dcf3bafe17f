import sharp from 'sharp';
import { readMemory } from './dossier-server.js';

/*
 * The upload of a 20-megapixel photograph (5472 × 3648, a common camera size) through a
 * running server, to its first variant served: what an editor waits for between dropping
 * a photo on the editor and seeing it in the article.
 */

export interface UploadMeasure {
  width: number;
  height: number;
  /** the JPEG sent */
  bytes: number;
  /** POST /admin/media/upload until its 201 (sniff, limits, decode, strip, re-encode, store) */
  uploadMs: number;
  /** then GET of the 960 JPEG variant, made on that first request */
  firstVariantMs: number;
  totalMs: number;
  /** the server's peak resident memory after the upload (VmHWM), when its pid is known */
  serverPeakRssMb: number | null;
  /** the server's peak before the upload, to tell what the upload added */
  serverPeakRssBeforeMb: number | null;
}

/** A camera-like JPEG: noise over a gradient, so it is as large and as slow to decode as a photo. */
export async function twentyMegapixelJpeg(width = 5472, height = 3648): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 110, g: 130, b: 150 }, noise: { type: 'gaussian', mean: 128, sigma: 35 } } })
    .withExif({ IFD0: { Make: 'BenchCam', Copyright: 'bench' } })
    .jpeg({ quality: 88 })
    .toBuffer();
}

/**
 * Uploads one photo as the editor does (multipart, Accept: application/json, X-CSRF-Token)
 * and fetches its first variant. `cookie` is a signed-in session's Cookie header, `csrf`
 * that session's token; `pid` the server's, to read its memory from /proc.
 */
export async function measureUpload(baseUrl: string, cookie: string, csrf: string, pid?: number, photo?: Buffer): Promise<UploadMeasure> {
  const jpeg = photo ?? (await twentyMegapixelJpeg());
  const meta = await sharp(jpeg).metadata();
  const before = pid ? readMemory(pid).peakRssMb : null;
  const form = new FormData();
  form.append('alt', 'Benchmark photograph');
  form.append('file', new File([new Uint8Array(jpeg)], 'bench-20mp.jpg', { type: 'image/jpeg' }));
  const started = performance.now();
  const res = await fetch(`${baseUrl}/admin/media/upload`, {
    method: 'POST',
    body: form,
    headers: { cookie, 'x-csrf-token': csrf, accept: 'application/json', origin: baseUrl },
  });
  const body = (await res.json()) as { url?: string; file?: string; detail?: string };
  const uploaded = performance.now();
  if (res.status !== 201 || !body.file) throw new Error(`upload answered ${res.status}: ${body.detail ?? JSON.stringify(body)}`);
  const id = body.file.split('-')[0]!;
  const variant = await fetch(`${baseUrl}/media/${id}-960.jpg`);
  await variant.arrayBuffer();
  const served = performance.now();
  if (variant.status !== 200) throw new Error(`the first variant answered ${variant.status}`);
  return {
    width: meta.width ?? 0,
    height: meta.height ?? 0,
    bytes: jpeg.length,
    uploadMs: Math.round(uploaded - started),
    firstVariantMs: Math.round(served - uploaded),
    totalMs: Math.round(served - started),
    serverPeakRssMb: pid ? Math.round(readMemory(pid).peakRssMb) : null,
    serverPeakRssBeforeMb: before === null ? null : Math.round(before),
  };
}

/** Signs in through the login form like a person, and reads the media page's CSRF token. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<{ cookie: string; csrf: string }> {
  const cookies = new Map<string, string>();
  const keep = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      cookies.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
  };
  const header = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const login = await fetch(`${baseUrl}/admin/login`);
  keep(login);
  const loginCsrf = /name="csrf" value="([^"]+)"/.exec(await login.text())?.[1];
  if (!loginCsrf) throw new Error('no CSRF field on the login page');
  const posted = await fetch(`${baseUrl}/admin/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: header(), origin: baseUrl, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password, csrf: loginCsrf, next: '/admin/media/' }),
  });
  keep(posted);
  if (posted.status !== 303 && posted.status !== 302) throw new Error(`sign-in answered ${posted.status}`);
  const page = await fetch(`${baseUrl}/admin/media/`, { headers: { cookie: header() } });
  const csrf = /name="csrf" value="([^"]+)"/.exec(await page.text())?.[1];
  if (page.status !== 200 || !csrf) throw new Error(`the media library answered ${page.status}`);
  return { cookie: header(), csrf };
}
