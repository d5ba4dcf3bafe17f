import type { ArticleFields, ArticleFormOptions } from '../../content/index.js';
import { CheckboxField, CsrfField, type FieldErrors, FormErrorSummary, SelectField, TextArea, TextField, textareaText } from '../views/form-fields.js';
import { formatStaffDate, STATUS_LABELS } from '../views/staff-dates.js';
import { SeoPreview } from './seo-preview.js';

/** The article being edited, as far as the form needs it; null id: a new article. */
export interface ArticleFormState {
  id: string | null;
  version: number;
  status: string;
  fields: ArticleFields;
  canPublish: boolean;
  canChooseAuthors: boolean;
  /** the applied article's public URL (published), its preview URL, its working copy */
  publicUrl: string | null;
  previewUrl: string | null;
  workingCopy: { savedBy: string | null; savedAt: string } | null;
  /** the site's address, for the search-result preview */
  siteOrigin: string;
  /** names of the authors, when this user may not choose them */
  authorNames: string[];
}

export interface ArticleFormViewProps {
  state: ArticleFormState;
  options: ArticleFormOptions;
  csrfToken: string;
  timeZone: string;
  errors?: FieldErrors | undefined;
  message?: string | undefined;
}

/**
 * The article form, complete without JavaScript. The body field is the editor island's
 * contract (docs: the island enhances `[data-editor-for=body]`, autosaves to the form's
 * `data-autosave-url` with its `data-version`, and reports in `.editor-status`).
 */
export function ArticleFormView({ state, options, csrfToken, timeZone, errors, message }: ArticleFormViewProps) {
  const { id, fields } = state;
  const action = id ? `/admin/articles/${id}/save` : '/admin/articles/new';
  const topicOptions = options.topics.map((t) => ({ value: t.id, label: `${'— '.repeat(t.depth)}${t.name}` }));
  const heading = id ? `Edit “${fields.title || 'Untitled'}”` : 'New article';
  // What was typed is shown again as typed, even when it is no date a date field holds.
  const isDateField = fields.publishAt === '' || /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(fields.publishAt);
  return (
    <section class="article-editor-page" aria-labelledby="article-form-title">
      <div class="admin-page-head">
        <h1 id="article-form-title">{heading}</h1>
        <p class="admin-muted">
          <span class="admin-badge">{STATUS_LABELS[state.status] ?? state.status}</span>
          {state.publicUrl ? (
            <>
              {' '}
              <a href={state.publicUrl}>View on the site</a>
            </>
          ) : null}
          {id ? (
            <>
              {' '}
              <a href={`/admin/articles/${id}/revisions`}>Revisions</a>
            </>
          ) : null}
        </p>
      </div>
      <FormErrorSummary message={message} errors={errors} />
      {state.workingCopy ? (
        <p class="admin-notice">
          You are editing a working copy autosaved{state.workingCopy.savedBy ? ` by ${state.workingCopy.savedBy}` : ''} on {formatStaffDate(state.workingCopy.savedAt, timeZone)}
          {state.status === 'published' ? '; readers see the published version until you update it.' : '; save it to keep it.'}
        </p>
      ) : null}
      <form
        id="article-form"
        method="post"
        action={action}
        class="article-form"
        data-autosave-url={id ? `/admin/articles/${id}/autosave` : undefined}
        // The browser's local copy is kept per article; a new one has a slot of its own.
        data-article-id={id ?? 'new-article'}
        data-version={String(state.version)}
      >
        <CsrfField token={csrfToken} /> <input type="hidden" name="version" value={String(state.version)} />
        <div class="article-form-main">
          <TextField name="title" label="Title" value={fields.title} errors={errors} required maxlength={300} />
          <TextArea name="dek" label="Dek (subtitle)" value={fields.dek} errors={errors} rows={2} maxlength={600} />
          <div class={errors?.body ? 'editor-field admin-field admin-field-invalid' : 'editor-field admin-field'}>
            <label for="body">Body</label>
            <textarea id="body" name="body" rows={20} aria-invalid={errors?.body ? 'true' : undefined} aria-describedby={errors?.body ? 'body-error' : undefined}>
              {textareaText(fields.body)}
            </textarea>
            <div data-editor-for="body" data-media-url="/admin/media/library.json" data-upload-url="/admin/media/upload"></div>
            {errors?.body ? (
              <p class="admin-field-error" id="body-error">
                {errors.body}
              </p>
            ) : null}
          </div>
        </div>
        <div class="article-form-side">
          <fieldset class="article-form-group">
            <legend>Publishing</legend>
            <TextField
              name="publishAt"
              label="Publish date and time"
              type={isDateField ? 'datetime-local' : 'text'}
              value={fields.publishAt}
              // To the second: an embargo may name one, and a stored time comes back as it was.
              step={isDateField ? 1 : undefined}
              errors={errors}
              hint={`In the site's time zone, ${timeZone}. Empty: now, when published. A time to come schedules it.`}
            />
            <ArticleButtons state={state} />
          </fieldset>
          <fieldset class="article-form-group">
            <legend>Address and topics</legend>
            <TextField name="slug" label="Slug" value={fields.slug} errors={errors} maxlength={120} hint="Part of the address; made from the title when empty." />
            <SelectField name="primaryTopicId" label="Primary topic" value={fields.primaryTopicId} errors={errors} required options={[{ value: '', label: 'Choose a topic' }, ...topicOptions]} />
            <SelectField name="topicIds" label="Other topics" value={fields.topicIds} errors={errors} multiple size={6} options={topicOptions} />
            <TextField name="tags" label="Tags" value={fields.tags} errors={errors} hint="Names, separated by commas; new ones are created." maxlength={2000} />
          </fieldset>
          <fieldset class="article-form-group">
            <legend>People and figure</legend>
            {state.canChooseAuthors ? (
              <SelectField name="authorIds" label="Authors" value={fields.authorIds} errors={errors} multiple size={5} options={options.people.map((p) => ({ value: p.id, label: p.name }))} />
            ) : (
              <p class="admin-field">
                <span class="article-form-label">Authors</span> {state.authorNames.join(', ')}
              </p>
            )}
            <SelectField
              name="featuredMediaId"
              label="Featured figure"
              value={fields.featuredMediaId}
              errors={errors}
              options={[{ value: '', label: 'None' }, ...options.images.map((m) => ({ value: m.id, label: m.label }))]}
            />
          </fieldset>
          <fieldset class="article-form-group">
            <legend>Source (syndicated pieces)</legend>
            <TextField name="sourceOutlet" label="Outlet" value={fields.sourceOutlet} errors={errors} maxlength={200} />
            <TextField name="sourceAuthor" label="Original author" value={fields.sourceAuthor} errors={errors} maxlength={200} />
            <TextField name="sourceCountry" label="Country" value={fields.sourceCountry} errors={errors} maxlength={100} />
            <TextField name="sourceUrl" label="Original URL" type="url" value={fields.sourceUrl} errors={errors} maxlength={2000} />
            <CheckboxField name="sourceIsCanonical" label="The original is the canonical copy" checked={fields.sourceIsCanonical} errors={errors} />
          </fieldset>
          <fieldset class="article-form-group">
            <legend>Search engines and comments</legend>
            <TextField name="seoTitle" label="SEO title" value={fields.seoTitle} errors={errors} maxlength={300} hint="Empty: the title." />
            <TextArea name="seoDescription" label="SEO description" value={fields.seoDescription} errors={errors} rows={3} maxlength={600} hint="Empty: the dek." />
            <SeoPreview
              title={fields.seoTitle || fields.title}
              url={`${state.siteOrigin}/${topicPathOf(options, fields.primaryTopicId)}${fields.slug || 'slug'}/`}
              description={fields.seoDescription || fields.dek}
            />
            <input type="hidden" name="commentsOpenShown" value="1" />
            <CheckboxField name="commentsOpen" label="Comments open" checked={fields.commentsOpen} errors={errors} />
          </fieldset>
        </div>
        <p class="editor-status" role="status" aria-live="polite"></p>
      </form>
    </section>
  );
}

