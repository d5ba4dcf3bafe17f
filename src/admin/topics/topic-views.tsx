import { TOPIC_KINDS, type Topic, topicUrl } from '../../taxonomy/index.js';
import { CsrfField, type FieldErrors, FormErrorSummary, SelectField, TextArea, TextField } from '../views/form-fields.js';
import type { TopicFormValues } from './topic-form.js';
import type { TopicTreeRow } from './topic-tree.js';

const KIND_OPTIONS = [{ value: '', label: 'Choose a kind' }, ...TOPIC_KINDS.map((k) => ({ value: k, label: k[0]!.toUpperCase() + k.slice(1) }))];

/** The topic tree: indented by depth, with each topic's articles and what can be done with it. */
export function TopicTreeView({ rows }: { rows: readonly TopicTreeRow[] }) {
  return (
    <section aria-labelledby="topics-title">
      <div class="admin-page-head">
        <h1 id="topics-title">Topics</h1>
        <a href="/admin/topics/new">New topic</a>
      </div>
      {rows.length === 0 ? (
        <p>No topics yet.</p>
      ) : (
        <table class="admin-table admin-topic-tree">
          <caption class="admin-muted">
            Published articles count those of subtopics too; a topic can be deleted once no article (draft or published) is filed under it.
          </caption>
          <thead>
            <tr>
              <th scope="col">Topic</th>
              <th scope="col">Kind</th>
              <th scope="col">Published</th>
              <th scope="col">Filed here</th>
              <th scope="col">
                <span class="admin-visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ topic, listed, filed }) => (
              <tr>
                <th scope="row" class={`admin-depth-${Math.min(topic.depth, 6)}`}>
                  <a href={`/admin/topics/${topic.id}/edit`}>{topic.name}</a>
                  <span class="admin-muted admin-topic-path">{topicUrl(topic.path)}</span>
                </th>
                <td>{topic.kind}</td>
                <td>{listed}</td>
                <td>{filed}</td>
                <td>
                  <ul class="admin-row-actions">
                    <li>
                      <a href={`/admin/topics/${topic.id}/move`}>
                        Move<span class="admin-visually-hidden"> {topic.name}</span>
                      </a>
                    </li>
                    <li>
                      <a href={`/admin/topics/new?parent=${topic.id}`}>
                        Add subtopic<span class="admin-visually-hidden"> of {topic.name}</span>
                      </a>
                    </li>
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export interface TopicFormViewProps {
  heading: string;
  action: string;
  csrfToken: string;
  values: TopicFormValues;
  parents: { value: string; label: string }[];
  errors?: FieldErrors | undefined;
  message?: string | undefined;
  /** when editing: the topic, with what keeps it from being deleted */
  existing?: { topic: Topic; filed: number; childCount: number } | undefined;
  submitLabel: string;
}

/** Create or edit a topic; a new slug or parent moves it (and its subtree) with redirects from the old URLs. */
export function TopicFormView(props: TopicFormViewProps) {
  const { values, errors } = props;
  return (
    <section aria-labelledby="topic-form-title">
      <p>
        <a href="/admin/topics/">All topics</a>
      </p>
      <h1 id="topic-form-title">{props.heading}</h1>
      <FormErrorSummary message={props.message} errors={errors} />
      <form method="post" action={props.action} class="admin-card admin-stack">
        <CsrfField token={props.csrfToken} />
        <TextField name="name" label="Name" value={values.name} errors={errors} required maxlength={200} />
        <TextField
          name="slug"
          label="Slug"
          value={values.slug}
          errors={errors}
          maxlength={120}
          hint="Lowercase letters, digits and hyphens; made from the name when left empty. Changing it moves the topic's URL: the old one answers 301."
        />
        <SelectField name="parentId" label="Parent" options={props.parents} value={values.parentId} errors={errors} hint="Moving a topic moves its subtopics and its articles' URLs with it." />
        <SelectField name="kind" label="Kind" options={KIND_OPTIONS} value={values.kind} errors={errors} required />
        <TextArea name="description" label="Description" value={values.description} errors={errors} rows={3} maxlength={2000} />
        <TextArea name="aliases" label="Aliases" value={values.aliases} errors={errors} rows={4} hint="Other names and acronyms, one per line; shown as the tagline of its articles." />
        <button type="submit">{props.submitLabel}</button>
      </form>
      {props.existing ? <DeleteTopic {...props.existing} csrfToken={props.csrfToken} /> : null}
    </section>
  );
}

function DeleteTopic({ topic, filed, childCount, csrfToken }: { topic: Topic; filed: number; childCount: number; csrfToken: string }) {
  const reason =
    filed > 0
      ? `${filed} article${filed === 1 ? ' is' : 's are'} filed under it: move ${filed === 1 ? 'it' : 'them'} first.`
      : childCount > 0
        ? `It has ${childCount} subtopic${childCount === 1 ? '' : 's'}: move or delete ${childCount === 1 ? 'it' : 'them'} first.`
        : null;
  return (
    <section class="admin-danger" aria-labelledby="delete-topic-title">
      <h2 id="delete-topic-title">Delete this topic</h2>
      {reason ? <p>{`${topic.name} cannot be deleted now. ${reason}`}</p> : <p>No article is filed under {topic.name}; its page will answer 404.</p>}
      <form method="post" action={`/admin/topics/${topic.id}/delete`}>
        <CsrfField token={csrfToken} />
        <button type="submit" class="admin-button-secondary">
          Delete {topic.name}
        </button>
      </form>
    </section>
  );
}

export interface MoveTopicViewProps {
  topic: Topic;
  csrfToken: string;
  parents: { value: string; label: string }[];
  values: { parentId: string; slug: string };
  errors?: FieldErrors | undefined;
  message?: string | undefined;
}

/** Move a topic (and its subtree) under another parent: only its place changes. */
export function MoveTopicView({ topic, csrfToken, parents, values, errors, message }: MoveTopicViewProps) {
  return (
    <section aria-labelledby="move-topic-title">
      <p>
        <a href="/admin/topics/">All topics</a>
      </p>
      <h1 id="move-topic-title">Move {topic.name}</h1>
      <p>
        Now at <code>{topicUrl(topic.path)}</code>. Its subtopics and articles move with it; every old URL answers 301 to the new one.
      </p>
      <FormErrorSummary message={message} errors={errors} />
      <form method="post" action={`/admin/topics/${topic.id}/move`} class="admin-card admin-stack">
        <CsrfField token={csrfToken} />
        <SelectField name="parentId" label="New parent" options={parents} value={values.parentId} errors={errors} />
        <TextField name="slug" label="Slug" value={values.slug} errors={errors} required maxlength={120} />
        <button type="submit">Move</button>
      </form>
    </section>
  );
}
