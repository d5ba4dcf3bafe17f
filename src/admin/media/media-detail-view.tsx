import { type MediaItem, type MediaUsage, isInUse, srcsetOf } from '../../media/index.js';
import { CsrfField, type FieldErrors, FormErrorSummary, TextArea, TextField } from '../views/form-fields.js';
import { dimensionsLabel, displayName, sizeLabel, typeLabel } from './media-format.js';

export interface MediaDetailViewProps {
  item: MediaItem;
  usage: MediaUsage;
  csrfToken: string;
  /** the details form as typed, after a refusal */
  values?: { alt: string; caption: string; credit: string };
  errors?: FieldErrors;
  /** why the delete was refused */
  deleteRefusal?: string;
}

const PREVIEW_SIZES = '(min-width: 60em) 40rem, 90vw';

export function MediaDetailView({ item, usage, csrfToken, values, errors, deleteRefusal }: MediaDetailViewProps) {
  const form = values ?? { alt: item.alt, caption: item.caption, credit: item.credit };
  const isUsed = isInUse(usage);
  return (
    <>
      <div class="admin-page-head">
        <h1>{displayName(item)}</h1>
        <a href="/admin/media/">Back to the library</a>
      </div>
      <div class="media-detail">
        <figure class="media-preview">
          <picture>
            <source type="image/webp" srcset={srcsetOf(item, 'webp')} sizes={PREVIEW_SIZES} />
            <img src={item.url} srcset={srcsetOf(item, 'jpeg')} sizes={PREVIEW_SIZES} width={item.width} height={item.height} alt={item.alt} />
          </picture>
        </figure>
        <div class="media-facts">
          <h2>About this image</h2>
          <dl>
            <dt>Type</dt>
            <dd>{typeLabel(item.mimeType)}</dd>
            <dt>Dimensions</dt>
            <dd>{dimensionsLabel(item)} pixels</dd>
            <dt>File size</dt>
            <dd>{sizeLabel(item.size)}</dd>
            <dt>Served at</dt>
            <dd>{[...new Set(item.variants.map((v) => v.width))].join(', ')} pixels wide, as JPEG and WebP</dd>
            <dt>Uploaded</dt>
            <dd>
              <time datetime={item.createdAt}>{item.createdAt.slice(0, 10)}</time>
            </dd>
            <dt>Address</dt>
            <dd>
              <code>{item.url}</code>
            </dd>
          </dl>
          <h2>Where it is used</h2>
          {isUsed ? <UsageList usage={usage} /> : <p>Nothing uses this image.</p>}
        </div>
      </div>
      <section class="admin-card media-edit" aria-labelledby="media-edit-title">
        <h2 id="media-edit-title">Alt text, caption and credit</h2>
        <FormErrorSummary errors={errors} />
        <form method="post" action={`/admin/media/${item.id}/`} class="media-edit-form">
          <CsrfField token={csrfToken} />
          <TextField name="alt" label="Alt text" value={form.alt} errors={errors} maxlength={500} hint="What the image shows, for people who cannot see it." />
          <TextArea name="caption" label="Caption" value={form.caption} errors={errors} rows={3} maxlength={1000} />
          <TextField name="credit" label="Credit" value={form.credit} errors={errors} maxlength={300} />
          <p class="admin-hint" id="media-edit-note">
            These are offered each time the image is inserted, and shown where the site reads them from the library: featured images, avatars and the logo.
            Articles and pages that already contain the image keep the alt text and caption they were saved with; edit those in the article.
          </p>
          <button type="submit">Save details</button>
        </form>
      </section>
      <section class="media-delete" aria-labelledby="media-delete-title">
        <h2 id="media-delete-title">Delete</h2>
        {deleteRefusal ? (
          <div class="admin-alert" role="alert">
            <p>{deleteRefusal}</p>
          </div>
        ) : null}
        <p>
          {isUsed
            ? 'This image cannot be deleted while it is used (see “Where it is used”). Remove it from those places first.'
            : 'Deleting removes the image and every size made of it. It cannot be undone.'}
        </p>
        <form method="post" action={`/admin/media/${item.id}/delete`}>
          <CsrfField token={csrfToken} />
          <button type="submit" class="media-delete-button">
            Delete this image
          </button>
        </form>
      </section>
    </>
  );
}

function UsageList({ usage }: { usage: MediaUsage }) {
  return (
    <ul class="media-usage">
      {usage.articles.map((a) => (
        <li>
          {a.isFeatured ? 'Featured image of the article' : 'In the body of the article'} “{a.title}” <span class="admin-badge">{a.status}</span>
        </li>
      ))}
      {usage.pages.map((p) => (
        <li>In the body of the page “{p.title}”</li>
      ))}
      {usage.users.map((u) => (
        <li>Avatar of {u.name}</li>
      ))}
      {usage.isSiteLogo ? <li>The site logo (Settings)</li> : null}
    </ul>
  );
}
