import { CsrfField, type FieldErrors, FormErrorSummary, TextField, textareaText } from '../views/form-fields.js';

export interface PageFormValues {
  title: string;
  slug: string;
  body: string;
}

export interface PageListItem {
  id: string;
  slug: string;
  title: string;
  status: string;
  updatedAt: Date;
}

/** Standalone pages (About, Privacy) at /<slug>/, drafts and published. */
export function PageListView({ pages, csrfToken }: { pages: PageListItem[]; csrfToken: string }) {
  return (
    <section aria-labelledby="pages-title">
      <div class="admin-page-head">
        <h1 id="pages-title">Pages</h1>
        <a href="/admin/pages/new">New page</a>
      </div>
      {pages.length === 0 ? (
        <p>No pages yet.</p>
      ) : (
        <table class="admin-table">
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Address</th>
              <th scope="col">Status</th>
              <th scope="col">Updated</th>
              <th scope="col">
                <span class="admin-visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {pages.map((p) => (
              <tr>
                <th scope="row">
                  <a href={`/admin/pages/${p.id}/edit`}>{p.title}</a>
                </th>
                <td>
                  <code>{`/${p.slug}/`}</code>
                </td>
                <td>
                  <span class="admin-badge">{p.status === 'published' ? 'Published' : 'Draft'}</span>
                </td>
                <td>
                  <time datetime={p.updatedAt.toISOString()}>{p.updatedAt.toISOString().slice(0, 10)}</time>
                </td>
                <td>
                  <PublishToggle page={p} csrfToken={csrfToken} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function PublishToggle({ page, csrfToken }: { page: Pick<PageListItem, 'id' | 'title' | 'status'>; csrfToken: string }) {
  const isPublished = page.status === 'published';
  return (
    <form method="post" action={`/admin/pages/${page.id}/${isPublished ? 'unpublish' : 'publish'}`} class="admin-inline-form">
      <CsrfField token={csrfToken} />
      <button type="submit" class="admin-link-button" aria-label={`${isPublished ? 'Unpublish' : 'Publish'} ${page.title}`}>
        {isPublished ? 'Unpublish' : 'Publish'}
      </button>
    </form>
  );
}

export interface PageFormViewProps {
  heading: string;
  action: string;
  csrfToken: string;
  values: PageFormValues;
  errors?: FieldErrors | undefined;
  message?: string | undefined;
  /** when editing */
  existing?: { id: string; title: string; slug: string; status: string } | undefined;
}

/**
 * A page's title, slug and body. The body is a textarea the editor island enhances (its
 * markup contract: the textarea, then a `data-editor-for` element naming it); without the
 * island it is edited as HTML, sanitized when saved.
 */
export function PageFormView(props: PageFormViewProps) {
  const { values, errors, existing } = props;
  const bodyError = errors?.body;
  return (
    <section aria-labelledby="page-form-title">
      <p>
        <a href="/admin/pages/">All pages</a>
      </p>
      <h1 id="page-form-title">{props.heading}</h1>
      {existing ? (
        <p>
          <span class="admin-badge">{existing.status === 'published' ? 'Published' : 'Draft'}</span>{' '}
          {existing.status === 'published' ? <a href={`/${existing.slug}/`}>{`/${existing.slug}/`}</a> : <span class="admin-muted">not on the site</span>}
        </p>
      ) : null}
      <FormErrorSummary message={props.message} errors={errors} />
      <form method="post" action={props.action} class="admin-card admin-stack" data-article-id={`page-${existing?.id ?? 'new'}`}>
        <CsrfField token={props.csrfToken} />
        <TextField name="title" label="Title" value={values.title} errors={errors} required maxlength={300} />
        <TextField
          name="slug"
          label="Slug"
          value={values.slug}
          errors={errors}
          maxlength={120}
          hint="The page lives at /<slug>/, beside the top-level topics; made from the title when left empty."
        />
        <div class={bodyError ? 'admin-field admin-field-invalid' : 'admin-field'}>
          <label for="body">Body</label>
          <textarea id="body" name="body" rows={16} aria-invalid={bodyError ? 'true' : undefined} aria-describedby={bodyError ? 'body-error' : undefined}>
            {textareaText(values.body)}
          </textarea>
          <div data-editor-for="body" data-media-url="/admin/media/library.json" data-upload-url="/admin/media/upload"></div>
          {bodyError ? (
            <p class="admin-field-error" id="body-error">
              {bodyError}
            </p>
          ) : null}
        </div>
        <div class="admin-actions">
          {existing ? (
            <button type="submit">Save</button>
          ) : (
            <>
              <button type="submit" name="status" value="published">
                Publish
              </button>
              <button type="submit" name="status" value="draft" class="admin-button-secondary">
                Save as draft
              </button>
            </>
          )}
        </div>
      </form>
      {existing ? (
        <div class="admin-actions">
          <PublishToggle page={existing} csrfToken={props.csrfToken} />
          <form method="post" action={`/admin/pages/${existing.id}/delete`} class="admin-inline-form">
            <CsrfField token={props.csrfToken} />
            <button type="submit" class="admin-button-secondary">
              Delete {existing.title}
            </button>
          </form>
        </div>
      ) : null}
    </section>
  );
}
