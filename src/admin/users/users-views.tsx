import { ROLES, type Role, type StaffAccount } from '../../accounts/index.js';
import { CsrfField, type FieldErrors, FormErrorSummary, SelectField, TextField } from '../views/form-fields.js';
import { When } from '../views/when.js';

const ROLE_LABELS: Record<Role, string> = {
  administrator: 'Administrator',
  editor: 'Editor',
  author: 'Author',
  contributor: 'Contributor',
};
const ROLE_HINT = 'Administrators manage users and settings; editors publish anyone’s articles; authors publish their own; contributors submit drafts for review.';
export const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

const STATUS_LABELS = { invited: 'Invited', active: 'Active', deactivated: 'Deactivated' } as const;

export function UsersListView({ accounts, currentUserId }: { accounts: StaffAccount[]; currentUserId: string }) {
  return (
    <section aria-labelledby="users-title">
      <div class="admin-page-head">
        <h1 id="users-title">Users</h1>
        <a class="admin-button-link" href="/admin/users/invite">
          Invite someone
        </a>
      </div>
      <table class="admin-table admin-users">
        <caption class="admin-visually-hidden">Everyone with an account, by name</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col">Last sign-in</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((a) => (
            <tr>
              <td>
                <a href={`/admin/users/${a.id}/`}>{a.name}</a>
                {a.id === currentUserId ? <span class="admin-muted"> (you)</span> : null}
              </td>
              <td>{a.email}</td>
              <td>{ROLE_LABELS[a.role]}</td>
              <td>
                <span class={`admin-badge admin-status-${a.status}`}>{STATUS_LABELS[a.status]}</span>
                {a.hasTwoFactor ? <span class="admin-badge">2FA</span> : null}
              </td>
              <td>
                <When at={a.lastSignInAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export interface InviteViewProps {
  csrfToken: string;
  values: { email: string; role: string; name: string };
  errors?: FieldErrors | undefined;
  message?: string | undefined;
}

export function InviteView({ csrfToken, values, errors, message }: InviteViewProps) {
  return (
    <section class="admin-card" aria-labelledby="invite-title">
      <h1 id="invite-title">Invite someone</h1>
      <p>They get an email with a link, valid for 7 days, where they choose their name and password.</p>
      <FormErrorSummary message={message} errors={errors} />
      <form method="post" action="/admin/users/invite" novalidate>
        <CsrfField token={csrfToken} />
        <TextField name="email" label="Email" type="email" value={values.email} required maxlength={254} autocomplete="off" errors={errors} />
        <TextField name="name" label="Name (optional)" value={values.name} maxlength={120} hint="They can change it when they accept." errors={errors} />
        <SelectField name="role" label="Role" options={ROLE_OPTIONS} value={values.role || 'author'} hint={ROLE_HINT} errors={errors} />
        <button type="submit">Send the invitation</button>
      </form>
      <p>
        <a href="/admin/users/">Back to users</a>
      </p>
    </section>
  );
}

export interface UserDetailViewProps {
  account: StaffAccount;
  csrfToken: string;
  isSelf: boolean;
  role?: string | undefined;
  errors?: FieldErrors | undefined;
  message?: string | undefined;
}

export function UserDetailView({ account, csrfToken, isSelf, role, errors, message }: UserDetailViewProps) {
  const base = `/admin/users/${account.id}`;
  return (
    <section aria-labelledby="user-title">
      <div class="admin-page-head">
        <h1 id="user-title">{account.name}</h1>
        <a href="/admin/users/">All users</a>
      </div>
      <FormErrorSummary message={message} errors={errors} />
      <dl class="admin-facts">
        <dt>Email</dt>
        <dd>{account.email}</dd>
        <dt>Status</dt>
        <dd>{STATUS_LABELS[account.status]}</dd>
        <dt>Two-factor sign-in</dt>
        <dd>{account.hasTwoFactor ? 'On' : 'Off'}</dd>
        <dt>Last sign-in</dt>
        <dd>
          <When at={account.lastSignInAt} />
        </dd>
        <dt>Author page</dt>
        <dd>
          <a href={`/author/${account.slug}/`}>/author/{account.slug}/</a>
        </dd>
      </dl>
      {isSelf ? (
        <p class="admin-hint">This is your own account: another administrator changes its role or deactivates it. Edit your details on <a href="/admin/profile/">your profile</a>.</p>
      ) : (
        <>
          <section class="admin-card" aria-labelledby="role-title">
            <h2 id="role-title">Role</h2>
            <form method="post" action={`${base}/role`} novalidate>
              <CsrfField token={csrfToken} />
              <SelectField name="role" label="Role" options={ROLE_OPTIONS} value={role ?? account.role} hint={ROLE_HINT} errors={errors} />
              <button type="submit">Change the role</button>
            </form>
          </section>
          <section class="admin-card" aria-labelledby="access-title">
            <h2 id="access-title">Access</h2>
            {account.status === 'deactivated' ? (
              <form method="post" action={`${base}/reactivate`}>
                <CsrfField token={csrfToken} />
                <p>Deactivated: cannot sign in. Their articles and bylines are unchanged.</p>
                <button type="submit">Reactivate</button>
              </form>
            ) : (
              <form method="post" action={`${base}/deactivate`}>
                <CsrfField token={csrfToken} />
                <p>Deactivating signs them out everywhere at once and stops them signing in. Their articles and bylines stay.</p>
                <button type="submit" class="admin-button-danger">
                  Deactivate
                </button>
              </form>
            )}
            {account.status === 'invited' ? (
              <form method="post" action={`${base}/resend-invite`}>
                <CsrfField token={csrfToken} />
                <p>The invitation has not been accepted yet.</p>
                <button type="submit" class="admin-button-secondary">
                  Send the invitation again
                </button>
              </form>
            ) : null}
          </section>
        </>
      )}
    </section>
  );
}
