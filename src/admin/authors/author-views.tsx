import type { User } from '../../accounts/index.js';
import { authorUrl } from '../../content/index.js';
import type { MediaImage } from '../../media/index.js';
import { CsrfField, type FieldErrors, FormErrorSummary, SelectField, TextArea } from '../views/form-fields.js';
import type { AuthorRow } from './author-list.js';

export function AuthorListView({ rows }: { rows: readonly AuthorRow[] }) {
  return (
    <section aria-labelledby="authors-title">
      <div class="admin-page-head">
        <h1 id="authors-title">Authors</h1>
      </div>
      <p class="admin-muted">Everyone named on a byline. Their author page shows the bio and photo set here.</p>
      {rows.length === 0 ? (
        <p>No article names an author yet.</p>
      ) : (
        <table class="admin-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Author page</th>
              <th scope="col">Bylines</th>
              <th scope="col">Published</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ user, bylines, published }) => (
              <tr>
                <th scope="row">
                  <a href={`/admin/authors/${user.id}/edit`}>{user.name}</a>
                </th>
                <td>
                  <code>{authorUrl(user.slug)}</code>
                </td>
                <td>{bylines}</td>
                <td>{published}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export interface AuthorFormValues {
  bio: string;
  avatarMediaId: string;
}

export function AuthorEditView(props: { user: User; photos: MediaImage[]; csrfToken: string; values: AuthorFormValues; errors?: FieldErrors | undefined; message?: string | undefined }) {
  const { user, photos, values, errors } = props;
  const chosen = photos.find((p) => p.id === values.avatarMediaId);
  const options = [{ value: '', label: 'No photo' }, ...photos.map((p) => ({ value: p.id, label: p.alt || p.caption || `Image ${p.id.slice(-6)}` }))];
  return (
    <section aria-labelledby="author-title">
      <p>
        <a href="/admin/authors/">All authors</a>
      </p>
      <h1 id="author-title">{user.name}</h1>
      <p>
        Author page: <a href={authorUrl(user.slug)}>{authorUrl(user.slug)}</a>
      </p>
      <FormErrorSummary message={props.message} errors={errors} />
      <form method="post" action={`/admin/authors/${user.id}/edit`} class="admin-card admin-stack">
        <CsrfField token={props.csrfToken} />
        <TextArea name="bio" label="Bio" value={values.bio} errors={errors} rows={5} maxlength={2000} hint="Shown on the author page, as plain text." />
        <SelectField name="avatarMediaId" label="Photo" options={options} value={values.avatarMediaId} errors={errors} hint="One of the most recent images in the library." />
        {chosen ? <img class="admin-author-photo" src={chosen.url} alt={chosen.alt} width={chosen.width} height={chosen.height} /> : null}
        <button type="submit">Save author page</button>
      </form>
    </section>
  );
}
