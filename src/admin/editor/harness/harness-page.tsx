/**
 * The article form as the editor island's contract describes it (docs/editor.md), inside
 * the real admin layout: the page the island's browser tests and the bench load.
 */
import type { User } from '../../../accounts/index.js';
import { renderPage } from '../../render-page.js';
import { AdminLayout } from '../../views/admin-layout.js';
import { CheckboxField, CsrfField, SelectField, TextField, textareaText } from '../../views/form-fields.js';

export interface HarnessArticle {
  id: string;
  title: string;
  slug: string;
  dek: string;
  topic: string;
  commentsOpen: boolean;
  body: string;
  version: number;
  /** who saved the current version, and when (the 409 answer names them) */
  savedBy: string;
  savedAt: string;
}

export const HARNESS_USER: User = { id: 'u-harness', email: 'ana@example.org', name: 'Ana Ferreira', slug: 'ana-ferreira', role: 'editor', bio: '', avatarMediaId: null };

const TOPICS = [
  { value: 'economy', label: 'Economy' },
  { value: 'security', label: 'Security' },
  { value: 'society', label: 'Society' },
];

export interface HarnessPageProps {
  article: HarnessArticle;
  csrfToken: string;
  cssUrl: string;
  scriptUrl: string;
  /** no island: the textarea alone, as without JavaScript */
  withoutScript?: boolean;
}

export async function renderHarnessPage({ article, csrfToken, cssUrl, scriptUrl, withoutScript }: HarnessPageProps): Promise<string> {
  const base = `/admin/articles/${article.id}`;
  return renderPage(
    <AdminLayout
      title={`Edit “${article.title}”`}
      cssUrl={cssUrl}
      chrome={{ user: HARNESS_USER, csrfToken, nav: [{ label: 'Articles', href: '/admin/articles/' }], siteHref: '/', currentPath: `${base}/edit` }}
      scripts={withoutScript ? [] : [scriptUrl]}
    >
      <h1>Edit article</h1>
      <form id="article-form" method="post" action={`${base}/save`} data-autosave-url={`${base}/autosave`} data-article-id={article.id} data-version={String(article.version)} class="editor-form">
        <CsrfField token={csrfToken} />
        <input type="hidden" name="version" value={String(article.version)} />
        <TextField name="title" label="Title" value={article.title} required />
        <TextField name="slug" label="Slug" value={article.slug} hint="The last part of the address." />
        <TextField name="dek" label="Dek" value={article.dek} hint="One line under the title." />
        <SelectField name="topic" label="Primary topic" options={TOPICS} value={article.topic} />
        <CheckboxField name="commentsOpen" label="Comments open" checked={article.commentsOpen} />
        <div class="editor-field">
          <label for="body">Body</label>
          <textarea id="body" name="body" rows={20}>{textareaText(article.body)}</textarea>
          <div data-editor-for="body" data-media-url="/admin/media/library.json" data-upload-url="/admin/media/upload"></div>
        </div>
        <p class="editor-status" role="status" aria-live="polite"></p>
        <button type="submit">Save</button>
      </form>
    </AdminLayout>,
  );
}
