import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import type { MediaImage } from './media.js';
import { storeImage } from './store-image.js';

let t: TestApp;
let image: MediaImage;

/** A real photograph-like JPEG with EXIF, as a phone would upload it. */
async function photo(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 40, g: 120, b: 200 } } })
    .withExif({ IFD0: { Copyright: 'secret-exif-marker' } })
    .jpeg()
    .toBuffer();
}

function mediaFiles(): string[] {
  return fs.readdirSync(t.mediaDir).filter((n) => n !== 'originals').sort();
}

beforeAll(async () => {
  t = await createTestApp('sqlite');
  image = await storeImage(t.db, t.clock, t.mediaDir, await photo(1200, 800), { alt: 'A blue field' });
});
afterAll(() => t.destroy());

describe('image variants made on first request', () => {
  it('stores the original privately and declares the variants without making them', () => {
    expect(image.variants.map((v) => v.file).sort()).toEqual(
      [`${image.id}-480.jpg`, `${image.id}-480.webp`, `${image.id}-960.jpg`, `${image.id}-960.webp`].sort(),
    );
    expect(image).toMatchObject({ width: 960, height: 640, url: `/media/${image.id}-960.jpg` });
    expect(mediaFiles()).toEqual([]);
  });

  it('makes a declared variant on its first request, keeps it, and strips metadata', async () => {
    const res = await t.app.request(`/media/${image.id}-480.webp`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/webp');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const body = Buffer.from(await res.arrayBuffer());
    expect(await sharp(body).metadata()).toMatchObject({ format: 'webp', width: 480, height: 320 });
    expect(body.includes('secret-exif-marker')).toBe(false);
    expect(mediaFiles()).toEqual([`${image.id}-480.webp`]);
    const stat = fs.statSync(path.join(t.mediaDir, `${image.id}-480.webp`));
    const again = await t.app.request(`/media/${image.id}-480.webp`);
    expect(Buffer.from(await again.arrayBuffer())).toEqual(body);
    expect(fs.statSync(path.join(t.mediaDir, `${image.id}-480.webp`)).mtimeMs).toBe(stat.mtimeMs);
  });

  it('makes a variant once when many ask at the same moment, and leaves no temporary file', async () => {
    const responses = await Promise.all(Array.from({ length: 6 }, () => t.app.request(`/media/${image.id}-960.jpg`)));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    const bodies = await Promise.all(responses.map(async (r) => Buffer.from(await r.arrayBuffer())));
    for (const b of bodies) expect(b).toEqual(bodies[0]);
    expect(mediaFiles()).toEqual([`${image.id}-480.webp`, `${image.id}-960.jpg`]);
  });

  it('answers 404 and creates nothing for undeclared widths, other formats, originals and hostile names', async () => {
    const before = mediaFiles();
    const paths = [
      `/media/${image.id}-1600.jpg`, // wider than the image: not declared
      `/media/${image.id}-500.webp`,
      `/media/${image.id}-480.png`,
      `/media/${image.id}-0480.jpg`,
      `/media/originals/${image.id}`,
      `/media/originals%2F${image.id}`,
      `/media/..%2F..%2Fpackage.json`,
      `/media/%2e%2e/%2e%2e/package.json`,
      `/media/../package.json`,
      `/media/01m8m48m4tj5xpnngpk8k4v09h-480.jpg`, // well-formed, unknown id
      `/media/${image.id.toUpperCase()}-480.jpg`,
    ];
    for (const p of paths) expect((await t.app.request(p)).status, p).toBe(404);
    expect(mediaFiles()).toEqual(before);
  });
});
