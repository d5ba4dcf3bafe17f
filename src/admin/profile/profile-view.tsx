import type { SessionSummary, TwoFactorStatus, User } from '../../accounts/index.js';
import { CsrfField, type FieldErrors, FormErrorSummary, type SelectOption, SelectField, TextArea, TextField } from '../views/form-fields.js';
import { When } from '../views/when.js';
import { browserOf } from './user-agent.js';

/** Which of the page's forms a rejected post belongs to, with what was typed. */
export type ProfileForm = 'profile' | 'email' | 'password' | 'two-factor';

export interface ProfileViewProps {
  user: User;
  csrfToken: string;
  imageOptions: SelectOption[];
  twoFactor: TwoFactorStatus;
  sessions: SessionSummary[];
  /** what was typed into the rejected form, and its errors */
  rejected?: { form: ProfileForm; values: Record<string, string>; errors: FieldErrors; message?: string | undefined } | undefined;
}

export function ProfileView({ user, csrfToken, imageOptions, twoFactor, sessions, rejected }: ProfileViewProps) {
  const typed = (form: ProfileForm, name: string, saved: string) => (rejected?.form === form ? (rejected.values[name] ?? '') : saved);
  const errorsOf = (form: ProfileForm) => (rejected?.form === form ? rejected.errors : undefined);
  const summaryOf = (form: ProfileForm) => (rejected?.form === form ? <FormErrorSummary message={rejected.message} errors={rejected.errors} /> : null);
  return (
    <div class="admin-profile">
      <h1>Your profile</h1>
      <section class="admin-card" aria-labelledby="profile-public">
        <h2 id="profile-public">What readers see</h2>
        {summaryOf('profile')}
        <form method="post" action="/admin/profile/" novalidate>
          <CsrfField token={csrfToken} />
          <TextField name="name" label="Name" value={typed('profile', 'name', user.name)} required maxlength={120} autocomplete="name" errors={errorsOf('profile')} />
          <TextField
            name="slug"
            label="Slug"
            value={typed('profile', 'slug', user.slug)}
            required
            maxlength={80}
            hint={`Your author page: /author/${user.slug}/`}
            errors={errorsOf('profile')}
          />
          <TextArea name="bio" label="Bio" value={typed('profile', 'bio', user.bio)} rows={5} maxlength={2000} errors={errorsOf('profile')} />
          <SelectField
            name="avatarMediaId"
            label="Photo"
            options={[{ value: '', label: 'No photo' }, ...imageOptions]}
            value={typed('profile', 'avatarMediaId', user.avatarMediaId ?? '')}
            hint="One of the media library’s images; upload it there first."
            errors={errorsOf('profile')}
          />
          <button type="submit">Save profile</button>
        </form>
      </section>

      <section class="admin-card" aria-labelledby="profile-email">
        <h2 id="profile-email">Sign-in email</h2>
        {summaryOf('email')}
        <form method="post" action="/admin/profile/email" novalidate>
          <CsrfField token={csrfToken} />
          <TextField name="email" label="Email" type="email" value={typed('email', 'email', user.email)} required maxlength={254} autocomplete="email" errors={errorsOf('email')} />
          <TextField
            name="currentPassword"
            id="email-current-password"
            label="Current password"
            type="password"
            required
            autocomplete="current-password"
            errors={errorsOf('email')}
          />
          <button type="submit">Change email</button>
        </form>
      </section>

      <section class="admin-card" aria-labelledby="profile-password">
        <h2 id="profile-password">Password</h2>
        {summaryOf('password')}
        <form method="post" action="/admin/profile/password" novalidate>
          <CsrfField token={csrfToken} />
          <TextField name="currentPassword" label="Current password" type="password" required autocomplete="current-password" errors={errorsOf('password')} />
          <TextField
            name="newPassword"
            label="New password"
            type="password"
            required
            maxlength={200}
            autocomplete="new-password"
            hint="At least 10 characters. Your other sessions are signed out."
            errors={errorsOf('password')}
          />
          <button type="submit">Change password</button>
        </form>
      </section>

      <TwoFactorSection csrfToken={csrfToken} status={twoFactor} rejected={rejected?.form === 'two-factor' ? rejected : undefined} />
      <SessionsSection csrfToken={csrfToken} sessions={sessions} />
    </div>
  );
}

function TwoFactorSection({ csrfToken, status, rejected }: { csrfToken: string; status: TwoFactorStatus; rejected: ProfileViewProps['rejected'] }) {
  return (
    <section class="admin-card" aria-labelledby="profile-2fa">
      <h2 id="profile-2fa">Two-factor sign-in</h2>
      {status.isEnabled ? (
        <>
          <p>
            On. Signing in asks for a code from your authenticator app. Recovery codes left: <strong>{status.recoveryCodesLeft}</strong>.
          </p>
          {rejected ? <FormErrorSummary message={rejected.message} errors={rejected.errors} /> : null}
          <form method="post" action="/admin/profile/two-factor/disable" novalidate>
            <CsrfField token={csrfToken} />
            <TextField name="password" id="disable-password" label="Current password" type="password" required autocomplete="current-password" errors={rejected?.errors} />
            <TextField
              name="code"
              id="disable-code"
              label="Code from your app (or a recovery code)"
              required
              autocomplete="one-time-code"
              maxlength={40}
              errors={rejected?.errors}
            />
            <button type="submit" class="admin-button-danger">
              Turn two-factor off
            </button>
          </form>
          <form method="post" action="/admin/profile/two-factor/recovery-codes" novalidate>
            <CsrfField token={csrfToken} />
            <TextField name="password" id="codes-password" label="Current password" type="password" required autocomplete="current-password" />
            <button type="submit" class="admin-button-secondary">
              Replace my recovery codes
            </button>
          </form>
        </>
      ) : (
        <form method="post" action="/admin/profile/two-factor/start">
          <CsrfField token={csrfToken} />
          <p>Off. With it on, a stolen password alone cannot open your account.</p>
          <button type="submit">Set up two-factor sign-in</button>
        </form>
      )}
    </section>
  );
}

function SessionsSection({ csrfToken, sessions }: { csrfToken: string; sessions: SessionSummary[] }) {
  return (
    <section class="admin-card" aria-labelledby="profile-sessions">
      <h2 id="profile-sessions">Where you are signed in</h2>
      <table class="admin-table admin-sessions">
        <thead>
          <tr>
            <th scope="col">Browser</th>
            <th scope="col">Network</th>
            <th scope="col">Signed in</th>
            <th scope="col">Last active</th>
            <th scope="col">
              <span class="admin-visually-hidden">Action</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((s) => (
            <tr>
              <td>
                {browserOf(s.userAgent)}
                {s.isCurrent ? <span class="admin-badge">This browser</span> : null}
              </td>
              <td>{s.ipPrefix || <span class="admin-muted">Unknown</span>}</td>
              <td>
                <When at={s.createdAt} />
              </td>
              <td>
                <When at={s.lastSeenAt} />
              </td>
              <td>
                {s.isCurrent ? null : (
                  <form method="post" action={`/admin/profile/sessions/${s.handle}/end`} class="admin-inline-form">
                    <CsrfField token={csrfToken} />
                    <button type="submit" class="admin-link-button">
                      Sign out
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {sessions.some((s) => !s.isCurrent) ? (
        <form method="post" action="/admin/profile/sessions/end-others">
          <CsrfField token={csrfToken} />
          <button type="submit" class="admin-button-secondary">
            Sign out everywhere else
          </button>
        </form>
      ) : null}
    </section>
  );
}
