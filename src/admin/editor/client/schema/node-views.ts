/**
 * How blocks edited as a whole look in the editor: a figure's image with its alt text and
 * a remove button, a link card as readers will see it, and raw HTML shown read-only.
 * Buttons announce what they want with an `editor-action` event; the island answers it.
 */
import type { NodeViewRenderer, NodeViewRendererProps } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
/** The attributes of an element in their order (figures.ts has the same shape; kept here so the two files do not import each other). */
type AttrPairs = [string, string][];

export interface EditorActionDetail {
  action: 'image-alt' | 'edit-link-card';
  pos: number;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<Record<string, string>> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) if (value !== undefined) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

function actionButton(label: string, onClick: () => void, extraClass = ''): HTMLButtonElement {
  const button = el('button', { type: 'button', class: `editor-inline-button ${extraClass}`.trim() }, label);
  button.addEventListener('click', (event) => {
    event.preventDefault();
    onClick();
  });
  return button;
}

function announce(target: HTMLElement, detail: EditorActionDetail): void {
  target.dispatchEvent(new CustomEvent<EditorActionDetail>('editor-action', { bubbles: true, detail }));
}

/** Clicks and keys on the view's own controls are theirs, not ProseMirror's. */
const ownsEvent = (event: Event) => event.target instanceof HTMLElement && event.target.closest('button, a, input') !== null;

function attr(pairs: AttrPairs, name: string): string | null {
  return pairs.find(([n]) => n === name)?.[1] ?? null;
}

export const imageNodeView: NodeViewRenderer = (props: NodeViewRendererProps) => {
  const { editor, getPos } = props;
  const dom = el('div', { class: 'editor-image', contenteditable: 'false' });
  const img = el('img');
  const actions = el('div', { class: 'editor-image-actions' });
  const altButton = actionButton('', () => {
    const pos = getPos();
    if (typeof pos === 'number') announce(dom, { action: 'image-alt', pos });
  });
  const remove = actionButton('Remove figure', () => {
    const pos = getPos();
    if (typeof pos !== 'number') return;
    const $pos = editor.state.doc.resolve(pos);
    const figure = $pos.parent;
    const start = $pos.before();
    editor.chain().focus().deleteRange({ from: start, to: start + figure.nodeSize }).run();
  }, 'editor-inline-button-quiet');
  actions.append(altButton, remove);
  dom.append(img, actions);
  const render = (node: PMNode) => {
    const pairs = node.attrs.imgAttrs as AttrPairs;
    img.src = attr(pairs, 'src') ?? '';
    const alt = attr(pairs, 'alt') ?? '';
    img.alt = alt;
    for (const name of ['width', 'height'] as const) {
      const value = attr(pairs, name);
      if (value) img.setAttribute(name, value);
      else img.removeAttribute(name);
    }
    altButton.textContent = alt ? `Alt text: ${alt.length > 60 ? `${alt.slice(0, 57)}…` : alt}` : 'Add alt text (missing)';
    altButton.classList.toggle('editor-inline-button-warn', !alt);
  };
  render(props.node);
  return {
    dom,
    update: (node) => {
      if (node.type.name !== 'image') return false;
      render(node);
      return true;
    },
    stopEvent: ownsEvent,
    ignoreMutation: () => true,
  };
};

export const linkCardNodeView: NodeViewRenderer = (props: NodeViewRendererProps) => {
  const { getPos } = props;
  const dom = el('div', { class: 'editor-link-card', contenteditable: 'false' });
  const label = el('p', { class: 'editor-block-label' }, 'Link card');
  const card = el('div', { class: 'editor-link-card-body' });
  const title = el('strong');
  const description = el('span');
  const host = el('small');
  card.append(title, description, host);
  const edit = actionButton('Edit link card', () => {
    const pos = getPos();
    if (typeof pos === 'number') announce(dom, { action: 'edit-link-card', pos });
  });
  dom.append(label, card, edit);
  const render = (node: PMNode) => {
    const a = node.attrs as Record<string, string>;
    title.textContent = a.title || '(no title)';
    description.textContent = a.description || '';
    description.hidden = !a.description;
    host.textContent = a.host || a.href || '';
  };
  render(props.node);
  return {
    dom,
    update: (node) => {
      if (node.type.name !== 'linkCard') return false;
      render(node);
      return true;
    },
    stopEvent: ownsEvent,
    ignoreMutation: () => true,
  };
};

const UNSAFE = 'script, style, iframe, object, embed, link, meta, base, form, input, button, textarea, select, template';

/** A read-only rendering of stored HTML: no script, handler, style or id can come along. */
export function safePreview(html: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = html;
  for (const node of template.content.querySelectorAll(UNSAFE)) node.remove();
  for (const node of template.content.querySelectorAll('*')) {
    for (const { name, value } of [...node.attributes]) {
      const isUrl = name === 'href' || name === 'src' || name === 'srcset';
      if (name.startsWith('on') || name === 'style' || name === 'id' || (isUrl && /^\s*(javascript|data|vbscript):/i.test(value))) node.removeAttribute(name);
    }
  }
  return template.content;
}

export const htmlBlockNodeView: NodeViewRenderer = (props: NodeViewRendererProps) => {
  const dom = el('div', { class: 'editor-html-block', contenteditable: 'false' });
  const label = el('p', { class: 'editor-block-label' });
  const preview = el('div', { class: 'editor-html-preview' });
  dom.append(label, preview);
  const render = (node: PMNode) => {
    const isKept = node.attrs.kind === 'kept';
    dom.classList.toggle('editor-html-block-kept', isKept);
    dom.setAttribute('data-kind', isKept ? 'kept' : 'html-block');
    label.textContent = isKept
      ? 'Kept as is: this part uses HTML the editor cannot change. It is saved exactly as it was.'
      : 'HTML block (read-only here, saved exactly as it is)';
    preview.replaceChildren(safePreview(node.attrs.html as string));
  };
  let current = props.node;
  render(current);
  return {
    dom,
    update: (node) => {
      if (node.type.name !== 'htmlBlock') return false;
      if (node.attrs.html !== current.attrs.html || node.attrs.kind !== current.attrs.kind) render(node);
      current = node;
      return true;
    },
    ignoreMutation: () => true,
  };
};
