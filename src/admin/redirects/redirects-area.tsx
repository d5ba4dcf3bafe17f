import { deleteRedirect, findRedirect, importRedirects, listRedirects, previewRedirectImport, type RedirectEntry, type RedirectInput, saveRedirect } from '../../redirects/index.js';
import { NotFoundError, ValidationError } from '../../shared/errors.js';
import type { AdminDeps } from '../admin-deps.js';
import { actorOf, listPageOf, noticeFrom, readForm, type Refusal, refusalOf, submitOrRefuse, writeDepsOf } from '../forms/form-kit.js';
import type { AdminArea, AdminContext } from '../shell/admin-area.js';
import { adminChromeOf, adminPage } from '../shell/admin-page.js';
import { editHref, type RedirectFormValues, RedirectEditView, RedirectImportView, RedirectListView } from './redirect-views.js';

const PER_PAGE = 50;
/** A CSV upload past this is refused before it is read. */
const MAX_CSV_BYTES = 2 * 1024 * 1024;
const NOTICES = { created: 'Redirect added.', saved: 'Redirect saved.', deleted: 'Redirect deleted.', imported: 'Redirects imported.' };

const formValues = (form: Record<string, string>): RedirectFormValues => ({ fromPath: form.fromPath ?? '', toPath: form.toPath ?? '', code: form.code ?? '301' });
const redirectInput = (values: RedirectFormValues): RedirectInput => ({ fromPath: values.fromPath, toPath: values.toPath.trim(), code: Number(values.code) as 301 | 410 });
const valuesOf = (entry: RedirectEntry): RedirectFormValues => ({ fromPath: entry.fromPath, toPath: entry.toPath, code: String(entry.code) });

