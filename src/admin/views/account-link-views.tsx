import type { Child } from 'hono/jsx';
import { AdminLayout } from './admin-layout.js';
import { type FieldErrors, FormErrorSummary, TextField } from './form-fields.js';

/*
 * The pages a person reaches without a session: the second step of a sign-in, the
 * forgotten-password form, and the forms behind an emailed link (reset, invitation).
 */

interface AnonymousPageProps {
  cssUrl: string;
  title: string;
  children: Child;
}

function AnonymousPage({ cssUrl, title, children }: AnonymousPageProps) {
  return (
    <AdminLayout title={title} cssUrl={cssUrl}>
      <section class="admin-card admin-login" aria-labelledby="page-title">
        <h1 id="page-title">{title}</h1>
        {children}
      </section>
    </AdminLayout>
  );
}

function Notice({ text }: { text?: string | undefined }) {
  return text ? (
    <p class="admin-notice" role="status">
      {text}
    </p>
  ) : null;
}

export interface SecondFactorViewProps {
  cssUrl: string;
  csrfToken: string;
  next: string;
  error?: string | undefined;
}

export function SecondFactorView({ cssUrl, csrfToken, next, error }: SecondFactorViewProps) {
  return (
    <AnonymousPage cssUrl={cssUrl} title="Two-factor sign-in">
      {error ? (
        <p class="admin-alert" role="alert" id="code-error">
          {error}
        </p>
      ) : null}
      <form method="post" action="/admin/login/code" class="admin-form" aria-describedby={error ? 'code-error' : 'code-hint'}>
        <input type="hidden" name="csrf" value={csrfToken} />
        {next !== '/admin/' ? <input type="hidden" name="next" value={next} /> : null}
        <label for="login-code">Code</label>
        <p class="admin-hint" id="code-hint">
          The 6-digit code from your authenticator app, or one of your recovery codes.
        </p>
        <input
          id="login-code"
          name="code"
          type="text"
          inputmode="text"
          autocomplete="one-time-code"
          required
          maxlength={40}
          autofocus
          aria-invalid={error ? 'true' : undefined}
        />
        <button type="submit">Verify</button>
      </form>
      <p>
        <a href="/admin/login">Start again</a>
      </p>
    </AnonymousPage>
  );
}

export interface ForgotViewProps {
  cssUrl: string;
  csrfToken: string;
  email: string;
  errors?: FieldErrors | undefined;
  message?: string | undefined;
  /** the one answer after a request, whether or not the address has an account */
  sentNotice?: string | undefined;
}

export function ForgotView({ cssUrl, csrfToken, email, errors, message, sentNotice }: ForgotViewProps) {
  return (
    <AnonymousPage cssUrl={cssUrl} title="Forgot your password?">
      <Notice text={sentNotice} />
      <FormErrorSummary message={message} errors={errors} />
      <p>Enter the email address you sign in with, and we will send you a link to choose a new password.</p>
      <form method="post" action="/admin/forgot" class="admin-form" novalidate>
        <input type="hidden" name="csrf" value={csrfToken} />
        <TextField name="email" label="Email" type="email" value={email} autocomplete="username" required maxlength={254} errors={errors} />
        <button type="submit">Send the link</button>
      </form>
      <p>
        <a href="/admin/login">Back to sign in</a>
      </p>
    </AnonymousPage>
  );
}

export interface ResetViewProps {
  cssUrl: string;
  csrfToken: string;
  token: string;
  errors?: FieldErrors | undefined;
  message?: string | undefined;
}

export function ResetView({ cssUrl, csrfToken, token, errors, message }: ResetViewProps) {
  return (
    <AnonymousPage cssUrl={cssUrl} title="Choose a new password">
      <FormErrorSummary message={message} errors={errors} />
      <form method="post" action="/admin/reset" class="admin-form" novalidate>
        <input type="hidden" name="csrf" value={csrfToken} />
        <input type="hidden" name="token" value={token} />
        <TextField
          name="password"
          label="New password"
          type="password"
          autocomplete="new-password"
          required
          maxlength={200}
          hint="At least 10 characters. Setting it signs you out on every device."
          errors={errors}
        />
        <button type="submit">Set the password</button>
      </form>
    </AnonymousPage>
  );
}

export interface AcceptInviteViewProps {
  cssUrl: string;
  csrfToken: string;
  token: string;
  email: string;
  name: string;
  errors?: FieldErrors | undefined;
  message?: string | undefined;
}

export function AcceptInviteView({ cssUrl, csrfToken, token, email, name, errors, message }: AcceptInviteViewProps) {
  return (
    <AnonymousPage cssUrl={cssUrl} title="Join the newsroom">
      <FormErrorSummary message={message} errors={errors} />
      <p>
        You were invited as <strong>{email}</strong>. Choose the name readers will see on your articles, and a password.
      </p>
      <form method="post" action="/admin/accept-invite" class="admin-form" novalidate>
        <input type="hidden" name="csrf" value={csrfToken} />
        <input type="hidden" name="token" value={token} />
        <TextField name="name" label="Your name" value={name} autocomplete="name" required maxlength={120} errors={errors} />
        <TextField name="password" label="Password" type="password" autocomplete="new-password" required maxlength={200} hint="At least 10 characters." errors={errors} />
        <button type="submit">Create my account</button>
      </form>
    </AnonymousPage>
  );
}

/** A link that no longer works, said plainly with the way on. */
export function DeadLinkView({ cssUrl, what }: { cssUrl: string; what: 'reset' | 'invitation' }) {
  return (
    <AnonymousPage cssUrl={cssUrl} title={what === 'reset' ? 'This reset link no longer works' : 'This invitation no longer works'}>
      <p>
        {what === 'reset'
          ? 'Reset links work once and for an hour. You can ask for a new one.'
          : 'Invitation links work once and for 7 days. Ask the person who invited you to send a new one.'}
      </p>
      <p>{what === 'reset' ? <a href="/admin/forgot">Ask for a new link</a> : <a href="/admin/login">Go to the sign-in page</a>}</p>
    </AnonymousPage>
  );
}
