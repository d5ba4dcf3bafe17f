import { z } from 'zod';
import {
  changeRole,
  deactivateUser,
  findAccount,
  inviteUser,
  listAccounts,
  reactivateUser,
  resendInvitation,
  ROLES,
  type StaffAccount,
} from '../../accounts/index.js';
import { ConflictError, ForbiddenError, ValidationError } from '../../shared/errors.js';
import { accountMailDeps, postedStrings } from '../accounts-support.js';
import type { AdminDeps } from '../admin-deps.js';
import type { AdminArea, AdminContext } from '../shell/admin-area.js';
import { adminChromeOf, adminPage, adminUserOf } from '../shell/admin-page.js';
import { InviteView, UserDetailView, UsersListView } from './users-views.js';

const NOTICES: Record<string, string> = {
  invited: 'Invitation sent.',
  'invite-unsent': 'The account was created, but the invitation could not be queued. Try “Send the invitation again”.',
  resent: 'A new invitation was sent; the old link no longer works.',
  role: 'Role changed. It applies from their next page.',
  deactivated: 'Deactivated and signed out everywhere.',
  reactivated: 'Reactivated: they can sign in again.',
};

const RoleForm = z.object({ role: z.enum(ROLES, 'Choose one of the roles.') });

/** People: the list, invitations, roles, deactivation. Administrators only (manage_users). */
export function usersArea(deps: AdminDeps): AdminArea {
  const writeDeps = { db: deps.db, clock: deps.clock, events: deps.events };

  const detail = async (c: AdminContext, account: StaffAccount, options: { status?: 200 | 400 | 403 | 409; message?: string; errors?: Record<string, string>; role?: string } = {}) =>
    adminPage(c, {
      title: account.name,
      status: options.status,
      notice: NOTICES[c.req.query('done') ?? ''],
      children: (
        <UserDetailView
          account={account}
          csrfToken={adminChromeOf(c).csrfToken}
          isSelf={account.id === adminUserOf(c).id}
          role={options.role}
          errors={options.errors}
          message={options.message}
        />
      ),
    });

  /** Runs a guarded change; a refusal (own account, last administrator) is shown on the person's page. */
  const change = async (c: AdminContext, run: (id: string) => Promise<unknown>, done: string) => {
    const id = c.req.param('id')!;
    const actor = adminUserOf(c);
    const account = await findAccount(deps.db, actor, id);
    try {
      await run(id);
    } catch (error) {
      if (error instanceof ForbiddenError) return detail(c, account, { status: 403, message: error.message });
      if (error instanceof ConflictError) return detail(c, account, { status: 409, message: error.message });
      throw error;
    }
    return c.redirect(`/admin/users/${id}/?done=${done}`, 303);
  };

  return {
    name: 'users',
    nav: [{ label: 'Users', href: '/admin/users/', access: 'manage_users', order: 80 }],
    routes: [
      {
        method: 'GET',
        path: '/users/',
        access: 'manage_users',
        handler: async (c) => {
          const user = adminUserOf(c);
          const accounts = await listAccounts(deps.db, user);
          return adminPage(c, { title: 'Users', notice: NOTICES[c.req.query('done') ?? ''], children: <UsersListView accounts={accounts} currentUserId={user.id} /> });
        },
      },
      {
        method: 'GET',
        path: '/users/invite',
        access: 'manage_users',
        handler: (c) =>
          adminPage(c, { title: 'Invite someone', children: <InviteView csrfToken={adminChromeOf(c).csrfToken} values={{ email: '', role: 'author', name: '' }} /> }),
      },
      {
        method: 'POST',
        path: '/users/invite',
        access: 'manage_users',
        handler: async (c) => {
          const form = await postedStrings(c, ['email', 'role', 'name']);
          const values = { email: form.email!, role: form.role!, name: form.name! };
          try {
            const result = await inviteUser(accountMailDeps(deps), adminUserOf(c), { email: values.email, role: values.role, name: values.name });
            return c.redirect(`/admin/users/${result.user.id}/?done=${result.isMailQueued ? 'invited' : 'invite-unsent'}`, 303);
          } catch (error) {
            if (!(error instanceof ValidationError)) throw error;
            return adminPage(c, {
              title: 'Invite someone',
              status: 400,
              children: <InviteView csrfToken={adminChromeOf(c).csrfToken} values={values} errors={fieldErrors(error)} />,
            });
          }
        },
      },
      {
        method: 'GET',
        path: '/users/:id/',
        access: 'manage_users',
        handler: async (c) => detail(c, await findAccount(deps.db, adminUserOf(c), c.req.param('id')!)),
      },
      {
        method: 'POST',
        path: '/users/:id/role',
        access: 'manage_users',
        handler: async (c) => {
          const form = await postedStrings(c, ['role']);
          const parsed = RoleForm.safeParse(form);
          if (!parsed.success) {
            const account = await findAccount(deps.db, adminUserOf(c), c.req.param('id')!);
            return detail(c, account, { status: 400, errors: { role: 'Choose one of the roles.' }, role: form.role });
          }
          return change(c, (id) => changeRole(writeDeps, adminUserOf(c), id, parsed.data.role), 'role');
        },
      },
      {
        method: 'POST',
        path: '/users/:id/deactivate',
        access: 'manage_users',
        handler: (c) => change(c, (id) => deactivateUser(writeDeps, adminUserOf(c), id), 'deactivated'),
      },
      {
        method: 'POST',
        path: '/users/:id/reactivate',
        access: 'manage_users',
        handler: (c) => change(c, (id) => reactivateUser(writeDeps, adminUserOf(c), id), 'reactivated'),
      },
      {
        method: 'POST',
        path: '/users/:id/resend-invite',
        access: 'manage_users',
        handler: (c) =>
          change(
            c,
            async (id) => {
              if (!(await resendInvitation(accountMailDeps(deps), adminUserOf(c), id)).isMailQueued) throw new ConflictError('The invitation could not be queued; try again shortly.');
            },
            'resent',
          ),
      },
    ],
  };
}

/** A ValidationError's fields, with the form's names ("role" for an enum issue keeps its key). */
function fieldErrors(error: ValidationError): Record<string, string> {
  const fields = { ...error.fields };
  if (fields.email && !fields.email.startsWith('An account')) fields.email = 'Enter an email address such as name@example.org.';
  return fields;
}
