import { AdminLayout } from './admin-layout.js';

export interface LoginViewProps {
  cssUrl: string;
  csrfToken: string;
  /** the email as the user typed it, kept after a failed attempt */
  email: string;
  /** where to go after signing in, already checked to be a path on this site */
  next: string;
  error?: string | undefined;
  /** a one-line confirmation ("Your password was changed: sign in with it.") */
  notice?: string | undefined;
}

export function LoginView({ cssUrl, csrfToken, email, next, error, notice }: LoginViewProps) {
  return (
    <AdminLayout title="Sign in" cssUrl={cssUrl}>
      <section class="admin-card admin-login" aria-labelledby="login-title">
        <h1 id="login-title">Sign in</h1>
        {notice ? (
          <p class="admin-notice" role="status">
            {notice}
          </p>
        ) : null}
        {error ? (
          <p class="admin-alert" role="alert" id="login-error">
            {error}
          </p>
        ) : null}
        <form method="post" action="/admin/login" class="admin-form" aria-describedby={error ? 'login-error' : undefined}>
          <input type="hidden" name="csrf" value={csrfToken} />
          {next !== '/admin/' ? <input type="hidden" name="next" value={next} /> : null}
          <label for="login-email">Email</label>
          <input
            id="login-email"
            name="email"
            type="email"
            value={email}
            autocomplete="username"
            required
            maxlength={254}
            autofocus={!email}
            aria-invalid={error ? 'true' : undefined}
          />
          <label for="login-password">Password</label>
          <input
            id="login-password"
            name="password"
            type="password"
            autocomplete="current-password"
            required
            maxlength={1000}
            autofocus={!!email}
            aria-invalid={error ? 'true' : undefined}
          />
          <button type="submit">Sign in</button>
        </form>
        <p class="admin-login-help">
          <a href="/admin/forgot">Forgot your password?</a>
        </p>
      </section>
    </AdminLayout>
  );
}
