/**
 * One editor island on the article form (the contract is in docs/editor.md): the textarea
 * it replaces keeps the body HTML on every change, so an ordinary submit posts it; the form
 * autosaves, keeps a copy in this browser, offers that copy back after a crash, and stops
 * at a conflict rather than overwrite someone else's save.
 */
import type { Editor } from '@tiptap/core';
import { loadBody } from './body/load-body.js';
import { serializeBody } from './body/serialize-body.js';
import { createBodyEditor } from './editor.js';
import { createUploadPanel, uploadAndInsert } from './media/drop-upload.js';
import type { MediaEndpoints } from './media/media-api.js';
import { Autosave } from './save/autosave.js';
import { type FieldEntries, readFields, sameFields, writeFields } from './save/form-fields.js';
import { LocalDraftStore } from './save/local-draft.js';
import type { EditorActionDetail } from './schema/node-views.js';
import { toolGroups } from './tools.js';
import { openAltDialog, openLinkCardDialog, openLinkDialog } from './ui/dialogs.js';
import { h } from './ui/dom.js';
import { openFigureDialog } from './ui/figure-dialog.js';
import { conflictNotice, restoreBanner, StatusLine } from './ui/notices.js';
import { createToolbar, type Toolbar } from './ui/toolbar.js';

const DRAFT_WRITE_MS = 250;

export interface MountedIsland {
  editor: Editor;
  /** stored blocks shown read-only because the schema cannot hold them exactly */
  keptBlocks: number;
}

