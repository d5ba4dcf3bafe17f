import { type MediaItem, type MediaLimits, MEDIA_TYPE_FILTERS, type MediaListFilter, mediaUrl, megabytes, srcsetOf } from '../../media/index.js';
import { CheckboxField, CsrfField, type FieldErrors, FormErrorSummary, SelectField, TextArea, TextField } from '../views/form-fields.js';
import { dimensionsLabel, displayName, typeLabel, thumbnailOf } from './media-format.js';

/** What the upload form shows again after a refusal: the words as typed, an error per field. */
export interface UploadFormState {
  values: { alt: string; caption: string; credit: string };
  errors?: FieldErrors;
  message?: string;
}

export interface MediaLibraryViewProps {
  items: MediaItem[];
  filter: MediaListFilter;
  hasMore: boolean;
  months: string[];
  csrfToken: string;
  limits: MediaLimits;
  upload?: UploadFormState;
}

// Thumbnails are a quarter of the column on a wide screen, half on a phone.
const THUMB_SIZES = '(min-width: 60em) 14rem, (min-width: 36em) 30vw, 45vw';
export const ACCEPT = 'image/jpeg,image/png,image/webp,image/gif,image/avif';

export function MediaLibraryView(props: MediaLibraryViewProps) {
  const { filter } = props;
  const isFiltered = Boolean(filter.q || filter.type || filter.month || filter.unused);
  return (
    <>
      <div class="admin-page-head">
        <h1>Media library</h1>
      </div>
      <UploadForm csrfToken={props.csrfToken} limits={props.limits} state={props.upload} />
      <section class="media-find" aria-labelledby="media-find-title">
        <h2 id="media-find-title">Find images</h2>
        <form method="get" action="/admin/media/" class="admin-toolbar" role="search">
          <TextField name="q" label="Words" type="search" value={filter.q} hint="In the file name, alt text, caption or credit" />
          <SelectField
            name="type"
            label="Type"
            value={filter.type}
            options={[{ value: '', label: 'Any type' }, ...MEDIA_TYPE_FILTERS.map((t) => ({ value: t, label: typeLabel(`image/${t}`) }))]}
          />
          <SelectField name="month" label="Uploaded in" value={filter.month} options={[{ value: '', label: 'Any month' }, ...props.months.map((m) => ({ value: m, label: monthLabel(m) }))]} />
          <CheckboxField name="unused" value="1" label="Only images nothing uses" checked={filter.unused === '1'} />
          <button type="submit">Find</button>
          {isFiltered ? <a href="/admin/media/">Show all</a> : null}
        </form>
      </section>
      <section aria-labelledby="media-grid-title">
        <h2 id="media-grid-title">{isFiltered ? 'Images found' : 'All images'}</h2>
        {props.items.length === 0 ? (
          <p>{isFiltered ? 'No image matches. Try fewer words or another filter.' : 'No images yet. Upload the first one above.'}</p>
        ) : (
          <ul class="media-grid">
            {props.items.map((item) => (
              <MediaCard item={item} />
            ))}
          </ul>
        )}
        <Pagination filter={filter} hasMore={props.hasMore} />
      </section>
    </>
  );
}

function UploadForm({ csrfToken, limits, state }: { csrfToken: string; limits: MediaLimits; state: UploadFormState | undefined }) {
  const errors = state?.errors;
  const fileError = errors?.file;
  return (
    <section class="admin-card media-upload" aria-labelledby="media-upload-title">
      <h2 id="media-upload-title">Upload images</h2>
      <FormErrorSummary message={state?.message} errors={errors} />
      <form method="post" action="/admin/media/upload" enctype="multipart/form-data" class="media-upload-form">
        <CsrfField token={csrfToken} />
        <div class={fileError ? 'admin-field admin-field-invalid' : 'admin-field'}>
          <label for="file">Images</label>
          <p class="admin-hint" id="file-hint">
            JPEG, PNG, WebP, GIF (its first frame) or AVIF, up to {megabytes(limits.maxBytes)} and {Math.round(limits.maxPixels / 1_000_000)} megapixels each.
            Choose several at once if you like. Location and camera data are removed.
          </p>
          <input
            id="file"
            type="file"
            name="file"
            accept={ACCEPT}
            multiple
            required
            aria-invalid={fileError ? 'true' : undefined}
            aria-describedby={fileError ? 'file-hint file-error' : 'file-hint'}
          />
          {fileError ? (
            <p class="admin-field-error" id="file-error">
              {fileError}
            </p>
          ) : null}
        </div>
        <TextField name="alt" label="Alt text" value={state?.values.alt} errors={errors} maxlength={500} hint="What the image shows, for people who cannot see it. Given to each image of this upload; edit each one later." />
        <TextArea name="caption" label="Caption" value={state?.values.caption} errors={errors} rows={2} maxlength={1000} />
        <TextField name="credit" label="Credit" value={state?.values.credit} errors={errors} maxlength={300} hint="For example: Photo: Agency / Name" />
        <button type="submit">Upload</button>
      </form>
    </section>
  );
}

function MediaCard({ item }: { item: MediaItem }) {
  const thumb = thumbnailOf(item);
  return (
    <li class="media-card">
      <a href={`/admin/media/${item.id}/`}>
        {thumb ? (
          <img
            src={mediaUrl(thumb.file)}
            srcset={srcsetOf(item, 'jpeg')}
            sizes={THUMB_SIZES}
            width={thumb.width}
            height={thumb.height}
            alt=""
            loading="lazy"
            decoding="async"
          />
        ) : null}
        <span class="media-card-alt">{item.alt ? item.alt : <em>No alt text: {displayName(item)}</em>}</span>
      </a>
      <span class="admin-muted">
        {typeLabel(item.mimeType)} · {dimensionsLabel(item)}
      </span>
    </li>
  );
}

function Pagination({ filter, hasMore }: { filter: MediaListFilter; hasMore: boolean }) {
  if (filter.page === 1 && !hasMore) return null;
  return (
    <nav class="media-pages" aria-label="Pages of images">
      {filter.page > 1 ? (
        <a href={libraryHref(filter, filter.page - 1)} rel="prev">
          Newer images
        </a>
      ) : null}
      <span>Page {filter.page}</span>
      {hasMore ? (
        <a href={libraryHref(filter, filter.page + 1)} rel="next">
          Older images
        </a>
      ) : null}
    </nav>
  );
}

/** The library's URL for this filter at this page: only the parameters that are set. */
export function libraryHref(filter: MediaListFilter, page: number): string {
  const params = new URLSearchParams();
  if (filter.q) params.set('q', filter.q);
  if (filter.type) params.set('type', filter.type);
  if (filter.month) params.set('month', filter.month);
  if (filter.unused) params.set('unused', filter.unused);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return `/admin/media/${query ? `?${query}` : ''}`;
}

function monthLabel(month: string): string {
  return new Date(`${month}-01T00:00:00Z`).toLocaleString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
}
