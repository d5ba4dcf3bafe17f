import { createPage, deletePage, findPageById, listAllPages, type PageInput, updatePage } from '../../content/index.js';
import { NotFoundError } from '../../shared/errors.js';
import { slugify } from '../../shared/slugify.js';
import type { AdminDeps } from '../admin-deps.js';
import { actorOf, noticeFrom, readForm, type Refusal, submitOrRefuse, writeDepsOf } from '../forms/form-kit.js';
import type { AdminArea, AdminContext } from '../shell/admin-area.js';
import { adminChromeOf, adminPage, EDITOR_SCRIPT } from '../shell/admin-page.js';
import { type PageFormValues, PageFormView, PageListView } from './page-views.js';

const NOTICES = { created: 'Page created.', saved: 'Page saved.', published: 'Page published.', unpublished: 'Page unpublished: its address answers 404.', deleted: 'Page deleted.' };

type StoredPage = NonNullable<Awaited<ReturnType<typeof findPageById>>>;

const formValues = (form: Record<string, string>): PageFormValues => ({ title: form.title ?? '', slug: form.slug ?? '', body: form.body ?? '' });
const pageInput = (values: PageFormValues, status: string): PageInput => ({
  title: values.title,
  slug: values.slug.trim() === '' ? slugify(values.title) : values.slug.trim(),
  body: values.body,
  status: status as 'draft' | 'published',
});

/** Standalone pages: list, create, edit, publish and unpublish, delete (manage_pages). */
export function pagesArea(deps: AdminDeps): AdminArea {
  const write = writeDepsOf(deps);
  const findPage = async (c: AdminContext): Promise<StoredPage> => {
    const page = await findPageById(deps.db, c.req.param('id')!);
    if (!page) throw new NotFoundError('page', c.req.param('id')!);
    return page;
  };

  const newForm = (c: AdminContext, values: PageFormValues, refusal?: Refusal) =>
    adminPage(c, {
      title: 'New page',
      status: refusal ? 400 : 200,
      scripts: [EDITOR_SCRIPT],
      children: <PageFormView heading="New page" action="/admin/pages/new" csrfToken={adminChromeOf(c).csrfToken} values={values} errors={refusal?.fields} message={refusal?.message} />,
    });

  const editForm = (c: AdminContext, page: StoredPage, values: PageFormValues, refusal?: Refusal) =>
    adminPage(c, {
      title: `Edit ${page.title}`,
      status: refusal ? 400 : 200,
      scripts: [EDITOR_SCRIPT],
      notice: noticeFrom(c, NOTICES),
      children: (
        <PageFormView
          heading={`Edit ${page.title}`}
          action={`/admin/pages/${page.id}/edit`}
          csrfToken={adminChromeOf(c).csrfToken}
          values={values}
          errors={refusal?.fields}
          message={refusal?.message}
          existing={page}
        />
      ),
    });

  const setStatus = (status: 'draft' | 'published') => async (c: AdminContext) => {
    const page = await findPage(c);
    const values = { title: page.title, slug: page.slug, body: page.body };
    return submitOrRefuse(
      async () => {
        await updatePage(write, actorOf(c), page.id, pageInput(values, status));
        return c.redirect(`/admin/pages/${page.id}/edit?done=${status === 'published' ? 'published' : 'unpublished'}`, 303);
      },
      (refusal) => editForm(c, page, values, refusal),
    );
  };

  return {
    name: 'pages',
    nav: [{ label: 'Pages', href: '/admin/pages/', access: 'manage_pages', order: 50 }],
    routes: [
      {
        method: 'GET',
        path: '/pages/',
        access: 'manage_pages',
        handler: async (c) => {
          const pages = (await listAllPages(deps.db)).map((p) => ({ id: p.id, slug: p.slug, title: p.title, status: p.status, updatedAt: new Date(p.updated_at) }));
          return adminPage(c, { title: 'Pages', notice: noticeFrom(c, NOTICES), children: <PageListView pages={pages} csrfToken={adminChromeOf(c).csrfToken} /> });
        },
      },
      { method: 'GET', path: '/pages/new', access: 'manage_pages', handler: (c) => newForm(c, { title: '', slug: '', body: '' }) },
      {
        method: 'POST',
        path: '/pages/new',
        access: 'manage_pages',
        handler: async (c) => {
          const form = await readForm(c);
          const values = formValues(form);
          return submitOrRefuse(
            async () => {
              const id = await createPage(write, actorOf(c), pageInput(values, form.status === 'draft' ? 'draft' : 'published'));
              return c.redirect(`/admin/pages/${id}/edit?done=created`, 303);
            },
            (refusal) => newForm(c, values, refusal),
          );
        },
      },
      {
        method: 'GET',
        path: '/pages/:id/edit',
        access: 'manage_pages',
        handler: async (c) => {
          const page = await findPage(c);
          return editForm(c, page, { title: page.title, slug: page.slug, body: page.body });
        },
      },
      {
        method: 'POST',
        path: '/pages/:id/edit',
        access: 'manage_pages',
        handler: async (c) => {
          const page = await findPage(c);
          const values = formValues(await readForm(c));
          return submitOrRefuse(
            async () => {
              await updatePage(write, actorOf(c), page.id, pageInput(values, page.status));
              return c.redirect(`/admin/pages/${page.id}/edit?done=saved`, 303);
            },
            (refusal) => editForm(c, page, values, refusal),
          );
        },
      },
      { method: 'POST', path: '/pages/:id/publish', access: 'manage_pages', handler: setStatus('published') },
      { method: 'POST', path: '/pages/:id/unpublish', access: 'manage_pages', handler: setStatus('draft') },
      {
        method: 'POST',
        path: '/pages/:id/delete',
        access: 'manage_pages',
        handler: async (c) => {
          const page = await findPage(c);
          await deletePage(write, actorOf(c), page.id);
          return c.redirect('/admin/pages/?done=deleted', 303);
        },
      },
    ],
  };
}