function topicPathOf(options: ArticleFormOptions, topicId: string): string {
  const topic = options.topics.find((t) => t.id === topicId);
  return topic ? `${topic.path}/` : '';
}

/** The buttons this user has for this article in its state; the server checks each again. */
function ArticleButtons({ state }: { state: ArticleFormState }) {
  const { id, status, canPublish } = state;
  const isLive = status === 'published' || status === 'scheduled';
  const to = (path: string) => (id ? `/admin/articles/${id}/${path}` : undefined);
  return (
    <div class="article-form-buttons">
      {isLive ? (
        canPublish ? (
          <button type="submit" name="action" value="save">
            Update
          </button>
        ) : null
      ) : (
        <button type="submit" name="action" value="save">
          {status === 'pending' ? 'Save' : status === 'withdrawn' ? 'Save' : 'Save draft'}
        </button>
      )}
      {!isLive && status !== 'pending' && !canPublish ? (
        <button type="submit" name="action" value="submit" class="admin-button-secondary">
          Submit for review
        </button>
      ) : null}
      {!isLive && canPublish ? (
        <button type="submit" name="action" value="publish">
          Publish or schedule
        </button>
      ) : null}
      {id && isLive && canPublish ? (
        <button type="submit" formaction={to('unpublish')} formnovalidate class="admin-button-secondary">
          Unpublish
        </button>
      ) : null}
      {id && status === 'published' && canPublish ? (
        <button type="submit" formaction={to('withdraw')} formnovalidate class="admin-button-secondary">
          Withdraw
        </button>
      ) : null}
      {id ? (
        <button type="submit" formaction={to('preview-link')} formnovalidate class="admin-button-secondary">
          {state.previewUrl ? 'New preview link' : 'Preview link'}
        </button>
      ) : null}
      {id && state.previewUrl ? (
        <>
          <button type="submit" formaction={to('preview-link/revoke')} formnovalidate class="admin-button-secondary">
            Revoke preview link
          </button>
          <p class="admin-hint">
            Preview (the last saved version, not an unsaved working copy): <a href={state.previewUrl}>{state.siteOrigin}{state.previewUrl}</a>
          </p>
        </>
      ) : null}
      {id ? (
        <button type="submit" formaction={to('trash')} formnovalidate class="admin-button-secondary">
          Move to trash
        </button>
      ) : null}
    </div>
  );
}
