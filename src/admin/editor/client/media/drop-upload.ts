/**
 * Images dropped or pasted onto the text: each is uploaded with a progress bar in the
 * uploads panel (retried if the connection drops), then inserted as a figure where it was
 * dropped. A refusal stays in the panel, in the server's words, until dismissed.
 */
import type { Editor } from '@tiptap/core';
import { h } from '../ui/dom.js';
import { figureContent } from './figure-content.js';
import { type MediaEndpoints, uploadImage, UploadRefused } from './media-api.js';

export interface UploadPanel {
  element: HTMLElement;
  add(fileName: string): UploadRow;
}

export interface UploadRow {
  progress(fraction: number, attempt: number): void;
  note(message: string): void;
  done(message: string): void;
  fail(message: string): void;
}

export function createUploadPanel(): UploadPanel {
  const list = h('ul', { class: 'editor-uploads', 'aria-label': 'Uploads', 'aria-live': 'polite' });
  list.hidden = true;
  return {
    element: list,
    add(fileName) {
      const bar = h('progress', { max: '1', value: '0', 'aria-label': `Uploading ${fileName}` });
      const message = h('span', { class: 'editor-upload-message' }, `Uploading ${fileName}…`);
      const dismiss = h('button', { type: 'button', class: 'editor-inline-button editor-inline-button-quiet', hidden: true }, 'Dismiss');
      const row = h('li', { class: 'editor-upload' }, message, bar, dismiss);
      dismiss.addEventListener('click', () => {
        row.remove();
        list.hidden = list.childElementCount === 0;
      });
      list.append(row);
      list.hidden = false;
      return {
        progress: (fraction, attempt) => {
          bar.value = fraction;
          message.textContent = `${attempt > 1 ? `Attempt ${attempt}: ` : ''}uploading ${fileName}, ${Math.round(fraction * 100)}%`;
        },
        note: (text) => {
          message.textContent = text;
        },
        done: (text) => {
          message.textContent = text;
          bar.value = 1;
          setTimeout(() => {
            row.remove();
            list.hidden = list.childElementCount === 0;
          }, 4000);
        },
        fail: (text) => {
          message.textContent = text;
          row.classList.add('editor-upload-failed');
          row.setAttribute('role', 'alert');
          bar.remove();
          dismiss.hidden = false;
        },
      };
    },
  };
}

/** Uploads the image files one after another and inserts each as a figure at `pos` (followed through later edits). */
export async function uploadAndInsert(editor: Editor, endpoints: MediaEndpoints, files: File[], pos: number, panel: UploadPanel): Promise<void> {
  let at = pos;
  const follow = ({ transaction }: { transaction: import('@tiptap/pm/state').Transaction }) => {
    at = transaction.mapping.map(at);
  };
  editor.on('transaction', follow);
  try {
    for (const file of files) {
      const row = panel.add(file.name);
      if (!file.type.startsWith('image/')) {
        row.fail(`${file.name} is not an image, so it was not uploaded.`);
        continue;
      }
      try {
        const item = await uploadImage(endpoints, file, {
          onProgress: ({ fraction, attempt }) => row.progress(fraction, attempt),
          onRetry: (attempt) => row.note(`The connection dropped while uploading ${file.name}; trying again (${attempt} of 3)…`),
        });
        const $at = editor.state.doc.resolve(Math.min(at, editor.state.doc.content.size));
        const blockEnd = $at.depth === 0 ? $at.pos : $at.after(1);
        editor.chain().insertContentAt(blockEnd, figureContent(item, { alt: item.alt, caption: item.caption, credit: item.credit })).run();
        at = editor.state.doc.resolve(Math.min(blockEnd + 1, editor.state.doc.content.size)).after(1);
        row.done(item.alt ? `${file.name} inserted.` : `${file.name} inserted: add its alt text.`);
      } catch (error) {
        row.fail(error instanceof UploadRefused ? error.message : `${file.name} was not uploaded.`);
      }
    }
  } finally {
    editor.off('transaction', follow);
  }
}