/** The redirect manager: list with hits, add, edit, delete, import CSV (manage_redirects). */
export function redirectsArea(deps: AdminDeps): AdminArea {
  const write = writeDepsOf(deps);

  const listPage = async (c: AdminContext, values: RedirectFormValues, refusal?: Refusal) => {
    const filter = (c.req.query('q') ?? '').trim();
    const page = listPageOf(c);
    const { items, total } = await listRedirects(deps.db, { ...(filter ? { contains: filter } : {}), limit: PER_PAGE, offset: (page - 1) * PER_PAGE });
    return adminPage(c, {
      title: 'Redirects',
      status: refusal ? 400 : 200,
      notice: noticeFrom(c, NOTICES),
      children: (
        <RedirectListView
          items={items}
          total={total}
          page={page}
          pageCount={Math.max(1, Math.ceil(total / PER_PAGE))}
          filter={filter}
          csrfToken={adminChromeOf(c).csrfToken}
          values={values}
          errors={refusal?.fields}
          message={refusal?.message}
        />
      ),
    });
  };

  const editPage = (c: AdminContext, entry: RedirectEntry, values: RedirectFormValues, refusal?: Refusal) =>
    adminPage(c, {
      title: `Redirect from ${entry.fromPath}`,
      status: refusal ? 400 : 200,
      notice: noticeFrom(c, NOTICES),
      children: <RedirectEditView entry={entry} csrfToken={adminChromeOf(c).csrfToken} values={values} errors={refusal?.fields} message={refusal?.message} />,
    });

  const findEntry = async (fromPath: string | undefined): Promise<RedirectEntry> => {
    const entry = fromPath ? await findRedirect(deps.db, fromPath) : null;
    if (!entry) throw new NotFoundError('redirect', fromPath ?? '');
    return entry;
  };

  const importPage = (c: AdminContext, csv: string, state: { refusal?: Refusal; preview?: Awaited<ReturnType<typeof previewRedirectImport>> } = {}) =>
    adminPage(c, {
      title: 'Import redirects',
      status: state.refusal ? 400 : 200,
      children: <RedirectImportView csrfToken={adminChromeOf(c).csrfToken} csv={csv} errors={state.refusal?.fields} message={state.refusal?.message} preview={state.preview} />,
    });

  /** The pasted text, or the chosen file's when one was given. */
  const csvOf = async (c: AdminContext): Promise<string> => {
    const file = (await c.req.parseBody()).file;
    if (file instanceof File && file.size > 0) {
      if (file.size > MAX_CSV_BYTES) throw new ValidationError('The file is too large.', { csv: `a CSV file of at most ${MAX_CSV_BYTES / 1024 / 1024} MB` });
      return file.text();
    }
    return (await readForm(c)).csv ?? '';
  };

  return {
    name: 'redirects',
    nav: [{ label: 'Redirects', href: '/admin/redirects/', access: 'manage_redirects', order: 60 }],
    routes: [
      { method: 'GET', path: '/redirects/', access: 'manage_redirects', handler: (c) => listPage(c, { fromPath: '', toPath: '', code: '301' }) },
      {
        method: 'POST',
        path: '/redirects/new',
        access: 'manage_redirects',
        handler: async (c) => {
          const values = formValues(await readForm(c));
          return submitOrRefuse(
            async () => {
              await saveRedirect(write, actorOf(c), redirectInput(values));
              return c.redirect('/admin/redirects/?done=created', 303);
            },
            (refusal) => listPage(c, values, refusal),
          );
        },
      },
      {
        method: 'GET',
        path: '/redirects/edit',
        access: 'manage_redirects',
        handler: async (c) => {
          const entry = await findEntry(c.req.query('from'));
          return editPage(c, entry, valuesOf(entry));
        },
      },
      {
        method: 'POST',
        path: '/redirects/edit',
        access: 'manage_redirects',
        handler: async (c) => {
          const form = await readForm(c);
          const entry = await findEntry(form.replacing);
          const values = formValues(form);
          return submitOrRefuse(
            async () => {
              const saved = await saveRedirect(write, actorOf(c), redirectInput(values), { replacing: entry.fromPath });
              return c.redirect(`${editHref(saved.fromPath)}&done=saved`, 303);
            },
            (refusal) => editPage(c, entry, values, refusal),
          );
        },
      },
      {
        method: 'POST',
        path: '/redirects/delete',
        access: 'manage_redirects',
        handler: async (c) => {
          const entry = await findEntry((await readForm(c)).fromPath);
          await deleteRedirect(write, actorOf(c), entry.fromPath);
          return c.redirect('/admin/redirects/?done=deleted', 303);
        },
      },
      { method: 'GET', path: '/redirects/import', access: 'manage_redirects', handler: (c) => importPage(c, '') },
      {
        method: 'POST',
        path: '/redirects/import',
        access: 'manage_redirects',
        handler: async (c) => {
          const form = await readForm(c);
          let csv = form.csv ?? '';
          try {
            csv = await csvOf(c);
            if (form.step === 'confirm') {
              const { written } = await importRedirects(write, actorOf(c), csv);
              return c.redirect(`/admin/redirects/?done=imported&n=${written}`, 303);
            }
            const preview = await previewRedirectImport(deps.db, actorOf(c), csv);
            if (preview.problems.length > 0) {
              const lines = preview.problems.slice(0, 50).map((p) => `line ${p.line}: ${p.value === '' ? '' : `"${p.value}" — `}${p.message}`);
              return importPage(c, csv, { refusal: { message: `Nothing can be imported until these lines are fixed: ${lines.join('; ')}${preview.problems.length > 50 ? ` (and ${preview.problems.length - 50} more)` : ''}`, fields: { csv: `${preview.problems.length} line${preview.problems.length === 1 ? '' : 's'} to fix` } } });
            }
            return importPage(c, csv, { preview });
          } catch (error) {
            if (error instanceof ValidationError) return importPage(c, csv, { refusal: refusalOf(error) });
            throw error;
          }
        },
      },
    ],
  };
}
