import { listMedia, listMediaMonthsFor, type MediaDeps, type MediaListFilter } from '../../media/index.js';
import type { AdminContext } from '../shell/admin-area.js';
import { adminChromeOf, adminPage, adminUserOf } from '../shell/admin-page.js';
import { MediaLibraryView, type UploadFormState } from './media-library-view.js';

/** The library page for a filter, with the upload form as given (after a refusal) or empty. */
export async function renderLibrary(
  c: AdminContext,
  deps: MediaDeps,
  filter: MediaListFilter,
  options: { upload?: UploadFormState; status?: 200 | 400; notice?: string } = {},
): Promise<Response> {
  const actor = adminUserOf(c);
  const [page, months] = await Promise.all([listMedia(deps.db, actor, filter), listMediaMonthsFor(deps.db, actor)]);
  return adminPage(c, {
    title: 'Media library',
    status: options.status ?? 200,
    ...(options.notice ? { notice: options.notice } : {}),
    children: (
      <MediaLibraryView
        items={page.items}
        filter={filter}
        hasMore={page.hasMore}
        months={months}
        csrfToken={adminChromeOf(c).csrfToken}
        limits={deps.limits}
        {...(options.upload ? { upload: options.upload } : {})}
      />
    ),
  });
}
