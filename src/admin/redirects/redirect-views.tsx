import type { ImportPreview, RedirectEntry } from '../../redirects/index.js';
import { CsrfField, type FieldErrors, FormErrorSummary, SelectField, TextArea, TextField } from '../views/form-fields.js';
import { ListFilter, Pagination } from '../views/list-parts.js';

export interface RedirectFormValues {
  fromPath: string;
  toPath: string;
  code: string;
}

const CODE_OPTIONS = [
  { value: '301', label: '301 — moved to the address below' },
  { value: '410', label: '410 — gone for good' },
];

export interface RedirectListViewProps {
  items: RedirectEntry[];
  total: number;
  page: number;
  pageCount: number;
  filter: string;
  csrfToken: string;
  values: RedirectFormValues;
  errors?: FieldErrors | undefined;
  message?: string | undefined;
}

const when = (date: Date | null) => (date ? <time datetime={date.toISOString()}>{date.toISOString().slice(0, 16).replace('T', ' ')} UTC</time> : 'never');

function listHref(filter: string, page: number): string {
  const params = new URLSearchParams();
  if (filter) params.set('q', filter);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return `/admin/redirects/${query ? `?${query}` : ''}`;
}

export function editHref(fromPath: string): string {
  return `/admin/redirects/edit?from=${encodeURIComponent(fromPath)}`;
}

