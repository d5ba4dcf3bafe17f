import type { Child } from 'hono/jsx';
import { COMMENT_MODERATION, type CommentModeration } from '../../settings/index.js';
import { CsrfField, type FieldErrors, FormErrorSummary, type SelectOption, SelectField, TextArea, TextField } from '../views/form-fields.js';
import { fieldName, type MenuName, type MenuRow } from './menu-form.js';

export type SettingsTab = 'general' | 'navigation' | 'comments' | 'mail';

const TABS: Array<{ tab: SettingsTab; label: string; href: string }> = [
  { tab: 'general', label: 'General', href: '/admin/settings/' },
  { tab: 'navigation', label: 'Navigation', href: '/admin/settings/navigation' },
  { tab: 'comments', label: 'Comments', href: '/admin/settings/comments' },
  { tab: 'mail', label: 'Mail outbox', href: '/admin/mail/' },
];

/** The settings pages' own navigation, and the page frame with its heading. */
export function SettingsFrame({ tab, title, children }: { tab: SettingsTab; title: string; children: Child }) {
  return (
    <section aria-labelledby="settings-title">
      <h1 id="settings-title">{title}</h1>
      <nav class="admin-tabs" aria-label="Settings">
        <ul>
          {TABS.map((t) => (
            <li>
              <a href={t.href} aria-current={t.tab === tab ? 'page' : undefined}>
                {t.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {children}
    </section>
  );
}

export interface GeneralValues {
  title: string;
  description: string;
  language: string;
  timeZone: string;
  publisherName: string;
  publisherLogoMediaId: string;
}

export function GeneralSettingsView(props: { csrfToken: string; values: GeneralValues; logoOptions: SelectOption[]; errors?: FieldErrors | undefined }) {
  const { values, errors } = props;
  return (
    <SettingsFrame tab="general" title="Settings">
      <FormErrorSummary errors={errors} />
      <form method="post" action="/admin/settings/" class="admin-card" novalidate>
        <CsrfField token={props.csrfToken} />
        <TextField name="title" label="Site title" value={values.title} required maxlength={120} errors={errors} />
        <TextArea name="description" label="Description" value={values.description} rows={3} maxlength={500} hint="Shown under the title and in search results." errors={errors} />
        <TextField name="language" label="Language" value={values.language} required maxlength={35} hint="A language tag: en, en-GB, fr, pt-BR." errors={errors} />
        <TextField
          name="timeZone"
          label="Time zone"
          value={values.timeZone}
          required
          maxlength={64}
          hint={
            <>
              Dates on the site and scheduled publishing follow it. An IANA name such as Europe/London or America/New_York.
            </>
          }
          errors={errors}
        />
        <TextField name="publisherName" label="Publisher name" value={values.publisherName} required maxlength={200} errors={errors} />
        <SelectField
          name="publisherLogoMediaId"
          label="Publisher logo"
          options={[{ value: '', label: 'No logo' }, ...props.logoOptions]}
          value={values.publisherLogoMediaId}
          hint="One of the media library’s images, used by search engines’ article cards."
          errors={errors}
        />
        <button type="submit">Save settings</button>
      </form>
    </SettingsFrame>
  );
}

const MENU_TITLES: Record<MenuName, { title: string; hint: string }> = {
  navigation: { title: 'Header menu', hint: 'Shown on every page after the top-level topics.' },
  secondaryNavigation: { title: 'Footer menu', hint: 'Shown on every page’s footer, before the standalone pages.' },
};

export function NavigationSettingsView(props: { csrfToken: string; menus: Record<MenuName, MenuRow[]>; errors?: FieldErrors | undefined }) {
  const errors = props.errors ?? {};
  return (
    <SettingsFrame tab="navigation" title="Navigation">
      {Object.keys(errors).length > 0 ? (
        <div class="admin-alert" role="alert">
          <p>Please correct the links marked below. Nothing was saved yet.</p>
        </div>
      ) : null}
      <form method="post" action="/admin/settings/navigation" novalidate>
        <CsrfField token={props.csrfToken} />
        {(['navigation', 'secondaryNavigation'] as const).map((menu) => (
          <fieldset class="admin-card admin-menu">
            <legend>{MENU_TITLES[menu].title}</legend>
            <p class="admin-hint">
              {MENU_TITLES[menu].hint} Links are ordered by their position number; tick “Remove” to drop one; fill an empty row to add one.
            </p>
            {errors[menu] ? <p class="admin-field-error">{errors[menu]}</p> : null}
            <table class="admin-table admin-menu-rows">
              <thead>
                <tr>
                  <th scope="col">Position</th>
                  <th scope="col">Label</th>
                  <th scope="col">Link</th>
                  <th scope="col">Remove</th>
                </tr>
              </thead>
              <tbody>
                {props.menus[menu].map((row, i) => (
                  <MenuRowFields menu={menu} row={row} index={i} errors={errors} />
                ))}
              </tbody>
            </table>
          </fieldset>
        ))}
        <button type="submit">Save menus</button>
      </form>
    </SettingsFrame>
  );
}

function MenuRowFields({ menu, row, index, errors }: { menu: MenuName; row: MenuRow; index: number; errors: FieldErrors }) {
  const n = index + 1;
  const cell = (field: 'position' | 'label' | 'url', label: string, value: string, extra: Record<string, unknown>) => {
    const name = fieldName(menu, field, index);
    const error = errors[name];
    return (
      <td class={error ? 'admin-field-invalid' : undefined}>
        <label class="admin-visually-hidden" for={name}>
          {label}
        </label>
        <input id={name} name={name} value={value} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `${name}-error` : undefined} {...extra} />
        {error ? (
          <p class="admin-field-error" id={`${name}-error`}>
            {error}
          </p>
        ) : null}
      </td>
    );
  };
  const removeName = fieldName(menu, 'remove', index);
  return (
    <tr>
      {cell('position', `Position of link ${n}`, row.position, { type: 'text', inputmode: 'numeric', size: 3, maxlength: 4, class: 'admin-position' })}
      {cell('label', `Label of link ${n}`, row.label, { type: 'text', maxlength: 60 })}
      {cell('url', `Address of link ${n}`, row.url, { type: 'text', maxlength: 500, placeholder: '/about/ or https://…' })}
      <td>
        <input type="checkbox" id={removeName} name={removeName} value="1" checked={row.isRemoved} />
        <label for={removeName}>
          <span class="admin-visually-hidden">Remove link {n}</span>
          <span aria-hidden="true">Remove</span>
        </label>
      </td>
    </tr>
  );
}

export interface CommentValues {
  commentModeration: string;
  commentsCloseAfterDays: string;
  commentThreadDepth: string;
  commentPolicy: string;
  commentSpamRetentionDays: string;
  commentTrashRetentionDays: string;
}

const MODERATION_LABELS: Record<CommentModeration, string> = {
  'hold-first': 'Hold a first comment from an email not seen before (recommended)',
  'hold-all': 'Hold every comment for a moderator',
  'approve-all': 'Publish comments at once',
};

export function CommentSettingsView(props: { csrfToken: string; values: CommentValues; errors?: FieldErrors | undefined }) {
  const { values, errors } = props;
  return (
    <SettingsFrame tab="comments" title="Comments">
      <FormErrorSummary errors={errors} />
      <form method="post" action="/admin/settings/comments" class="admin-card" novalidate>
        <CsrfField token={props.csrfToken} />
        <SelectField
          name="commentModeration"
          label="Moderation"
          options={COMMENT_MODERATION.map((m) => ({ value: m, label: MODERATION_LABELS[m] }))}
          value={values.commentModeration}
          errors={errors}
        />
        <DaysField name="commentsCloseAfterDays" label="Close comments after (days)" value={values.commentsCloseAfterDays} hint="Days after publication; 0 keeps comments open." errors={errors} />
        <TextField name="commentThreadDepth" label="Reply depth" value={values.commentThreadDepth} inputmode="numeric" maxlength={2} hint="How deep replies nest (1 to 10)." errors={errors} />
        <TextArea name="commentPolicy" label="Note above the comment form" value={values.commentPolicy} rows={3} maxlength={2000} errors={errors} />
        <fieldset class="article-form-group">
          <legend>Spam and trash</legend>
          <DaysField
            name="commentSpamRetentionDays"
            label="Delete spam after (days)"
            value={values.commentSpamRetentionDays}
            hint="Comments in the spam folder are deleted for good this many days after they were marked as spam (WordPress with Akismet deletes spam after 15 days). 0 keeps them until a moderator deletes them."
            errors={errors}
          />
          <DaysField
            name="commentTrashRetentionDays"
            label="Empty the trash after (days)"
            value={values.commentTrashRetentionDays}
            hint="Comments in the trash are deleted for good this many days after they were trashed (WordPress empties its trash after 30 days). 0 keeps them until a moderator deletes them."
            errors={errors}
          />
        </fieldset>
        <button type="submit">Save comment settings</button>
      </form>
    </SettingsFrame>
  );
}

/** A number of days, typed as text (the settings' bound is 3,650: five digits at most). */
function DaysField(props: { name: keyof CommentValues; label: string; value: string; hint: string; errors?: FieldErrors | undefined }) {
  return <TextField {...props} inputmode="numeric" maxlength={5} />;
}
