import { z } from 'zod';
import {
  deleteMedia,
  listMedia,
  type MediaDeps,
  MediaListFilter,
  openMedia,
  updateMediaDetails,
} from '../../media/index.js';
import { ConflictError, ValidationError } from '../../shared/errors.js';
import type { AdminDeps } from '../admin-deps.js';
import type { AdminArea, AdminContext } from '../shell/admin-area.js';
import { adminChromeOf, adminPage, adminUserOf } from '../shell/admin-page.js';
import { libraryJsonItem } from './library-json.js';
import { MediaDetailView } from './media-detail-view.js';
import { displayName } from './media-format.js';
import { renderLibrary } from './render-library.js';
import { uploadBodyLimit, uploadHandler, uploadTooLarge } from './upload-route.js';

const ID = '[0-9a-hjkmnp-tv-z]{26}';
const SAMPLE_ID = '01jd0000000000000000000000';

/** What the library's address may say after a write (POST/redirect/GET). */
const Outcome = z.object({
  done: z.enum(['uploaded', 'deleted', 'saved']).optional().catch(undefined),
  count: z.coerce.number().int().min(1).max(1000).optional().catch(undefined),
  refused: z.enum(['too-large']).optional().catch(undefined),
});

/**
 * The media library (access `upload_media`: authors, editors, administrators; never
 * contributors): the grid with find and filters, the upload form, a page per image, and
 * the JSON the editor's picker reads.
 */
export function mediaArea(admin: AdminDeps): AdminArea {
  const deps: MediaDeps = {
    db: admin.db,
    clock: admin.clock,
    events: admin.events,
    mediaDir: admin.mediaDir,
    limits: { maxBytes: admin.config.mediaMaxBytes, maxPixels: admin.config.mediaMaxPixels },
  };
  return {
    name: 'media',
    nav: [{ label: 'Media', href: '/admin/media/', access: 'upload_media', order: 30 }],
    routes: [
      { method: 'GET', path: '/media/', access: 'upload_media', handler: (c) => libraryPage(c, deps) },
      {
        method: 'GET',
        path: '/media/library.json',
        access: 'upload_media',
        handler: async (c) => {
          const filter = MediaListFilter.safeParse(c.req.query());
          const page = await listMedia(deps.db, adminUserOf(c), filter.success ? filter.data : MediaListFilter.parse({}));
          return c.json({ items: page.items.map(libraryJsonItem), hasMore: page.hasMore });
        },
      },
      {
        method: 'POST',
        path: '/media/upload',
        access: 'upload_media',
        handler: uploadHandler(deps),
        bodyLimit: { maxBytes: uploadBodyLimit(deps), onTooLarge: uploadTooLarge(deps) },
      },
      { method: 'GET', path: `/media/:id{${ID}}/`, sample: `/media/${SAMPLE_ID}/`, access: 'upload_media', handler: (c) => detailPage(c, deps) },
      { method: 'POST', path: `/media/:id{${ID}}/`, sample: `/media/${SAMPLE_ID}/`, access: 'upload_media', handler: (c) => saveDetails(c, deps) },
      { method: 'POST', path: `/media/:id{${ID}}/delete`, sample: `/media/${SAMPLE_ID}/delete`, access: 'upload_media', handler: (c) => deleteImage(c, deps) },
    ],
  };
}

async function libraryPage(c: AdminContext, deps: MediaDeps): Promise<Response> {
  const parsed = MediaListFilter.safeParse(c.req.query());
  const filter = parsed.success ? parsed.data : MediaListFilter.parse({});
  const outcome = Outcome.parse(c.req.query());
  const notice =
    outcome.done === 'uploaded'
      ? `${outcome.count === 1 || !outcome.count ? 'Image' : `${outcome.count} images`} uploaded.`
      : outcome.done === 'deleted'
        ? 'Image deleted.'
        : undefined;
  if (outcome.refused === 'too-large') {
    const limit = Math.round(deps.limits.maxBytes / (1024 * 1024));
    const message = `That upload was too large in all, so nothing was stored. Each image may be up to ${limit} MB; choose fewer at a time.`;
    return renderLibrary(c, deps, filter, { upload: { values: { alt: '', caption: '', credit: '' }, message, errors: { file: message } }, status: 400 });
  }
  return renderLibrary(c, deps, filter, notice ? { notice } : {});
}

async function detailPage(c: AdminContext, deps: MediaDeps): Promise<Response> {
  const { item, usage } = await openMedia(deps, adminUserOf(c), c.req.param('id')!);
  const outcome = Outcome.parse(c.req.query());
  return adminPage(c, {
    title: displayName(item),
    ...(outcome.done === 'saved' ? { notice: 'Details saved.' } : {}),
    children: <MediaDetailView item={item} usage={usage} csrfToken={adminChromeOf(c).csrfToken} />,
  });
}

async function saveDetails(c: AdminContext, deps: MediaDeps): Promise<Response> {
  const id = c.req.param('id')!;
  const form = await c.req.parseBody();
  const values = { alt: String(form.alt ?? ''), caption: String(form.caption ?? ''), credit: String(form.credit ?? '') };
  try {
    await updateMediaDetails(deps, adminUserOf(c), id, values);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const { item, usage } = await openMedia(deps, adminUserOf(c), id);
    return adminPage(c, {
      title: displayName(item),
      status: 400,
      children: <MediaDetailView item={item} usage={usage} csrfToken={adminChromeOf(c).csrfToken} values={values} errors={error.fields} />,
    });
  }
  return c.redirect(`/admin/media/${id}/?done=saved`, 303);
}

async function deleteImage(c: AdminContext, deps: MediaDeps): Promise<Response> {
  const id = c.req.param('id')!;
  try {
    await deleteMedia(deps, adminUserOf(c), id);
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    const { item, usage } = await openMedia(deps, adminUserOf(c), id);
    return adminPage(c, {
      title: displayName(item),
      status: 409,
      children: <MediaDetailView item={item} usage={usage} csrfToken={adminChromeOf(c).csrfToken} deleteRefusal={error.message} />,
    });
  }
  return c.redirect('/admin/media/?done=deleted', 303);
}

