import { CsrfField, type FieldErrors, FormErrorSummary, SelectField, TextField } from '../views/form-fields.js';

export interface PrivacyFormValues {
  exportEmail: string;
  eraseEmail: string;
  mode: string;
}

export const ERASE_MODES = [
  { value: 'anonymize', label: 'Anonymize: keep the words, remove name, email, website, IP hash and browser' },
  { value: 'delete', label: 'Delete the comments (replies by others stay)' },
] as const;

/** A commenter's requests about their data: a copy of it, or its erasure. */
export function PrivacyView(props: {
  csrfToken: string;
  values: PrivacyFormValues;
  exportErrors?: FieldErrors | undefined;
  eraseErrors?: FieldErrors | undefined;
}) {
  return (
    <section aria-labelledby="privacy-title">
      <p>
        <a href="/admin/comments/">Back to the comments</a>
      </p>
      <h1 id="privacy-title">Export or erase a commenter’s comments</h1>
      <p>When a commenter asks for a copy of what is stored about their comments, or for it to be erased, find it by the email address they wrote with.</p>
      <h2 id="export-title">Export</h2>
      <FormErrorSummary errors={props.exportErrors} />
      <form method="post" action="/admin/comments/privacy/export" class="admin-card admin-stack" aria-labelledby="export-title">
        <CsrfField token={props.csrfToken} />
        <TextField name="exportEmail" label="Email address" type="email" value={props.values.exportEmail} errors={props.exportErrors} required maxlength={254} hint="Downloads a JSON file of every comment written with it." />
        <button type="submit">Download the comments</button>
      </form>
      <h2 id="erase-title">Erase</h2>
      <FormErrorSummary errors={props.eraseErrors} />
      <form method="post" action="/admin/comments/privacy/erase" class="admin-card admin-stack" aria-labelledby="erase-title">
        <CsrfField token={props.csrfToken} />
        <TextField name="eraseEmail" label="Email address" type="email" value={props.values.eraseEmail} errors={props.eraseErrors} required maxlength={254} />
        <SelectField name="mode" label="How" options={ERASE_MODES} value={props.values.mode} errors={props.eraseErrors} />
        <button type="submit">Continue</button>
      </form>
    </section>
  );
}

/** The second step of an erasure: how many comments, and one button that erases them. */
export function EraseConfirmView(props: { csrfToken: string; email: string; mode: 'anonymize' | 'delete'; count: number }) {
  const what = props.count === 1 ? 'the 1 comment' : `the ${props.count} comments`;
  return (
    <section aria-labelledby="erase-confirm-title">
      <p>
        <a href="/admin/comments/privacy">Back</a>
      </p>
      <h1 id="erase-confirm-title">{props.mode === 'delete' ? `Delete ${what} written with ${props.email}?` : `Anonymize ${what} written with ${props.email}?`}</h1>
      <p>
        {props.mode === 'delete'
          ? 'The comments are deleted; replies written by others stay and move up a level. This cannot be undone.'
          : 'The words stay where they are, signed “Anonymous”; the name, email, website, IP hash and browser are removed. This cannot be undone.'}
      </p>
      <form method="post" action="/admin/comments/privacy/erase" class="admin-danger">
        <CsrfField token={props.csrfToken} />
        <input type="hidden" name="eraseEmail" value={props.email} />
        <input type="hidden" name="mode" value={props.mode} />
        <input type="hidden" name="confirm" value="yes" />
        <button type="submit" class="admin-button-danger">
          {props.mode === 'delete' ? `Delete ${what}` : `Anonymize ${what}`}
        </button>{' '}
        <a href="/admin/comments/privacy">Cancel</a>
      </form>
    </section>
  );
}
