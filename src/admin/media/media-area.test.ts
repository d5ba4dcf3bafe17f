import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveArticle } from '../../content/index.js';
import { articleInput, createNewsroom, type Newsroom } from '../../../test/factories.js';
import { HTML_PAGE, phonePhoto, plainImage, pngBomb, SVG_WITH_SCRIPT } from '../../../test/image-fixtures.js';
import { filesUnder } from '../../../test/media-dir.js';
import { signInAs, type StaffBrowser } from '../../../test/admin-session.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

/** A multipart POST from a signed-in browser, as the upload form or the editor's script sends it. */
async function postMultipart(t: TestApp, who: StaffBrowser, path: string, form: FormData, headers: Record<string, string> = {}): Promise<Response> {
  const cookie = [...who.browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  return t.app.request(`${t.siteUrl}${path}`, { method: 'POST', body: form, headers: { cookie, origin: t.siteUrl, ...headers } });
}

function fileForm(files: { bytes: Buffer; name: string; type?: string }[], fields: Record<string, string> = {}): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const f of files) form.append('file', new File([new Uint8Array(f.bytes)], f.name, { type: f.type ?? 'image/jpeg' }));
  return form;
}

const json = (who: StaffBrowser) => ({ accept: 'application/json', 'x-csrf-token': who.csrf });

