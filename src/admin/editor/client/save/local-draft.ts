/**
 * The copy of the form kept in this browser (localStorage["dossier-draft:<articleId>"]):
 * written on every change, cleared once the server has saved that same content. It is what
 * survives a crash, a closed tab or an expired session.
 */
import type { FieldEntries } from './form-fields.js';

export interface LocalDraft {
  /** the article version the page had loaded or last saved when this copy was written */
  version: string;
  savedAt: string;
  fields: FieldEntries;
}

export class LocalDraftStore {
  private readonly key: string;

  constructor(articleId: string) {
    this.key = `dossier-draft:${articleId}`;
  }

  read(): LocalDraft | null {
    try {
      const raw = localStorage.getItem(this.key);
      if (!raw) return null;
      const parsed = JSON.parse(raw) as Partial<LocalDraft>;
      const fields = Array.isArray(parsed.fields) ? parsed.fields.filter((f): f is [string, string] => Array.isArray(f) && typeof f[0] === 'string' && typeof f[1] === 'string') : null;
      if (!fields || typeof parsed.savedAt !== 'string') return null;
      return { version: String(parsed.version ?? ''), savedAt: parsed.savedAt, fields };
    } catch {
      return null;
    }
  }

  /** False when the browser refuses (private mode, quota): the caller says so. */
  write(draft: LocalDraft): boolean {
    try {
      localStorage.setItem(this.key, JSON.stringify(draft));
      return true;
    } catch {
      return false;
    }
  }

  clear(): void {
    try {
      localStorage.removeItem(this.key);
    } catch {
      // nothing kept, nothing to clear
    }
  }
}
