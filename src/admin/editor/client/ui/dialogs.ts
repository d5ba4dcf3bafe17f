/** The link, link-card and alt-text dialogs. */
import type { Editor } from '@tiptap/core';
import { type AttrPairs, pairValue, withPair } from '../schema/figures.js';
import { isAllowedHref, isWebUrl } from '../schema/urls.js';
import { openFormDialog } from './dialog.js';

const LINK_RULE = 'Use a full web address (https://…), an email link (mailto:name@example.org) or a path on this site (/topic/article/).';

export function openLinkDialog(editor: Editor): void {
  const isInLink = editor.isActive('link');
  const current = editor.getAttributes('link') as { href?: string; title?: string | null };
  const needsText = editor.state.selection.empty && !isInLink;
  openFormDialog({
    title: isInLink ? 'Edit link' : 'Add a link',
    fields: [
      { name: 'href', label: 'Address', inputMode: 'url', value: current.href ?? '', placeholder: 'https://', hint: LINK_RULE },
      ...(needsText ? [{ name: 'text', label: 'Text to show' }] : []),
      { name: 'title', label: 'Title (optional)', value: current.title ?? '', hint: 'Shown when a reader points at the link.' },
    ],
    submitLabel: isInLink ? 'Update link' : 'Add link',
    validate: (v) => {
      const errors: Record<string, string> = {};
      if (!v.href) errors.href = 'Enter the address the link goes to.';
      else if (!isAllowedHref(v.href)) errors.href = `“${v.href}” is not an address a link can use. ${LINK_RULE}`;
      if (needsText && !v.text) errors.text = 'Enter the words that carry the link.';
      return errors;
    },
    onSubmit: (v) => {
      const attrs = { href: v.href, title: v.title || null, rel: null };
      if (needsText) {
        editor.chain().focus().insertContent({ type: 'text', text: v.text ?? '', marks: [{ type: 'link', attrs }] }).run();
      } else {
        editor.chain().focus().extendMarkRange('link').setMark('link', attrs).run();
      }
    },
    extraActions: isInLink ? [{ label: 'Remove link', run: () => editor.chain().focus().extendMarkRange('link').unsetMark('link').run() }] : [],
    onClose: () => editor.commands.focus(),
  });
}

export interface LinkCardValues {
  href: string;
  title: string;
  description: string;
}

/** Inserts a link card, or edits the one at `pos`. */
export function openLinkCardDialog(editor: Editor, pos: number | null): void {
  const node = pos === null ? null : editor.state.doc.nodeAt(pos);
  const current = (node?.attrs ?? {}) as Partial<LinkCardValues>;
  openFormDialog({
    title: node ? 'Edit link card' : 'Embed a link as a card',
    intro: 'Readers see a card with the title and description you type here, and the site’s name. Dossier fetches nothing from the address: what you type is what the card shows.',
    fields: [
      { name: 'href', label: 'Address', inputMode: 'url', value: current.href ?? '', placeholder: 'https://' },
      { name: 'title', label: 'Title', value: current.title ?? '' },
      { name: 'description', label: 'Description (optional)', type: 'textarea', value: current.description ?? '' },
    ],
    submitLabel: node ? 'Update card' : 'Insert card',
    validate: (v) => {
      const errors: Record<string, string> = {};
      if (!isWebUrl(v.href ?? '')) errors.href = 'A link card needs a full web address, starting with https:// or http://.';
      if (!v.title) errors.title = 'Give the card a title: readers see it first.';
      return errors;
    },
    onSubmit: (v) => {
      const attrs = { href: v.href, title: v.title, description: v.description ?? '', host: new URL(v.href ?? '').host };
      if (node && pos !== null) {
        editor.chain().focus().command(({ tr }) => {
          tr.setNodeMarkup(pos, undefined, { ...node.attrs, ...attrs });
          return true;
        }).run();
      } else {
        editor.chain().focus().insertContent({ type: 'linkCard', attrs }).run();
      }
    },
    onClose: () => editor.commands.focus(),
  });
}

/** Edits the alt text of the image at `pos`. */
export function openAltDialog(editor: Editor, pos: number): void {
  const node = editor.state.doc.nodeAt(pos);
  if (node?.type.name !== 'image') return;
  const pairs = node.attrs.imgAttrs as AttrPairs;
  openFormDialog({
    title: 'Alt text',
    fields: [
      {
        name: 'alt',
        label: 'What the image shows',
        type: 'textarea',
        value: pairValue(pairs, 'alt') ?? '',
        hint: 'For readers who cannot see it: describe what matters in the picture, not the caption again.',
      },
    ],
    submitLabel: 'Save alt text',
    onSubmit: (v) => {
      editor.chain().focus().command(({ tr }) => {
        const fresh = tr.doc.nodeAt(pos);
        if (fresh?.type.name !== 'image') return false;
        tr.setNodeMarkup(pos, undefined, { ...fresh.attrs, imgAttrs: withPair(fresh.attrs.imgAttrs as AttrPairs, 'alt', v.alt ?? '') });
        return true;
      }).run();
    },
    onClose: () => editor.commands.focus(),
  });
}
