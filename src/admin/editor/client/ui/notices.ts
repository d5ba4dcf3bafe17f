/** What the island tells the author: the save status line, the conflict notice, the restore banner. */
import type { Conflict } from '../save/autosave.js';
import { h, timeOf } from './dom.js';

export const SESSION_EXPIRED = 'Your session has expired; sign in again in another tab — your draft is safe in this browser.';

export class StatusLine {
  constructor(private readonly element: HTMLElement) {}

  say(text: string, tone: 'quiet' | 'warn' = 'quiet'): void {
    if (this.element.textContent !== text) this.element.textContent = text;
    this.element.classList.toggle('editor-status-warn', tone === 'warn');
  }

  saving(): void {
    this.say('Saving…');
  }

  saved(savedAt: string): void {
    this.say(`Saved at ${timeOf(savedAt)}`);
  }

  notSaved(reason: 'session' | 'network' | 'server' | 'refused', detail: string, retryInMs: number | null): void {
    const later = retryInMs === null ? '' : ` Trying again in ${Math.round(retryInMs / 1000)} s.`;
    if (reason === 'session') this.say(`${SESSION_EXPIRED}${later}`, 'warn');
    else if (reason === 'network') this.say(`Not saved: no connection to the server.${later} Your draft is safe in this browser.`, 'warn');
    else if (reason === 'server') this.say(`Not saved: the server had a problem${detail ? ` (${detail})` : ''}.${later} Your draft is safe in this browser.`, 'warn');
    else this.say(`Not saved: ${detail || 'the server refused the form'}. Correct it and autosave tries again; your draft is safe in this browser.`, 'warn');
  }
}

/** "Dana Reyes saved this article at 14:02 while you were editing." Autosave has stopped; nothing is overwritten. */
export function conflictNotice(conflict: Conflict): HTMLElement {
  const reload = h('a', { href: location.href, class: 'editor-notice-action' }, 'Open the latest version');
  reload.addEventListener('click', (event) => {
    event.preventDefault();
    location.reload();
  });
  return h(
    'div',
    { class: 'editor-notice editor-conflict', role: 'alert' },
    h('p', {}, `${conflict.by} saved this article at ${timeOf(conflict.at)} while you were editing. Your changes are kept in this browser.`),
    h('p', {}, reload, ' Autosave has stopped so that neither version overwrites the other.'),
  );
}

/** Offers the copy kept in this browser. `isOlder`: it was made to a version the server has replaced since. */
export function restoreBanner(savedAt: string, isOlder: boolean, onRestore: () => void, onDiscard: () => void): HTMLElement {
  const restore = h('button', { type: 'button' }, 'Restore');
  const discard = h('button', { type: 'button', class: 'admin-button-secondary' }, 'Discard');
  const banner = h(
    'div',
    { class: 'editor-notice editor-restore', role: 'alert' },
    h('p', {}, `Unsaved changes from ${timeOf(savedAt)} were found in this browser.`),
    isOlder ? h('p', { class: 'admin-hint' }, 'They were made to an earlier version of this article; restoring them replaces the newer text when it is next saved.') : null,
    h('p', { class: 'editor-notice-actions' }, restore, ' ', discard),
  );
  restore.addEventListener('click', () => {
    banner.remove();
    onRestore();
  });
  discard.addEventListener('click', () => {
    banner.remove();
    onDiscard();
  });
  return banner;
}