describe('the media area', () => {
  let t: TestApp;
  let author: StaffBrowser;
  let contributor: StaffBrowser;
  let n: Newsroom;
  beforeAll(async () => {
    t = await createTestApp('sqlite', { MEDIA_MAX_MB: '1' });
    author = await signInAs(t, 'author');
    contributor = await signInAs(t, 'contributor');
    n = await createNewsroom(t.db, t.clock, t.events);
  });
  afterAll(() => t?.destroy());

  async function uploadJson(bytes: Buffer, name: string, fields: Record<string, string> = {}, headers: Record<string, string> = {}) {
    return postMultipart(t, author, '/admin/media/upload', fileForm([{ bytes, name }], fields), { ...json(author), ...headers });
  }

  /** A JSON upload refused with this status and detail, leaving the media folder as it was. */
  async function expectProblem(bytes: Buffer, name: string, status: number, detail: RegExp): Promise<void> {
    const before = filesUnder(t.mediaDir);
    const res = await uploadJson(bytes, name);
    expect(res.status, name).toBe(status);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const body = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['detail', 'status', 'title', 'type']);
    expect(body.status).toBe(status);
    expect(body.detail).toMatch(detail);
    expect(filesUnder(t.mediaDir)).toEqual(before);
  }

  it('uploads one image for the editor: 201 and the library item, field for field', async () => {
    const res = await uploadJson(await phonePhoto(1200, 800), 'quay.jpg', { alt: 'The quay', caption: 'At dawn.', credit: 'Photo: Ana' });
    expect(res.status).toBe(201);
    const item = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(item).sort()).toEqual(['alt', 'caption', 'credit', 'file', 'height', 'id', 'mimeType', 'url', 'width']);
    expect(item).toMatchObject({ url: `/media/${item.id}-960.jpg`, file: `${item.id}-960.jpg`, width: 960, height: 640, alt: 'The quay', caption: 'At dawn.', credit: 'Photo: Ana', mimeType: 'image/jpeg' });
    expect((await t.app.request(item.url as string)).status).toBe(200);
  });

  it('refuses, with a problem the editor can show, what is not a usable image, and stores nothing', async () => {
    await expectProblem(HTML_PAGE, 'photo.jpg', 415, /^This file is not an image \(it looks like an HTML page\)/);
    await expectProblem(SVG_WITH_SCRIPT, 'drawing.svg', 415, /SVG drawings are not accepted/);
    await expectProblem(pngBomb(30_000, 30_000), 'tiny.png', 422, /30,000 × 30,000 pixels/);
    const photo = await phonePhoto(600, 400);
    await expectProblem(photo.subarray(0, photo.length / 2), 'cut.jpg', 422, /damaged or incomplete/);
    await expectProblem(Buffer.concat([photo, Buffer.alloc(1024 * 1024)]), 'big.jpg', 413, /the limit is 1 MB/);
  });

  it('refuses a body over the route’s limit before reading it', async () => {
    const before = filesUnder(t.mediaDir);
    const huge = await uploadJson(Buffer.alloc(6 * 1024 * 1024, 0xff), 'huge.jpg');
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as { detail: string }).detail).toMatch(/larger than 4 MB in all; each image may be up to 1 MB/);
    const form = await postMultipart(t, author, '/admin/media/upload', fileForm([{ bytes: Buffer.alloc(6 * 1024 * 1024), name: 'huge.jpg' }], { csrf: author.csrf }));
    expect(form.status).toBe(303);
    expect(form.headers.get('location')).toBe('/admin/media/?refused=too-large');
    const page = await author.get('/admin/media/?refused=too-large');
    expect(page.status).toBe(400);
    expect(await page.text()).toContain('That upload was too large in all, so nothing was stored.');
    expect(filesUnder(t.mediaDir)).toEqual(before);
  });

  it('answers a retried upload with the same Idempotency-Key with the first image', async () => {
    const bytes = await phonePhoto(500, 400);
    const count = async () => (await t.db.selectFrom('media').select('id').execute()).length;
    const first = await uploadJson(bytes, 'retry.jpg', {}, { 'idempotency-key': 'editor-upload-0001' });
    const rows = await count();
    const again = await uploadJson(bytes, 'retry.jpg', {}, { 'idempotency-key': 'editor-upload-0001' });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(await first.json());
    expect(await count()).toBe(rows);
  });

  it('uploads several files from the form without JavaScript, then shows them with the notice', async () => {
    const res = await postMultipart(
      t,
      author,
      '/admin/media/upload',
      fileForm(
        [
          { bytes: await phonePhoto(1000, 600), name: 'ferry-one.jpg' },
          { bytes: await plainImage('png', 500, 300), name: 'ferry-two.png', type: 'image/png' },
        ],
        { csrf: author.csrf, alt: 'The morning ferry' },
      ),
    );
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/media/?done=uploaded&count=2');
    const page = await author.get('/admin/media/?done=uploaded&count=2');
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('2 images uploaded.');
    expect(html.match(/The morning ferry/g)?.length).toBe(2);
    const thumb = /<img src="(\/media\/[a-z0-9]{26}-480\.jpg)" srcset="([^"]+)" sizes="([^"]+)" width="480"/.exec(html);
    expect(thumb, 'a 480 thumbnail with srcset and sizes').not.toBeNull();
    expect(thumb![2]).toMatch(/-480\.jpg 480w/);
    expect(html).toMatch(/srcset="\/media\/[a-z0-9]{26}-480\.jpg 480w, \/media\/[a-z0-9]{26}-960\.jpg 960w"/); // the 1000-wide one
  });

  it('shows the form again with the refusal beside the files and the words as typed', async () => {
    const res = await postMultipart(
      t,
      author,
      '/admin/media/upload',
      fileForm(
        [
          { bytes: HTML_PAGE, name: 'photo.jpg' },
          { bytes: await plainImage('webp'), name: 'fine.webp', type: 'image/webp' },
        ],
        { csrf: author.csrf, alt: 'Typed “alt” & kept', credit: 'Photo: Kept' },
      ),
    );
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('One file was refused. One image was uploaded; the rest were not.');
    expect(html).toMatch(/<p class="admin-field-error" id="file-error">photo\.jpg: This file is not an image \(it looks like an HTML page\)/);
    expect(html).toContain('value="Typed “alt” &amp; kept"');
    expect(html).toContain('value="Photo: Kept"');
    const none = await postMultipart(t, author, '/admin/media/upload', fileForm([], { csrf: author.csrf, alt: 'x' }));
    expect(none.status).toBe(400);
    expect(await none.text()).toContain('Choose one or more images to upload.');
  });

  it('lists the library as JSON for the editor, with find and pages', async () => {
    const res = await author.get('/admin/media/library.json?q=ferry&page=1');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: Record<string, unknown>[]; hasMore: boolean };
    expect(Object.keys(body).sort()).toEqual(['hasMore', 'items']);
    expect(body.hasMore).toBe(false);
    expect(body.items.map((i) => i.alt)).toEqual(['The morning ferry', 'The morning ferry']);
    expect(Object.keys(body.items[0]!).sort()).toEqual(['alt', 'caption', 'credit', 'file', 'height', 'id', 'mimeType', 'url', 'width']);
  });

  it('edits an image’s details on its page, keeping what was typed when refused', async () => {
    const created = (await (await uploadJson(await phonePhoto(800, 500), 'pier.jpg', { alt: 'Pier' })).json()) as { id: string };
    const page = await author.get(`/admin/media/${created.id}/`);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('800 × 500 pixels');
    expect(html).toContain('Nothing uses this image.');
    expect(html).toContain('keep the alt text and caption they were saved with');
    const saved = await author.post(`/admin/media/${created.id}/`, { alt: 'The old pier', caption: 'Built 1901.', credit: 'Photo: B' });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe(`/admin/media/${created.id}/?done=saved`);
    expect(await (await author.get(`/admin/media/${created.id}/?done=saved`)).text()).toContain('Details saved.');
    const refused = await author.post(`/admin/media/${created.id}/`, { alt: 'a'.repeat(501), caption: 'Typed caption', credit: '' });
    expect(refused.status).toBe(400);
    const again = await refused.text();
    expect(again).toContain('Keep the alt text under 500 characters.');
    expect(again).toContain('>\nTyped caption</textarea>');
  });

  it('refuses to delete an image an article uses, saying which; deletes it once unused', async () => {
    const created = (await (await uploadJson(await phonePhoto(700, 500), 'used.jpg')).json()) as { id: string; file: string };
    const article = await saveArticle(t, articleInput(n, { title: 'Harbour reopens', featuredMediaId: created.id }));
    const refused = await author.post(`/admin/media/${created.id}/delete`);
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('This image cannot be deleted while it is used: the featured image of the article “Harbour reopens”.');
    await saveArticle(t, articleInput(n, { title: 'Harbour reopens', featuredMediaId: null }), { articleId: article.id });
    const deleted = await author.post(`/admin/media/${created.id}/delete`);
    expect(deleted.status).toBe(303);
    expect(filesUnder(t.mediaDir).filter((f) => f.includes(created.id))).toEqual([]);
    expect((await author.get(`/admin/media/${created.id}/`)).status).toBe(404);
  });

  it('answers a contributor 403 on every media route, an existing image’s included, and stores nothing', async () => {
    const created = (await (await uploadJson(await phonePhoto(300, 200), 'mine.jpg')).json()) as { id: string };
    const before = filesUnder(t.mediaDir);
    const answers = [
      await contributor.get('/admin/media/'),
      await contributor.get('/admin/media/library.json'),
      await contributor.get(`/admin/media/${created.id}/`),
      await postMultipart(t, contributor, '/admin/media/upload', fileForm([{ bytes: await plainImage('png'), name: 'x.png' }]), json(contributor)),
      await contributor.post(`/admin/media/${created.id}/`, { alt: 'changed' }),
      await contributor.post(`/admin/media/${created.id}/delete`),
    ];
    expect(answers.map((r) => r.status)).toEqual([403, 403, 403, 403, 403, 403]);
    expect(filesUnder(t.mediaDir)).toEqual(before);
    expect((await t.db.selectFrom('media').select('alt').where('id', '=', created.id).executeTakeFirstOrThrow()).alt).toBe('');
  });

  it('refuses an upload without the session’s CSRF token', async () => {
    const res = await postMultipart(t, author, '/admin/media/upload', fileForm([{ bytes: await plainImage('png'), name: 'x.png' }]), { accept: 'application/json' });
    expect(res.status).toBe(403);
  });
});
