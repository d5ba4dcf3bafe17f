import { countArticlesUsingTag } from '../../content/index.js';
import { NotFoundError, ValidationError } from '../../shared/errors.js';
import { slugify } from '../../shared/slugify.js';
import { deleteTag, mergeTags, renameTag } from '../../structure/index.js';
import { createTag, findTagById, findTagBySlug, listTagsMatching, type Tag } from '../../taxonomy/index.js';
import type { AdminDeps } from '../admin-deps.js';
import { actorOf, listPageOf, noticeFrom, readForm, type Refusal, submitOrRefuse, writeDepsOf } from '../forms/form-kit.js';
import type { AdminArea, AdminContext } from '../shell/admin-area.js';
import { adminChromeOf, adminPage } from '../shell/admin-page.js';
import { loadTagList } from './tag-list.js';
import { type TagFormValues, TagEditView, TagListView } from './tag-views.js';

const NOTICES = { created: 'Tag added.', saved: 'Tag saved.', merged: 'Tags merged; the old tag’s URL now redirects here.', deleted: 'Tag deleted.' };
/** Up to this many tags, the merge form offers a select; past it the slug is typed. */
const MERGE_SELECT_LIMIT = 300;

const tagValues = (form: Record<string, string>): TagFormValues => ({ name: form.name ?? '', slug: form.slug ?? '' });
const tagInput = (values: TagFormValues) => ({ name: values.name, slug: values.slug.trim() === '' ? slugify(values.name) : values.slug.trim() });

/** Tags: list with counts and a filter, add, rename, merge A into B, delete unused (manage_taxonomy). */
export function tagsArea(deps: AdminDeps): AdminArea {
  const write = writeDepsOf(deps);
  const findTag = async (c: AdminContext): Promise<Tag> => {
    const tag = await findTagById(deps.db, c.req.param('id')!);
    if (!tag) throw new NotFoundError('tag', c.req.param('id')!);
    return tag;
  };

  const listPage = async (c: AdminContext, values: TagFormValues, refusal?: Refusal) =>
    adminPage(c, {
      title: 'Tags',
      status: refusal ? 400 : 200,
      notice: noticeFrom(c, NOTICES),
      children: (
        <TagListView
          list={await loadTagList(deps.db, c.req.query('q') ?? '', listPageOf(c))}
          csrfToken={adminChromeOf(c).csrfToken}
          values={values}
          errors={refusal?.fields}
          message={refusal?.message}
        />
      ),
    });

  const editPage = async (c: AdminContext, tag: Tag, state: { values?: TagFormValues; mergeInto?: string; refusal?: Refusal; refused?: 'rename' | 'merge' | 'delete' } = {}) => {
    const others = await listTagsMatching(deps.db, { limit: MERGE_SELECT_LIMIT + 1, offset: 0 });
    const choices = others.total <= MERGE_SELECT_LIMIT + 1 ? others.items.filter((t) => t.id !== tag.id).map((t) => ({ value: t.slug, label: `${t.name} (${t.slug})` })) : null;
    return adminPage(c, {
      title: tag.name,
      status: state.refusal ? 400 : 200,
      notice: noticeFrom(c, NOTICES),
      children: (
        <TagEditView
          tag={tag}
          used={await countArticlesUsingTag(deps.db, tag.id)}
          csrfToken={adminChromeOf(c).csrfToken}
          values={state.values ?? { name: tag.name, slug: tag.slug }}
          mergeInto={state.mergeInto ?? ''}
          mergeChoices={choices}
          errors={state.refusal?.fields}
          message={state.refusal?.message}
          refused={state.refused}
        />
      ),
    });
  };

  return {
    name: 'tags',
    nav: [{ label: 'Tags', href: '/admin/tags/', access: 'manage_taxonomy', order: 41 }],
    routes: [
      { method: 'GET', path: '/tags/', access: 'manage_taxonomy', handler: (c) => listPage(c, { name: '', slug: '' }) },
      {
        method: 'POST',
        path: '/tags/new',
        access: 'manage_taxonomy',
        handler: async (c) => {
          const values = tagValues(await readForm(c));
          return submitOrRefuse(
            async () => {
              await createTag(write, actorOf(c), tagInput(values));
              return c.redirect('/admin/tags/?done=created', 303);
            },
            (refusal) => listPage(c, values, refusal),
          );
        },
      },
      { method: 'GET', path: '/tags/:id/edit', access: 'manage_taxonomy', handler: async (c) => editPage(c, await findTag(c)) },
      {
        method: 'POST',
        path: '/tags/:id/edit',
        access: 'manage_taxonomy',
        handler: async (c) => {
          const tag = await findTag(c);
          const values = tagValues(await readForm(c));
          return submitOrRefuse(
            async () => {
              await renameTag(write, actorOf(c), tag.id, { name: values.name, slug: values.slug.trim() });
              return c.redirect(`/admin/tags/${tag.id}/edit?done=saved`, 303);
            },
            (refusal) => editPage(c, tag, { values, refusal, refused: 'rename' }),
          );
        },
      },
      {
        method: 'POST',
        path: '/tags/:id/merge',
        access: 'manage_taxonomy',
        handler: async (c) => {
          const tag = await findTag(c);
          const intoSlug = ((await readForm(c)).intoSlug ?? '').trim();
          return submitOrRefuse(
            async () => {
              const into = intoSlug === '' ? null : await findTagBySlug(deps.db, intoSlug);
              if (!into) throw new ValidationError('choose the tag to keep', { intoSlug: intoSlug === '' ? 'choose the tag to keep' : `no tag has the slug "${intoSlug}"` });
              await mergeTags(write, actorOf(c), { fromTagId: tag.id, intoTagId: into.id }).catch((error: unknown) => {
                // The use case names its own fields; on this form there is one.
                if (error instanceof ValidationError) throw new ValidationError(error.message, { intoSlug: Object.values(error.fields)[0] ?? error.message });
                throw error;
              });
              return c.redirect(`/admin/tags/${into.id}/edit?done=merged`, 303);
            },
            (refusal) => editPage(c, tag, { mergeInto: intoSlug, refusal, refused: 'merge' }),
          );
        },
      },
      {
        method: 'POST',
        path: '/tags/:id/delete',
        access: 'manage_taxonomy',
        handler: async (c) => {
          const tag = await findTag(c);
          return submitOrRefuse(
            async () => {
              await deleteTag(write, actorOf(c), tag.id);
              return c.redirect('/admin/tags/?done=deleted', 303);
            },
            (refusal) => editPage(c, tag, { refusal, refused: 'delete' }),
          );
        },
      },
    ],
  };
}
