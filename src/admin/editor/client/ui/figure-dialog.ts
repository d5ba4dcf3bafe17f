/**
 * Inserting a figure: upload an image (with progress, retried if the connection drops) or
 * pick one from the media library, then give its alt text, caption and credit (the
 * library's own are offered). Caption and credit stay editable in place afterwards.
 */
import type { Editor } from '@tiptap/core';
import { insertBlock } from '../commands.js';
import { figureContent } from '../media/figure-content.js';
import { fetchLibrary, type MediaEndpoints, type MediaItem, uploadImage, UploadRefused } from '../media/media-api.js';
import { openFormDialog } from './dialog.js';
import { h, uniqueId } from './dom.js';

export function openFigureDialog(editor: Editor, endpoints: MediaEndpoints): void {
  let chosen: { kind: 'library'; item: MediaItem } | { kind: 'file'; file: File } | null = null;
  const fileId = uniqueId('editor-figure-file');
  const searchId = uniqueId('editor-figure-search');
  const fileInput = h('input', { type: 'file', id: fileId, accept: 'image/*', 'aria-describedby': `${fileId}-hint` });
  const fileError = h('p', { class: 'admin-field-error', id: `${fileId}-error`, hidden: true, role: 'alert' });
  const search = h('input', { type: 'search', id: searchId, autocomplete: 'off' });
  const searchButton = h('button', { type: 'button', class: 'admin-button-secondary' }, 'Search');
  const grid = h('ul', { class: 'editor-media-grid', 'aria-label': 'Images in the media library' });
  const libraryStatus = h('p', { class: 'admin-hint editor-library-status', role: 'status' });
  const more = h('button', { type: 'button', class: 'admin-button-secondary', hidden: true }, 'More images');
  const chosenText = h('p', { class: 'editor-chosen', 'aria-live': 'polite' }, 'No image chosen yet.');
  const progress = h('progress', { max: '1', value: '0' });
  const progressText = h('span', { class: 'admin-hint' });
  const progressBox = h('div', { class: 'editor-upload-progress', hidden: true }, progress, progressText);
  const before = h(
    'fieldset',
    { class: 'editor-figure-source' },
    h('legend', {}, 'Image'),
    h('div', { class: 'admin-field' }, h('label', { for: fileId }, 'Upload an image'), h('p', { class: 'admin-hint', id: `${fileId}-hint` }, 'JPEG, PNG, WebP or GIF. You can also drop images onto the text.'), fileInput, fileError),
    h(
      'div',
      { class: 'editor-library' },
      h('div', { class: 'admin-field editor-library-search' }, h('label', { for: searchId }, 'Or choose from the media library'), h('div', { class: 'editor-search-row' }, search, searchButton)),
      grid,
      libraryStatus,
      more,
    ),
    chosenText,
    progressBox,
  );

  const touched = new Set<string>();
  const dialog = openFormDialog({
    title: 'Insert a figure',
    before,
    fields: [
      { name: 'alt', label: 'Alt text', type: 'textarea', hint: 'What the image shows, for readers who cannot see it.' },
      { name: 'caption', label: 'Caption (optional)', hint: 'What, where, when.' },
      { name: 'credit', label: 'Credit (optional)', placeholder: 'Agency / Photographer' },
    ],
    submitLabel: 'Insert figure',
    onSubmit: async (v) => {
      const text = { alt: v.alt ?? '', caption: v.caption ?? '', credit: v.credit ?? '' };
      if (!chosen) {
        showFileError('Choose an image: upload one, or pick one from the library.');
        return false;
      }
      let item: MediaItem;
      if (chosen.kind === 'library') {
        item = chosen.item;
      } else {
        progressBox.hidden = false;
        try {
          item = await uploadImage(endpoints, chosen.file, {
            ...text,
            onProgress: ({ fraction, attempt }) => {
              progress.value = fraction;
              progressText.textContent = `${attempt > 1 ? `Attempt ${attempt}: ` : ''}${Math.round(fraction * 100)}% uploaded`;
            },
            onRetry: (attempt) => {
              progressText.textContent = `The connection dropped; trying again (${attempt} of 3)…`;
            },
          });
        } catch (error) {
          progressBox.hidden = true;
          showFileError(error instanceof UploadRefused ? error.message : 'The upload failed. Try again.');
          return false;
        }
      }
      insertBlock(editor, figureContent(item, text));
      return true;
    },
    onClose: () => editor.commands.focus(),
  });
  for (const name of ['alt', 'caption', 'credit']) dialog.field(name).addEventListener('input', () => touched.add(name));

  function showFileError(message: string): void {
    fileError.textContent = message;
    fileError.hidden = !message;
    if (message) fileInput.setAttribute('aria-invalid', 'true');
    else fileInput.removeAttribute('aria-invalid');
  }

  function choose(next: typeof chosen): void {
    chosen = next;
    showFileError('');
    for (const button of grid.querySelectorAll('button')) button.setAttribute('aria-pressed', String(next?.kind === 'library' && button.dataset.id === next.item.id));
    if (next?.kind === 'library') {
      fileInput.value = '';
      chosenText.textContent = `Chosen from the library: ${next.item.alt || next.item.file}`;
      // The library's own words, where the author has not typed any yet.
      for (const name of ['alt', 'caption', 'credit'] as const) if (!touched.has(name)) dialog.field(name).value = next.item[name];
    } else if (next?.kind === 'file') {
      chosenText.textContent = `Chosen to upload: ${next.file.name}`;
    }
  }

  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    choose(file ? { kind: 'file', file } : null);
  });

  let page = 1;
  let query = '';
  const load = async (reset: boolean) => {
    if (reset) {
      page = 1;
      grid.replaceChildren();
    }
    libraryStatus.textContent = 'Loading images…';
    try {
      const result = await fetchLibrary(endpoints, query, page);
      for (const item of result.items) grid.append(libraryTile(item, () => choose({ kind: 'library', item })));
      more.hidden = !result.hasMore;
      libraryStatus.textContent = grid.childElementCount === 0 ? (query ? `No images match “${query}”.` : 'The library is empty: upload an image.') : '';
    } catch (error) {
      libraryStatus.textContent = error instanceof Error ? error.message : 'The media library did not load.';
    }
  };
  const runSearch = () => {
    query = search.value.trim();
    void load(true);
  };
  searchButton.addEventListener('click', runSearch);
  search.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      runSearch();
    }
  });
  more.addEventListener('click', () => {
    page++;
    void load(false);
  });
  void load(true);
}

function libraryTile(item: MediaItem, onChoose: () => void): HTMLLIElement {
  const button = h(
    'button',
    { type: 'button', class: 'editor-media-tile', 'aria-pressed': 'false', 'data-id': item.id },
    h('img', { src: item.url, alt: '', loading: 'lazy', width: item.width ? String(item.width) : undefined, height: item.height ? String(item.height) : undefined }),
    h('span', {}, item.alt || item.caption || item.file),
  );
  button.addEventListener('click', onChoose);
  return h('li', {}, button);
}
