import { findUserById, updateAuthorPage, type User } from '../../accounts/index.js';
import { NotFoundError } from '../../shared/errors.js';
import type { AdminDeps } from '../admin-deps.js';
import { actorOf, noticeFrom, readForm, type Refusal, submitOrRefuse, writeDepsOf } from '../forms/form-kit.js';
import type { AdminArea, AdminContext } from '../shell/admin-area.js';
import { adminChromeOf, adminPage } from '../shell/admin-page.js';
import { loadAuthorList, loadPhotoChoices } from './author-list.js';
import { type AuthorFormValues, AuthorEditView, AuthorListView } from './author-views.js';

const NOTICES = { saved: 'Author page saved.' };

/** Author pages of the people with bylines: bio and photo (manage_taxonomy; one's own profile is edited under Profile). */
export function authorsArea(deps: AdminDeps): AdminArea {
  const write = writeDepsOf(deps);
  const findUser = async (c: AdminContext): Promise<User> => {
    const user = await findUserById(deps.db, c.req.param('id')!);
    if (!user) throw new NotFoundError('user', c.req.param('id')!);
    return user;
  };
  const editPage = async (c: AdminContext, user: User, values: AuthorFormValues, refusal?: Refusal) =>
    adminPage(c, {
      title: user.name,
      status: refusal ? 400 : 200,
      notice: noticeFrom(c, NOTICES),
      children: (
        <AuthorEditView
          user={user}
          photos={await loadPhotoChoices(deps.db, user.avatarMediaId)}
          csrfToken={adminChromeOf(c).csrfToken}
          values={values}
          errors={refusal?.fields}
          message={refusal?.message}
        />
      ),
    });

  return {
    name: 'authors',
    nav: [{ label: 'Authors', href: '/admin/authors/', access: 'manage_taxonomy', order: 42 }],
    routes: [
      { method: 'GET', path: '/authors/', access: 'manage_taxonomy', handler: async (c) => adminPage(c, { title: 'Authors', children: <AuthorListView rows={await loadAuthorList(deps.db)} /> }) },
      {
        method: 'GET',
        path: '/authors/:id/edit',
        access: 'manage_taxonomy',
        handler: async (c) => {
          const user = await findUser(c);
          return editPage(c, user, { bio: user.bio, avatarMediaId: user.avatarMediaId ?? '' });
        },
      },
      {
        method: 'POST',
        path: '/authors/:id/edit',
        access: 'manage_taxonomy',
        handler: async (c) => {
          const user = await findUser(c);
          const form = await readForm(c);
          const values = { bio: form.bio ?? '', avatarMediaId: form.avatarMediaId ?? '' };
          return submitOrRefuse(
            async () => {
              await updateAuthorPage(write, actorOf(c), user.id, { bio: values.bio, avatarMediaId: values.avatarMediaId === '' ? null : values.avatarMediaId });
              return c.redirect(`/admin/authors/${user.id}/edit?done=saved`, 303);
            },
            (refusal) => editPage(c, user, values, refusal),
          );
        },
      },
    ],
  };
}
