import { BLOCK_KINDS, type BlockEntry, type BlockKind } from '../../comments/index.js';
import { CsrfField, type FieldErrors, FormErrorSummary, SelectField, TextField } from '../views/form-fields.js';
import { When } from '../views/when.js';

export interface BlockFormValues {
  kind: string;
  value: string;
  note: string;
}

export const KIND_LABELS: Record<BlockKind, string> = { word: 'Word or phrase', email: 'Email address', ip: 'IP address or IP hash' };

/** The block list: what sends a comment straight to the spam folder, and a form to add to it. */
export function BlockListView(props: { entries: BlockEntry[]; csrfToken: string; values: BlockFormValues; errors?: FieldErrors | undefined; message?: string | undefined }) {
  return (
    <section aria-labelledby="blocks-title">
      <p>
        <a href="/admin/comments/">Back to the comments</a>
      </p>
      <h1 id="blocks-title">Block list</h1>
      <p>
        A comment that contains a blocked word or phrase (as whole words, in any field), or comes from a blocked email address or IP address, goes straight to the spam folder. Its
        writer is not told.
      </p>
      {props.entries.length === 0 ? (
        <p class="admin-muted">Nothing is blocked.</p>
      ) : (
        <table class="admin-table queue-blocks">
          <caption class="admin-visually-hidden">Blocked words, email addresses and IP hashes</caption>
          <thead>
            <tr>
              <th scope="col">Kind</th>
              <th scope="col">Blocked</th>
              <th scope="col">Note</th>
              <th scope="col">Added</th>
              <th scope="col">
                <span class="admin-visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {props.entries.map((e) => (
              <tr>
                <td>{KIND_LABELS[e.kind]}</td>
                <th scope="row">{e.kind === 'ip' ? <code>{e.value}</code> : e.value}</th>
                <td>{e.note}</td>
                <td>
                  <When at={e.createdAt} />
                </td>
                <td>
                  <form method="post" action="/admin/comments/blocks/remove" class="admin-inline-form">
                    <CsrfField token={props.csrfToken} />
                    <input type="hidden" name="kind" value={e.kind} />
                    <input type="hidden" name="value" value={e.value} />
                    <button type="submit" class="admin-link-button" aria-label={`Remove ${e.value} from the block list`}>
                      Remove
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2 id="new-block-title">Block something</h2>
      <FormErrorSummary message={props.message} errors={props.errors} />
      <form method="post" action="/admin/comments/blocks" class="admin-card admin-stack" aria-labelledby="new-block-title">
        <CsrfField token={props.csrfToken} />
        <SelectField name="kind" label="Kind" options={BLOCK_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))} value={props.values.kind} errors={props.errors} />
        <TextField
          name="value"
          label="Word, email or address"
          value={props.values.value}
          errors={props.errors}
          required
          maxlength={300}
          hint="An IP address is stored only as its keyed hash; the hash from a queue row works too."
        />
        <TextField name="note" label="Note (for moderators)" value={props.values.note} errors={props.errors} maxlength={200} />
        <button type="submit">Add to the block list</button>
      </form>
    </section>
  );
}
