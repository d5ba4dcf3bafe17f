import {
  type MediaDeps,
  type MediaItem,
  MediaListFilter,
  MediaRefusedError,
  megabytes,
  uploadMedia,
} from '../../media/index.js';
import { ValidationError } from '../../shared/errors.js';
import { prefersJson } from '../admin-errors.js';
import type { AdminContext } from '../shell/admin-area.js';
import { adminUserOf } from '../shell/admin-page.js';
import { libraryJsonItem } from './library-json.js';
import { REFUSAL_STATUS, problem } from './media-problems.js';
import { renderLibrary } from './render-library.js';

/** Files one form submission may carry; the whole body may be this many times the per-file limit. */
export const FILES_PER_SUBMISSION = 20;
const SUBMISSION_FACTOR = 4;
const FORM_OVERHEAD_BYTES = 1024 * 1024;

export function uploadBodyLimit(deps: MediaDeps): number {
  return deps.limits.maxBytes * SUBMISSION_FACTOR + FORM_OVERHEAD_BYTES;
}

/** Answers a body over the route's limit, before any of it is parsed. */
export function uploadTooLarge(deps: MediaDeps) {
  return (c: AdminContext): Response => {
    const detail = `This upload is larger than ${megabytes(uploadBodyLimit(deps) - FORM_OVERHEAD_BYTES)} in all; each image may be up to ${megabytes(deps.limits.maxBytes)}. Nothing was stored.`;
    if (prefersJson(c.req.header('accept'))) return problem(c, 413, detail);
    return c.redirect('/admin/media/?refused=too-large', 303);
  };
}

/**
 * POST /admin/media/upload: one image from the editor (Accept: application/json, answered
 * with the library item, an `Idempotency-Key` making a retry safe), or several from the
 * library's form, which works without JavaScript (303 back to the library, or the form
 * again with each refusal next to the files).
 */
export function uploadHandler(deps: MediaDeps) {
  return async (c: AdminContext): Promise<Response> => {
    const actor = adminUserOf(c);
    const isJson = prefersJson(c.req.header('accept'));
    const form = await c.req.parseBody({ all: true });
    const text = (name: string) => (typeof form[name] === 'string' ? (form[name] as string) : '');
    const files = [form.file].flat().filter((f): f is File => f instanceof File && (f.size > 0 || f.name !== ''));
    const details = { alt: text('alt'), caption: text('caption'), credit: text('credit') };

    if (isJson) {
      if (files.length !== 1) return problem(c, 400, 'Send exactly one image, in the form field “file”.');
      const key = c.req.header('idempotency-key') ?? (text('idempotencyKey') || undefined);
      try {
        const { item, isRepeat } = await uploadMedia(deps, actor, { bytes: await bytesOf(files[0]!), filename: files[0]!.name, ...details, idempotencyKey: key });
        if (isRepeat) c.header('idempotent-replayed', 'true');
        return c.json(libraryJsonItem(item), 201);
      } catch (error) {
        if (error instanceof MediaRefusedError) return problem(c, REFUSAL_STATUS[error.reason], error.message);
        if (error instanceof ValidationError) return problem(c, 400, Object.values(error.fields)[0] ?? error.message);
        throw error;
      }
    }

    const again = (message: string, errors: Record<string, string>) =>
      renderLibrary(c, deps, MediaListFilter.parse({}), { upload: { values: details, errors, message }, status: 400 });
    if (files.length === 0) return again('Choose one or more images to upload.', { file: 'Choose one or more images to upload.' });
    if (files.length > FILES_PER_SUBMISSION) {
      return again(`Upload at most ${FILES_PER_SUBMISSION} images at a time.`, { file: `You chose ${files.length} files; choose at most ${FILES_PER_SUBMISSION}.` });
    }
    const stored: MediaItem[] = [];
    const refused: string[] = [];
    let fieldErrors: Record<string, string> = {};
    for (const file of files) {
      try {
        stored.push((await uploadMedia(deps, actor, { bytes: await bytesOf(file), filename: file.name, ...details })).item);
      } catch (error) {
        if (error instanceof MediaRefusedError) refused.push(`${file.name || 'A file'}: ${error.message}`);
        else if (error instanceof ValidationError) {
          fieldErrors = { ...error.fields };
          break; // the same words go with every file: one correction serves them all
        } else throw error;
      }
    }
    if (refused.length === 0 && Object.keys(fieldErrors).length === 0) return c.redirect(`/admin/media/?done=uploaded&count=${stored.length}`, 303);
    const storedNote = stored.length > 0 ? ` ${stored.length === 1 ? 'One image was' : `${stored.length} images were`} uploaded; the rest were not.` : '';
    const message =
      refused.length > 0
        ? `${refused.length === 1 ? 'One file was' : `${refused.length} files were`} refused.${storedNote}`
        : 'Please correct the fields marked below. Nothing was uploaded.';
    return again(message, refused.length > 0 ? { ...fieldErrors, file: refused.join(' ') } : fieldErrors);
  };
}

async function bytesOf(file: File): Promise<Buffer> {
  return Buffer.from(await file.arrayBuffer());
}
