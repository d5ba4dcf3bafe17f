/**
 * The formatting toolbar: one tab stop (a roving tabindex: arrow keys, Home and End move
 * between buttons, Escape returns to the text), toggles that say whether they are on
 * (aria-pressed), and buttons that cannot act where the cursor is marked aria-disabled.
 */
import type { Editor } from '@tiptap/core';
import { h } from './dom.js';

export interface Tool {
  key: string;
  /** the accessible name */
  label: string;
  /** the short visible face, hidden from assistive technology */
  glyph: string;
  /** e.g. "Mod+B": shown in the tooltip, announced with aria-keyshortcuts */
  shortcut?: string;
  run: () => void;
  isActive?: () => boolean;
  isEnabled?: () => boolean;
}

export interface Toolbar {
  element: HTMLElement;
  refresh(): void;
  focus(): void;
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

function shortcutText(shortcut: string): { tooltip: string; aria: string } {
  const keys = shortcut.split('+');
  const aria = keys.map((k) => (k === 'Mod' ? (isMac ? 'Meta' : 'Control') : k)).join('+');
  const tooltip = keys.map((k) => (k === 'Mod' ? (isMac ? '⌘' : 'Ctrl') : k === 'Alt' && isMac ? '⌥' : k)).join(isMac ? '' : '+');
  return { tooltip, aria };
}

export function createToolbar(editor: Editor, groups: { label: string; tools: Tool[] }[], editorElement: () => HTMLElement, controls: string): Toolbar {
  const buttons: { tool: Tool; button: HTMLButtonElement }[] = [];
  const element = h('div', { class: 'editor-toolbar', role: 'toolbar', 'aria-label': 'Formatting', 'aria-controls': controls });
  for (const group of groups) {
    const groupEl = h('div', { class: 'editor-toolbar-group', role: 'group', 'aria-label': group.label });
    for (const tool of group.tools) {
      const keys = tool.shortcut ? shortcutText(tool.shortcut) : null;
      const button = h(
        'button',
        {
          type: 'button',
          class: `editor-tool editor-tool-${tool.key}`,
          'aria-label': tool.label,
          title: keys ? `${tool.label} (${keys.tooltip})` : tool.label,
          'aria-keyshortcuts': keys?.aria,
          'aria-pressed': tool.isActive ? 'false' : undefined,
          tabindex: '-1',
          'data-tool': tool.key,
        },
        h('span', { 'aria-hidden': 'true' }, tool.glyph),
      );
      // Keep the editor's selection: the button acts on it.
      button.addEventListener('mousedown', (event) => event.preventDefault());
      button.addEventListener('click', () => {
        if (button.getAttribute('aria-disabled') === 'true') return;
        setCurrent(buttons.findIndex((b) => b.button === button));
        tool.run();
      });
      buttons.push({ tool, button });
      groupEl.append(button);
    }
    element.append(groupEl);
  }
  let current = 0;
  const setCurrent = (index: number) => {
    current = index;
    buttons.forEach(({ button }, i) => button.setAttribute('tabindex', i === current ? '0' : '-1'));
  };
  setCurrent(0);

  element.addEventListener('keydown', (event) => {
    const moves: Record<string, () => number> = {
      ArrowRight: () => (current + 1) % buttons.length,
      ArrowDown: () => (current + 1) % buttons.length,
      ArrowLeft: () => (current - 1 + buttons.length) % buttons.length,
      ArrowUp: () => (current - 1 + buttons.length) % buttons.length,
      Home: () => 0,
      End: () => buttons.length - 1,
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      setCurrent(move());
      buttons[current]?.button.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      editorElement().focus();
    }
  });
  element.addEventListener('focusin', (event) => {
    const index = buttons.findIndex((b) => b.button === event.target);
    if (index >= 0 && index !== current) setCurrent(index);
  });

  let frame = 0;
  const refresh = () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      for (const { tool, button } of buttons) {
        if (tool.isActive) button.setAttribute('aria-pressed', String(tool.isActive()));
        const enabled = tool.isEnabled ? tool.isEnabled() : true;
        if (enabled) button.removeAttribute('aria-disabled');
        else button.setAttribute('aria-disabled', 'true');
      }
    });
  };
  editor.on('transaction', refresh);
  editor.on('focus', refresh);
  refresh();
  return { element, refresh, focus: () => buttons[current]?.button.focus() };
}
