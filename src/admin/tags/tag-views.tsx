import { type Tag, tagUrl } from '../../taxonomy/index.js';
import { CsrfField, type FieldErrors, FormErrorSummary, SelectField, TextField } from '../views/form-fields.js';
import { ListFilter, Pagination } from '../views/list-parts.js';
import type { TagList } from './tag-list.js';

export interface TagFormValues {
  name: string;
  slug: string;
}

function listHref(filter: string, page: number): string {
  const params = new URLSearchParams();
  if (filter) params.set('q', filter);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return `/admin/tags/${query ? `?${query}` : ''}`;
}

/** Every tag (a page at a time), a filter, and a form to add one. */
export function TagListView(props: { list: TagList; csrfToken: string; values: TagFormValues; errors?: FieldErrors | undefined; message?: string | undefined }) {
  const { list } = props;
  return (
    <section aria-labelledby="tags-title">
      <div class="admin-page-head">
        <h1 id="tags-title">Tags</h1>
        <span class="admin-muted">{`${list.total} tag${list.total === 1 ? '' : 's'}${list.filter ? ` matching “${list.filter}”` : ''}`}</span>
      </div>
      <ListFilter action="/admin/tags/" label="Filter by name or slug" value={list.filter} />
      {list.rows.length === 0 ? (
        <p>No tags{list.filter ? ' match this filter' : ' yet'}.</p>
      ) : (
        <table class="admin-table">
          <thead>
            <tr>
              <th scope="col">Tag</th>
              <th scope="col">Slug</th>
              <th scope="col">Articles</th>
              <th scope="col">Published</th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map(({ tag, used, listed }) => (
              <tr>
                <th scope="row">
                  <a href={`/admin/tags/${tag.id}/edit`}>{tag.name}</a>
                </th>
                <td>
                  <code>{tag.slug}</code>
                </td>
                <td>{used}</td>
                <td>{listed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination label="Pages of tags" page={list.page} pageCount={list.pageCount} href={(page) => listHref(list.filter, page)} />
      <h2 id="new-tag-title">New tag</h2>
      <FormErrorSummary message={props.message} errors={props.errors} />
      <form method="post" action="/admin/tags/new" class="admin-card admin-stack" aria-labelledby="new-tag-title">
        <CsrfField token={props.csrfToken} />
        <TextField name="name" label="Name" value={props.values.name} errors={props.errors} required maxlength={120} />
        <TextField name="slug" label="Slug" value={props.values.slug} errors={props.errors} maxlength={120} hint="Made from the name when left empty." />
        <button type="submit">Add tag</button>
      </form>
    </section>
  );
}

export interface TagEditViewProps {
  tag: Tag;
  used: number;
  csrfToken: string;
  values: TagFormValues;
  mergeInto: string;
  /** the other tags, when few enough for a select (else the slug is typed) */
  mergeChoices: { value: string; label: string }[] | null;
  errors?: FieldErrors | undefined;
  message?: string | undefined;
  /** which form the refusal belongs to */
  refused?: 'rename' | 'merge' | 'delete' | undefined;
}

/** Rename a tag, merge it into another, or delete it when no article carries it. */
export function TagEditView(props: TagEditViewProps) {
  const { tag, errors } = props;
  const errorsOf = (form: 'rename' | 'merge' | 'delete') => (props.refused === form ? errors : undefined);
  const messageOf = (form: 'rename' | 'merge' | 'delete') => (props.refused === form ? props.message : undefined);
  return (
    <section aria-labelledby="tag-title">
      <p>
        <a href="/admin/tags/">All tags</a>
      </p>
      <h1 id="tag-title">{tag.name}</h1>
      <p>
        At <a href={tagUrl(tag.slug)}>{tagUrl(tag.slug)}</a>; {props.used} article{props.used === 1 ? '' : 's'} carry it.
      </p>

      <h2 id="rename-title">Rename</h2>
      <FormErrorSummary message={messageOf('rename')} errors={errorsOf('rename')} />
      <form method="post" action={`/admin/tags/${tag.id}/edit`} class="admin-card admin-stack" aria-labelledby="rename-title">
        <CsrfField token={props.csrfToken} />
        <TextField name="name" label="Name" value={props.values.name} errors={errorsOf('rename')} required maxlength={120} />
        <TextField name="slug" label="Slug" value={props.values.slug} errors={errorsOf('rename')} required maxlength={120} hint="A new slug moves the tag's page: the old URL answers 301." />
        <button type="submit">Save</button>
      </form>

      <h2 id="merge-title">Merge into another tag</h2>
      <p>Its articles get the other tag, this tag is deleted, and {tagUrl(tag.slug)} answers 301 to the other tag's page.</p>
      <FormErrorSummary message={messageOf('merge')} errors={errorsOf('merge')} />
      <form method="post" action={`/admin/tags/${tag.id}/merge`} class="admin-card admin-stack" aria-labelledby="merge-title">
        <CsrfField token={props.csrfToken} />
        {props.mergeChoices ? (
          <SelectField name="intoSlug" label="The tag to keep" options={[{ value: '', label: 'Choose a tag' }, ...props.mergeChoices]} value={props.mergeInto} errors={errorsOf('merge')} required />
        ) : (
          <TextField name="intoSlug" label="Slug of the tag to keep" value={props.mergeInto} errors={errorsOf('merge')} required maxlength={120} />
        )}
        <button type="submit">Merge {tag.name} into it</button>
      </form>

      <h2 id="delete-tag-title">Delete</h2>
      <FormErrorSummary message={messageOf('delete')} />
      {props.used > 0 ? <p>{`${props.used} article${props.used === 1 ? ' carries' : 's carry'} this tag: merge it instead.`}</p> : <p>No article carries it.</p>}
      <form method="post" action={`/admin/tags/${tag.id}/delete`} aria-labelledby="delete-tag-title">
        <CsrfField token={props.csrfToken} />
        <button type="submit" class="admin-button-secondary">
          Delete {tag.name}
        </button>
      </form>
    </section>
  );
}
