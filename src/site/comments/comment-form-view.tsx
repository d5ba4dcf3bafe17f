/**
 * The "Leave a Comment" form. On the cached article page it carries nothing personal and
 * no token (the page script fetches one, and fills remembered details from the reader's
 * own cookie); the uncached pages that answer a post (a mistake, a form sent without the
 * script, an expired token) and the no-script reply page show it with every field as
 * typed, the problems next to their fields, and a token minted for that response.
 */
import { COMMENT_BODY_MAX } from '../../comments/index.js';

export const COMMENT_FIELDS = ['name', 'email', 'website', 'body'] as const;
export type CommentFieldName = (typeof COMMENT_FIELDS)[number];
/** The field a person never sees: a bot that fills every input fills it. */
export const HONEYPOT_FIELD = 'homepage';

export interface CommentFormValues {
  name: string;
  email: string;
  website: string;
  body: string;
  remember: boolean;
  /** email me when someone replies (one-click unsubscribe in each message) */
  notifyReplies: boolean;
}

export const EMPTY_COMMENT_FORM: CommentFormValues = { name: '', email: '', website: '', body: '', remember: false, notifyReplies: false };

export interface CommentFormProps {
  articleId: string;
  /** the comment this one answers, when replying */
  parentId?: string | undefined;
  values?: CommentFormValues | undefined;
  /** field (or "form") → the message shown next to it */
  errors?: Partial<Record<CommentFieldName | 'form' | 'parentId', string>> | undefined;
  token?: string | undefined;
  /** said above the form, e.g. "press Post comment to send it" */
  message?: string | undefined;
  heading?: string | undefined;
}

export function CommentForm(props: CommentFormProps) {
  const values = props.values ?? EMPTY_COMMENT_FORM;
  const errors = props.errors ?? {};
  const formError = errors.form ?? errors.parentId;
  return (
    <section class="comment-respond" id="respond" aria-labelledby="respond-title">
      <h2 id="respond-title" class="section-title">
        {props.heading ?? 'Leave a Comment'}
      </h2>
      <form class="comment-form" method="post" action="/comments/" data-comment-form novalidate>
        {props.message && (
          <p class="comment-form-message" role="status">
            {props.message}
          </p>
        )}
        <p class="comment-form-error" id="comment-form-error" role="alert" hidden={!formError}>
          {formError ?? ''}
        </p>
        <input type="hidden" name="articleId" value={props.articleId} />
        <input type="hidden" name="parentId" value={props.parentId ?? ''} />
        <input type="hidden" name="token" value={props.token ?? ''} />
        <Field name="body" label="Comment" error={errors.body} hint="Paragraphs, *emphasis*, **bold**, [links](https://…), > quotes and `code`.">
          <textarea id="comment-body" name="body" rows={6} required maxlength={COMMENT_BODY_MAX} aria-describedby={describedBy('body', true)} aria-invalid={errors.body ? 'true' : undefined}>
            {`\n${values.body}`}
          </textarea>
        </Field>
        <div class="comment-form-row">
          <Field name="name" label="Name" error={errors.name}>
            <input id="comment-name" name="name" type="text" required maxlength={80} autocomplete="name" value={values.name} aria-describedby={describedBy('name', false)} aria-invalid={errors.name ? 'true' : undefined} />
          </Field>
          <Field name="email" label="Email" error={errors.email} hint="Never shown or shared.">
            <input id="comment-email" name="email" type="email" required maxlength={254} autocomplete="email" value={values.email} aria-describedby={describedBy('email', true)} aria-invalid={errors.email ? 'true' : undefined} />
          </Field>
          <Field name="website" label="Website (optional)" error={errors.website}>
            <input id="comment-website" name="website" type="url" maxlength={200} autocomplete="url" value={values.website} aria-describedby={describedBy('website', false)} aria-invalid={errors.website ? 'true' : undefined} />
          </Field>
        </div>
        <div class="comment-hp" aria-hidden="true">
          <label for="comment-homepage">Leave this field empty</label>
          <input id="comment-homepage" name={HONEYPOT_FIELD} type="text" tabindex={-1} autocomplete="off" value="" />
        </div>
        <p class="comment-remember">
          <input id="comment-remember" name="remember" type="checkbox" value="1" checked={values.remember} />
          <label for="comment-remember">Remember my name, email and website in this browser</label>
        </p>
        <p class="comment-remember">
          <input id="comment-notify" name="notifyReplies" type="checkbox" value="1" checked={values.notifyReplies} />
          <label for="comment-notify">Email me when someone replies to my comment</label>
        </p>
        <p class="comment-submit">
          <button type="submit">Post comment</button>
          {props.parentId && (
            <a class="comment-cancel-reply" href="#respond" data-cancel-reply>
              Cancel reply
            </a>
          )}
        </p>
      </form>
    </section>
  );
}

function Field(props: { name: CommentFieldName; label: string; error?: string | undefined; hint?: string; children: unknown }) {
  return (
    <p class={props.error ? 'comment-field comment-field-invalid' : 'comment-field'}>
      <label for={`comment-${props.name}`}>{props.label}</label>
      {props.hint && (
        <span class="comment-hint" id={`comment-${props.name}-hint`}>
          {props.hint}
        </span>
      )}
      {props.children as never}
      <span class="comment-error" id={`comment-${props.name}-error`} hidden={!props.error}>
        {props.error ?? ''}
      </span>
    </p>
  );
}

/** The error's element is always there (empty when there is none), so the script can fill it in place. */
function describedBy(name: CommentFieldName, hasHint: boolean): string {
  return [hasHint ? `comment-${name}-hint` : '', `comment-${name}-error`].filter(Boolean).join(' ');
}
