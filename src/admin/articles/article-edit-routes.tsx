import { type Actor, can } from '../../accounts/index.js';
import {
  ArticleConflictError,
  type ArticleFields,
  autosaveArticle,
  createPreviewLink,
  emptyArticleFields,
  loadArticleEditor,
  loadArticleFormOptions,
  restoreArticleFromTrash,
  revokePreviewLink,
  saveArticleAs,
  trashArticle,
  unpublishArticle,
  withdrawArticle,
} from '../../content/index.js';
import { statusOf } from '../../http/error-status.js';
import { ValidationError } from '../../shared/errors.js';
import { loadSettings } from '../../settings/index.js';
import type { AdminDeps } from '../admin-deps.js';
import type { AdminContext, AdminRoute } from '../shell/admin-area.js';
import { adminChromeOf, adminPage, adminUserOf, EDITOR_SCRIPT } from '../shell/admin-page.js';
import { formatStaffDate } from '../views/staff-dates.js';
import { actionOf, fieldsOf, readBody, versionOf } from './article-form-input.js';
import { type ArticleFormState, ArticleFormView } from './article-form-view.js';
import { noticeForSave, noticeOf } from './article-notices.js';

export function actorOf(c: AdminContext): Actor {
  const user = adminUserOf(c);
  return { id: user.id, role: user.role };
}

