import fs from 'node:fs';
import { Readable } from 'node:stream';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, type User } from '../accounts/index.js';
import { ForbiddenError } from '../shared/errors.js';
import {
  animatedGif,
  EXIF_MARKERS,
  garbageWithJpegMagic,
  HTML_PAGE,
  PDF_FILE,
  phonePhoto,
  plainImage,
  pngBomb,
  SVG_WITH_SCRIPT,
  TEXT_FILE,
} from '../../test/image-fixtures.js';
import { filesUnder } from '../../test/media-dir.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { testDialects } from '../../test/test-db.js';
import { MediaRefusedError, type RefusalReason } from './media-errors.js';
import { originalPath } from './media-files.js';
import { type MediaDeps, uploadMedia } from './upload-media.js';

const LIMITS = { maxBytes: 2 * 1024 * 1024, maxPixels: 60_000_000 };

describe.each(testDialects)('uploading an image on %s', (dialect) => {
  let t: TestApp;
  let deps: MediaDeps;
  let author: User;
  let contributor: User;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    deps = { db: t.db, clock: t.clock, events: t.events, mediaDir: t.mediaDir, limits: LIMITS };
    author = await createUser(deps, { email: 'ben@example.org', name: 'Ben Okafor', role: 'author', password: 'correct horse battery' });
    contributor = await createUser(deps, { email: 'cy@example.org', name: 'Cy Ward', role: 'contributor', password: 'correct horse battery' });
  });
  afterAll(() => t?.destroy());

  async function mediaRows(): Promise<number> {
    return (await t.db.selectFrom('media').select('id').execute()).length;
  }

  /** The upload is refused for this reason, with this message, and leaves no file and no row. */
  async function expectRefused(input: Parameters<typeof uploadMedia>[2], reason: RefusalReason, message: RegExp): Promise<void> {
    const filesBefore = filesUnder(t.mediaDir);
    const rowsBefore = await mediaRows();
    const error = await uploadMedia(deps, author, input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MediaRefusedError);
    expect((error as MediaRefusedError).reason).toBe(reason);
    expect((error as MediaRefusedError).message).toMatch(message);
    expect(filesUnder(t.mediaDir)).toEqual(filesBefore);
    expect(await mediaRows()).toBe(rowsBefore);
  }

  it('stores a phone photo upright, stripped of EXIF and GPS, with what was written about it', async () => {
    const photo = await phonePhoto(2000, 1333);
    expect(photo.includes(EXIF_MARKERS.gpsDatum)).toBe(true); // the fixture carries what must go
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    const { item, isRepeat } = await uploadMedia(deps, author, {
      bytes: photo,
      filename: 'C:\\Users\\ben\\DCIM\\harbour.jpg',
      alt: ' Cranes over the harbour ',
      caption: 'The northern harbour at dawn.',
      credit: 'Photo: Ben Okafor',
    });
    expect(isRepeat).toBe(false);
    expect(item).toMatchObject({
      url: `/media/${item.id}-1600.jpg`,
      file: `${item.id}-1600.jpg`,
      width: 1600,
      height: 1066,
      mimeType: 'image/jpeg',
      originalName: 'harbour.jpg',
      originalWidth: 2000,
      originalHeight: 1333,
      alt: 'Cranes over the harbour',
      caption: 'The northern harbour at dawn.',
      credit: 'Photo: Ben Okafor',
    });
    const original = fs.readFileSync(originalPath(t.mediaDir, item.id));
    expect(original.length).toBe(item.size);
    const meta = await sharp(original).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 2000, height: 1333 });
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(original.includes(EXIF_MARKERS.gpsDatum)).toBe(false);
    expect(original.includes(EXIF_MARKERS.owner)).toBe(false);
    expect(original.includes('FixtureCam')).toBe(false);
    expect(filesUnder(t.mediaDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('serves every declared variant through the app at its width and format, with no EXIF', async () => {
    const { item } = await uploadMedia(deps, author, { bytes: await phonePhoto(1800, 1200), filename: 'convoy.jpg' });
    expect(item.variants.map((v) => `${v.width}.${v.format}`)).toEqual(['480.jpeg', '480.webp', '960.jpeg', '960.webp', '1600.jpeg', '1600.webp']);
    for (const variant of item.variants) {
      const res = await t.app.request(`/media/${variant.file}`);
      expect(res.status, variant.file).toBe(200);
      expect(res.headers.get('content-type')).toBe(variant.format === 'jpeg' ? 'image/jpeg' : 'image/webp');
      const body = Buffer.from(await res.arrayBuffer());
      const meta = await sharp(body).metadata();
      expect(meta, variant.file).toMatchObject({ format: variant.format, width: variant.width, height: variant.height });
      expect(meta.exif, variant.file).toBeUndefined();
      expect(body.includes(EXIF_MARKERS.gpsDatum)).toBe(false);
      expect(body.includes(EXIF_MARKERS.owner)).toBe(false);
    }
  });

  it('turns a photo taken sideways upright before storing it (EXIF orientation 6)', async () => {
    const { item } = await uploadMedia(deps, author, { bytes: await phonePhoto(1200, 900, { orientation: 6 }), filename: 'sideways.jpg' });
    expect(item).toMatchObject({ originalWidth: 900, originalHeight: 1200, width: 480, height: 640 });
    const meta = await sharp(fs.readFileSync(originalPath(t.mediaDir, item.id))).metadata();
    expect(meta).toMatchObject({ width: 900, height: 1200 });
    expect(meta.orientation ?? 1).toBe(1);
  });

  it('accepts PNG, WebP, AVIF and the first frame of a GIF, by their content whatever their names', async () => {
    const cases = [
      [await plainImage('png'), 'image/png'],
      [await plainImage('webp'), 'image/webp'],
      [await plainImage('avif'), 'image/avif'],
      [await animatedGif(40, 30), 'image/gif'],
    ] as const;
    for (const [bytes, mimeType] of cases) {
      const { item } = await uploadMedia(deps, author, { bytes, filename: 'named-wrongly.txt' });
      expect(item.mimeType).toBe(mimeType);
      const stored = await sharp(fs.readFileSync(originalPath(t.mediaDir, item.id))).metadata();
      expect(stored.pages ?? 1, mimeType).toBe(1);
      expect(item.originalHeight, mimeType).toBe(mimeType === 'image/gif' ? 30 : 48);
    }
  });

  it('refuses an HTML page named photo.jpg, and other files that are not images, by their content', async () => {
    await expectRefused({ bytes: HTML_PAGE, filename: 'photo.jpg' }, 'not-an-image', /^This file is not an image \(it looks like an HTML page\)/);
    await expectRefused({ bytes: PDF_FILE, filename: 'scan.jpg' }, 'not-an-image', /it looks like a PDF document/);
    await expectRefused({ bytes: TEXT_FILE, filename: 'notes.jpg' }, 'not-an-image', /it looks like a text file/);
    await expectRefused({ bytes: Buffer.alloc(0), filename: 'empty.png' }, 'not-an-image', /empty/);
  });

  it('refuses SVG, saying why', async () => {
    await expectRefused({ bytes: SVG_WITH_SCRIPT, filename: 'logo.png' }, 'not-an-image', /SVG drawings are not accepted: they can carry scripts/);
  });

  it('refuses a decompression bomb from its header, before decoding it, quickly', async () => {
    for (const [width, height] of [
      [30_000, 30_000],
      [10_000, 10_000], // under libvips' own default limit: only ours refuses it
    ] as const) {
      const bomb = pngBomb(width, height);
      expect(bomb.length).toBeLessThan(200_000);
      const started = performance.now();
      await expectRefused({ bytes: bomb, filename: 'tiny.png' }, 'too-many-pixels', new RegExp(`${width.toLocaleString('en')} × ${height.toLocaleString('en')} pixels .* the limit is 60 megapixels`));
      expect(performance.now() - started).toBeLessThan(500);
    }
  });

  it('refuses damaged images: a truncated JPEG, garbage behind a JPEG magic number', async () => {
    const photo = await phonePhoto(800, 600);
    await expectRefused({ bytes: photo.subarray(0, Math.floor(photo.length / 2)), filename: 'cut.jpg' }, 'malformed', /damaged or incomplete/);
    await expectRefused({ bytes: garbageWithJpegMagic(), filename: 'fake.jpg' }, 'malformed', /damaged or incomplete/);
  });

  it('refuses a file over the size limit, and stops reading a stream at the limit', async () => {
    const big = Buffer.concat([await phonePhoto(64, 64), Buffer.alloc(LIMITS.maxBytes)]);
    await expectRefused({ bytes: big, filename: 'big.jpg' }, 'too-large', /is 2\.\d MB; the limit is 2 MB/);
    let pulled = 0;
    const chunks = function* () {
      for (let i = 0; i < 100; i++) {
        pulled++;
        yield Buffer.alloc(64 * 1024, i === 0 ? 0xff : 0);
      }
    };
    await expectRefused({ stream: Readable.from(chunks()), filename: 'endless.jpg' }, 'too-large', /larger than the 2 MB limit/);
    expect(pulled).toBeLessThanOrEqual(34); // 2 MB is 32 chunks: the rest was never read
  });

  it('reads an upload from a stream', async () => {
    const photo = await phonePhoto(600, 400);
    const { item } = await uploadMedia(deps, author, { stream: Readable.from([photo.subarray(0, 1000), photo.subarray(1000)]), filename: 's.jpg' });
    expect(item).toMatchObject({ originalWidth: 600, mimeType: 'image/jpeg' });
  });

  it('refuses a contributor, storing nothing', async () => {
    const before = filesUnder(t.mediaDir);
    await expect(uploadMedia(deps, contributor, { bytes: await plainImage('png'), filename: 'x.png' })).rejects.toBeInstanceOf(ForbiddenError);
    expect(filesUnder(t.mediaDir)).toEqual(before);
  });

  it('answers a retried upload (same key) with the first result instead of a second copy', async () => {
    const bytes = await phonePhoto(700, 500);
    const key = 'upload-7f3a9c2e-retry';
    const first = await uploadMedia(deps, author, { bytes, filename: 'a.jpg', alt: 'First', idempotencyKey: key });
    const rows = await mediaRows();
    const files = filesUnder(t.mediaDir);
    const retry = await uploadMedia(deps, author, { stream: Readable.from([bytes]), filename: 'a.jpg', alt: 'First', idempotencyKey: key });
    expect(retry).toEqual({ item: first.item, isRepeat: true });
    expect(await mediaRows()).toBe(rows);
    expect(filesUnder(t.mediaDir)).toEqual(files);
    // Two tries racing each other store one image.
    const raced = await Promise.all([1, 2, 3].map(() => uploadMedia(deps, author, { bytes, filename: 'b.jpg', idempotencyKey: 'upload-race-0001' })));
    expect(new Set(raced.map((r) => r.item.id)).size).toBe(1);
    expect(await mediaRows()).toBe(rows + 1);
    expect(filesUnder(t.mediaDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // The key is the uploader's own: another person's same key is another upload.
    const editor = await createUser(deps, { email: 'ed@example.org', name: 'Ed Lane', role: 'editor', password: 'correct horse battery' });
    const theirs = await uploadMedia(deps, editor, { bytes, filename: 'a.jpg', idempotencyKey: key });
    expect(theirs.item.id).not.toBe(first.item.id);
  });
});