/** Every redirect with its hits, a filter, and a form to add one. */
export function RedirectListView(props: RedirectListViewProps) {
  return (
    <section aria-labelledby="redirects-title">
      <div class="admin-page-head">
        <h1 id="redirects-title">Redirects</h1>
        <a href="/admin/redirects/import">Import CSV</a>
      </div>
      <ListFilter action="/admin/redirects/" label="Filter by path" value={props.filter} />
      <p class="admin-muted">{`${props.total} redirect${props.total === 1 ? '' : 's'}${props.filter ? ` matching “${props.filter}”` : ''}. Hits are stored every few seconds.`}</p>
      {props.items.length === 0 ? null : (
        <table class="admin-table admin-redirects">
          <thead>
            <tr>
              <th scope="col">From</th>
              <th scope="col">To</th>
              <th scope="col">Code</th>
              <th scope="col">Hits</th>
              <th scope="col">Last hit</th>
            </tr>
          </thead>
          <tbody>
            {props.items.map((r) => (
              <tr>
                <th scope="row">
                  <a href={editHref(r.fromPath)}>{r.fromPath}</a>
                </th>
                <td>{r.code === 410 ? <span class="admin-muted">(gone)</span> : r.toPath}</td>
                <td>{r.code}</td>
                <td>{r.hits}</td>
                <td>{when(r.lastHitAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination label="Pages of redirects" page={props.page} pageCount={props.pageCount} href={(page) => listHref(props.filter, page)} />
      <h2 id="new-redirect-title">Add a redirect</h2>
      <FormErrorSummary message={props.message} errors={props.errors} />
      <RedirectFields action="/admin/redirects/new" csrfToken={props.csrfToken} values={props.values} errors={props.errors} submitLabel="Add redirect" labelledBy="new-redirect-title" />
    </section>
  );
}

function RedirectFields(props: { action: string; csrfToken: string; values: RedirectFormValues; errors?: FieldErrors | undefined; submitLabel: string; labelledBy: string; replacing?: string }) {
  return (
    <form method="post" action={props.action} class="admin-card admin-stack" aria-labelledby={props.labelledBy}>
      <CsrfField token={props.csrfToken} />
      {props.replacing ? <input type="hidden" name="replacing" value={props.replacing} /> : null}
      <TextField name="fromPath" label="From" value={props.values.fromPath} errors={props.errors} required maxlength={2000} hint="A path on this site, such as /2019/05/old-story/." />
      <TextField name="toPath" label="To" value={props.values.toPath} errors={props.errors} maxlength={2000} hint="A path on this site or a full http(s) address; empty for 410." />
      <SelectField name="code" label="Answer" options={CODE_OPTIONS} value={props.values.code} errors={props.errors} />
      <button type="submit">{props.submitLabel}</button>
    </form>
  );
}

export function RedirectEditView(props: { entry: RedirectEntry; csrfToken: string; values: RedirectFormValues; errors?: FieldErrors | undefined; message?: string | undefined }) {
  return (
    <section aria-labelledby="edit-redirect-title">
      <p>
        <a href="/admin/redirects/">All redirects</a>
      </p>
      <h1 id="edit-redirect-title">Redirect from {props.entry.fromPath}</h1>
      <p class="admin-muted">
        {props.entry.hits} hit{props.entry.hits === 1 ? '' : 's'}; last {when(props.entry.lastHitAt)}.
      </p>
      <FormErrorSummary message={props.message} errors={props.errors} />
      <RedirectFields
        action="/admin/redirects/edit"
        csrfToken={props.csrfToken}
        values={props.values}
        errors={props.errors}
        submitLabel="Save redirect"
        labelledBy="edit-redirect-title"
        replacing={props.entry.fromPath}
      />
      <form method="post" action="/admin/redirects/delete" class="admin-danger">
        <CsrfField token={props.csrfToken} />
        <input type="hidden" name="fromPath" value={props.entry.fromPath} />
        <button type="submit" class="admin-button-secondary">
          Delete this redirect
        </button>
      </form>
    </section>
  );
}

const CHANGE_LABELS = { new: 'new', changed: 'changes', unchanged: 'unchanged' } as const;

/** Paste or upload a CSV; a preview lists every line's effect before anything is written. */
export function RedirectImportView(props: { csrfToken: string; csv: string; errors?: FieldErrors | undefined; message?: string | undefined; preview?: ImportPreview | undefined }) {
  const { preview } = props;
  return (
    <section aria-labelledby="import-title">
      <p>
        <a href="/admin/redirects/">All redirects</a>
      </p>
      <h1 id="import-title">Import redirects</h1>
      <p>
        One redirect per line: <code>from,to,code</code> (an optional header row; code 301 or 410, 301 when left out). Every line is checked; a single mistake imports nothing.
      </p>
      <FormErrorSummary message={props.message} errors={props.errors} />
      {preview && preview.problems.length === 0 ? <ImportPreviewTable preview={preview} csrfToken={props.csrfToken} csv={props.csv} /> : null}
      <form method="post" action="/admin/redirects/import" enctype="multipart/form-data" class="admin-card admin-stack">
        <CsrfField token={props.csrfToken} />
        <TextArea name="csv" label="CSV" value={props.csv} errors={props.errors} rows={10} hint="Paste the lines here, or choose a file below." />
        <div class="admin-field">
          <label for="file">CSV file</label>
          <input id="file" name="file" type="file" accept=".csv,text/csv,text/plain" />
        </div>
        <input type="hidden" name="step" value="preview" />
        <button type="submit">Preview</button>
      </form>
    </section>
  );
}

function ImportPreviewTable({ preview, csrfToken, csv }: { preview: ImportPreview; csrfToken: string; csv: string }) {
  const { counts } = preview;
  return (
    <section class="admin-card" aria-labelledby="preview-title">
      <h2 id="preview-title">What the import will do</h2>
      <p>{`${counts.new} new, ${counts.changed} changed, ${counts.unchanged} unchanged.`}</p>
      <table class="admin-table">
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">From</th>
            <th scope="col">To</th>
            <th scope="col">Code</th>
            <th scope="col">Effect</th>
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((row) => (
            <tr>
              <td>{row.line}</td>
              <th scope="row">{row.redirect.fromPath}</th>
              <td>{row.redirect.toPath}</td>
              <td>{row.redirect.code}</td>
              <td>{row.change === 'changed' && row.before ? `changes (was ${row.before.code} ${row.before.toPath})` : CHANGE_LABELS[row.change]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form method="post" action="/admin/redirects/import">
        <CsrfField token={csrfToken} />
        <input type="hidden" name="csv" value={csv} />
        <input type="hidden" name="step" value="confirm" />
        <button type="submit">{`Import ${counts.new + counts.changed} redirect${counts.new + counts.changed === 1 ? '' : 's'}`}</button>
      </form>
    </section>
  );
}