/** The new article, the edit form, saving, autosave and the workflow buttons. */
export function articleEditRoutes(deps: AdminDeps): AdminRoute[] {
  const write = { db: deps.db, clock: deps.clock, events: deps.events };
  const siteOrigin = deps.siteUrl.href.replace(/\/$/, '');
  const timeZone = async () => (await loadSettings(deps.db)).timeZone;
  const editUrl = (id: string, notice?: string) => `/admin/articles/${id}/edit${notice ? `?notice=${notice}` : ''}`;

  const renderForm = async (
    c: AdminContext,
    state: ArticleFormState,
    zone: string,
    extra: { errors?: Record<string, string>; message?: string; status?: 200 | 400 | 409; notice?: string } = {},
  ) =>
    adminPage(c, {
      title: state.id ? `Edit: ${state.fields.title || 'Untitled'}` : 'New article',
      status: extra.status ?? 200,
      scripts: [EDITOR_SCRIPT],
      notice: extra.notice,
      children: (
        <ArticleFormView state={state} options={await loadArticleFormOptions(deps.db)} csrfToken={adminChromeOf(c).csrfToken} timeZone={zone} errors={extra.errors} message={extra.message} />
      ),
    });

  const newState = (c: AdminContext, fields: ArticleFields): ArticleFormState => {
    const actor = actorOf(c);
    return {
      id: null,
      version: 0,
      status: 'draft',
      fields,
      canPublish: can(actor.role, 'publish_own'),
      canChooseAuthors: can(actor.role, 'edit_any'),
      publicUrl: null,
      previewUrl: null,
      workingCopy: null,
      siteOrigin,
      authorNames: [adminUserOf(c).name],
    };
  };

  const editState = async (c: AdminContext, id: string, zone: string, typed?: ArticleFields): Promise<ArticleFormState> => {
    const editor = await loadArticleEditor(deps.db, actorOf(c), id, zone);
    return {
      id,
      version: editor.version,
      status: editor.status,
      fields: typed ?? editor.fields,
      canPublish: editor.abilities.canPublish,
      canChooseAuthors: editor.abilities.canChooseAuthors,
      publicUrl: editor.publicUrl,
      previewUrl: editor.previewPath,
      workingCopy: typed ? null : editor.workingCopy,
      siteOrigin,
      authorNames: editor.authorNames,
    };
  };

  /** A save from the form: 303 on success; a refusal or a conflict shows the form again, every field as typed. */
  const save = async (c: AdminContext, articleId: string | null) => {
    const zone = await timeZone();
    const body = await readBody(c);
    let fields: ArticleFields;
    try {
      fields = fieldsOf(body);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const state = articleId ? await editState(c, articleId, zone) : newState(c, emptyArticleFields());
      return renderForm(c, state, zone, { errors: error.fields, message: error.message, status: 400 });
    }
    const version = versionOf(body);
    const before = articleId ? await editState(c, articleId, zone) : null;
    try {
      const saved = await saveArticleAs(write, actorOf(c), { articleId, fields, action: actionOf(body), version, timeZone: zone });
      const wasLive = before?.status === 'published';
      return c.redirect(editUrl(saved.id, noticeForSave(saved.status, articleId === null, wasLive)), 303);
    } catch (error) {
      if (error instanceof ArticleConflictError) {
        const state = await editState(c, articleId!, zone, fields);
        const message = `${error.savedBy} saved this article on ${formatStaffDate(error.savedAt, zone)}, after you opened it. Your text below was not saved. Compare it with theirs (open the article in another tab), then save again to replace their version with yours.`;
        return renderForm(c, state, zone, { message, status: 409 });
      }
      if (error instanceof ValidationError) {
        const state = articleId ? { ...(before ?? (await editState(c, articleId, zone))), fields, workingCopy: null, version: version ?? 0 } : newState(c, fields);
        return renderForm(c, state, zone, { errors: error.fields, message: error.message, status: 400 });
      }
      throw error;
    }
  };

  /** A workflow button posted from the form (formaction): the use case, then back with a notice. */
  const act = (run: (c: AdminContext, id: string) => Promise<unknown>, notice: string, back: 'edit' | 'list' = 'edit') => async (c: AdminContext) => {
    const id = c.req.param('id')!;
    await run(c, id);
    return c.redirect(back === 'edit' ? editUrl(id, notice) : `/admin/articles/?notice=${notice}`, 303);
  };

  return [
    {
      method: 'GET',
      path: '/articles/new',
      access: 'write_articles',
      handler: async (c) => renderForm(c, newState(c, { ...emptyArticleFields(), authorIds: [adminUserOf(c).id] }), await timeZone()),
    },
    { method: 'POST', path: '/articles/new', access: 'write_articles', handler: (c) => save(c, null) },
    {
      method: 'GET',
      path: '/articles/:id/edit',
      access: 'write_articles',
      handler: async (c) => {
        const zone = await timeZone();
        return renderForm(c, await editState(c, c.req.param('id')!, zone), zone, { notice: noticeOf(c.req.query('notice')) });
      },
    },
    { method: 'POST', path: '/articles/:id/save', access: 'write_articles', handler: (c) => save(c, c.req.param('id')!) },
    {
      method: 'POST',
      path: '/articles/:id/autosave',
      access: 'write_articles',
      // The editor island's endpoint: JSON in every case (the contract), never a page.
      handler: async (c) => {
        try {
          const body = await readBody(c);
          const version = versionOf(body);
          if (version === null) throw new ValidationError('The autosave did not say which version it was made from.', { version: 'missing' });
          const saved = await autosaveArticle(write, actorOf(c), c.req.param('id')!, fieldsOf(body), version);
          return c.json({ version: saved.version, savedAt: saved.savedAt });
        } catch (error) {
          if (error instanceof ArticleConflictError) return c.json({ conflict: { by: error.savedBy, at: error.savedAt } }, 409);
          const status = statusOf(error);
          if (status >= 500) throw error;
          const detail = error instanceof Error ? error.message : 'This request could not be answered.';
          const fields = error instanceof ValidationError ? error.fields : undefined;
          return c.body(JSON.stringify({ type: 'about:blank', title: 'Autosave refused', status, detail, ...(fields ? { fields } : {}) }), status as 400, {
            'content-type': 'application/problem+json',
          });
        }
      },
    },
    { method: 'POST', path: '/articles/:id/unpublish', access: 'publish_own', handler: act((c, id) => unpublishArticle(write, actorOf(c), id), 'unpublished') },
    { method: 'POST', path: '/articles/:id/withdraw', access: 'publish_own', handler: act((c, id) => withdrawArticle(write, actorOf(c), id), 'withdrawn') },
    { method: 'POST', path: '/articles/:id/trash', access: 'write_articles', handler: act((c, id) => trashArticle(write, actorOf(c), id), 'trashed', 'list') },
    { method: 'POST', path: '/articles/:id/restore', access: 'write_articles', handler: act((c, id) => restoreArticleFromTrash(write, actorOf(c), id), 'restored') },
    { method: 'POST', path: '/articles/:id/preview-link', access: 'write_articles', handler: act((c, id) => createPreviewLink(write, actorOf(c), id), 'preview') },
    { method: 'POST', path: '/articles/:id/preview-link/revoke', access: 'write_articles', handler: act((c, id) => revokePreviewLink(write, actorOf(c), id), 'revoked') },
  ];
}