export function mountEditorIsland(mount: HTMLElement): MountedIsland | null {
  const form = mount.closest('form');
  const fieldName = mount.dataset.editorFor ?? '';
  const found = form?.querySelector(`#${CSS.escape(fieldName)}`) ?? form?.elements.namedItem(fieldName);
  if (!form || !(found instanceof HTMLTextAreaElement)) return null;
  const textarea = found;
  const versionField = form.elements.namedItem('version');
  const articleId = form.dataset.articleId ?? '';
  const initialFields = readFields(form);
  const pageVersion = versionField instanceof HTMLInputElement ? versionField.value : (form.dataset.version ?? '');
  const currentVersion = () => (versionField instanceof HTMLInputElement ? versionField.value : (form.dataset.version ?? ''));

  const label = textarea.id ? form.querySelector<HTMLLabelElement>(`label[for="${CSS.escape(textarea.id)}"]`) : null;
  const labelId = label ? (label.id ||= `${textarea.id}-label`) : '';
  let statusElement = form.querySelector<HTMLElement>('.editor-status');
  if (!statusElement) {
    statusElement = h('p', { class: 'editor-status', role: 'status', 'aria-live': 'polite' });
    mount.after(statusElement);
  }
  const status = new StatusLine(statusElement);
  const endpoints: MediaEndpoints = {
    libraryUrl: mount.dataset.mediaUrl ?? '/admin/media/library.json',
    uploadUrl: mount.dataset.uploadUrl ?? '/admin/media/upload',
    csrfToken: () => String(new FormData(form).get('csrf') ?? ''),
  };

  const host = h('div', { class: 'editor-host' });
  const uploads = createUploadPanel();
  let toolbar: Toolbar | null = null;
  const { editor, keptBlocks } = createBodyEditor({
    host,
    html: textarea.value,
    labelId,
    onLink: () => openLinkDialog(editor),
    onFocusToolbar: () => toolbar?.focus(),
    onFiles: (files, pos) => void uploadAndInsert(editor, endpoints, files, pos, uploads),
  });
  const editorElement = () => editor.view.dom as HTMLElement;
  editorElement().id ||= `${textarea.id || fieldName}-editor`;
  toolbar = createToolbar(
    editor,
    toolGroups(editor, {
      link: () => openLinkDialog(editor),
      figure: () => openFigureDialog(editor, endpoints),
      linkCard: (pos) => openLinkCardDialog(editor, pos),
      altText: (pos) => openAltDialog(editor, pos),
    }),
    editorElement,
    editorElement().id,
  );
  mount.append(toolbar.element, uploads.element, host);
  mount.classList.add('editor-mounted');
  textarea.hidden = true;
  label?.addEventListener('click', (event) => {
    event.preventDefault();
    editor.commands.focus();
  });
  host.addEventListener('editor-action', (event) => {
    const { action, pos } = (event as CustomEvent<EditorActionDetail>).detail;
    if (action === 'image-alt') openAltDialog(editor, pos);
    else openLinkCardDialog(editor, pos);
  });

  // The textarea always holds what the editor shows: an ordinary submit posts it.
  const flush = () => {
    const html = serializeBody(editor.state.doc);
    if (textarea.value !== html) textarea.value = html;
  };

  const drafts = new LocalDraftStore(articleId);
  let draftTimer: ReturnType<typeof setTimeout> | null = null;
  const writeDraftNow = () => {
    if (draftTimer !== null) clearTimeout(draftTimer);
    draftTimer = null;
    flush();
    if (!drafts.write({ version: currentVersion(), savedAt: new Date().toISOString(), fields: readFields(form) })) {
      status.say('This browser will not keep a copy of your changes (private mode or no space left): save before leaving.', 'warn');
    }
  };
  const writeDraftSoon = () => {
    draftTimer ??= setTimeout(writeDraftNow, DRAFT_WRITE_MS);
  };
  addEventListener('pagehide', () => {
    if (draftTimer !== null) writeDraftNow();
  });

  const autosaveUrl = form.dataset.autosaveUrl;
  const autosave = autosaveUrl
    ? new Autosave(form, autosaveUrl, {
        flush,
        snapshot: () => readFields(form),
        onSaving: () => status.saving(),
        onSaved: ({ savedAt, sent, isCurrent }) => {
          status.saved(savedAt);
          if (isCurrent && sameFields(sent as FieldEntries, readFields(form))) {
            if (draftTimer !== null) clearTimeout(draftTimer);
            draftTimer = null;
            drafts.clear();
          } else {
            writeDraftNow(); // newer changes: keep them, at the new version
          }
        },
        onConflict: (conflict) => {
          writeDraftNow();
          form.prepend(conflictNotice(conflict));
          status.say('Not saved: this article changed elsewhere. Your changes are kept in this browser.', 'warn');
        },
        onNotSaved: (reason, detail, retryInMs) => status.notSaved(reason, detail, retryInMs),
      })
    : null;

  const changed = () => {
    writeDraftSoon();
    autosave?.notifyChange();
  };
  editor.on('update', () => {
    flush();
    changed();
  });
  const onFieldEdit = (event: Event) => {
    if (event.target instanceof Node && host.contains(event.target)) return;
    changed();
  };
  form.addEventListener('input', onFieldEdit);
  form.addEventListener('change', onFieldEdit);
  form.addEventListener('submit', () => {
    flush();
    autosave?.stop();
  });

  offerLocalCopy();

  mount.dataset.editorReady = 'true';
  performance.mark('dossier-editor-ready');
  return { editor, keptBlocks };

  function offerLocalCopy(): void {
    const draft = drafts.read();
    if (!draft) return;
    if (sameFields(draft.fields, initialFields)) {
      drafts.clear();
      return;
    }
    const banner = restoreBanner(
      draft.savedAt,
      draft.version !== '' && draft.version !== pageVersion,
      () => {
        writeFields(form!, draft.fields);
        editor.commands.setContent(loadBody(textarea.value, editor.schema).doc.toJSON(), { emitUpdate: false });
        flush();
        status.say('Restored the changes kept in this browser.');
        changed();
        editor.commands.focus('end');
      },
      () => {
        drafts.clear();
        status.say('Discarded the copy kept in this browser.');
      },
    );
    form!.prepend(banner);
  }
}
