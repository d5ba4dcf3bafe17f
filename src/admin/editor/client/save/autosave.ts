/**
 * Autosave: about 3 s after typing stops, and at least every 10 s while it goes on, the
 * whole form is posted to the autosave URL with the version it was loaded at. A conflict
 * (409: someone else saved meanwhile) stops autosave for good: it never overwrites. An
 * expired session or a dropped connection is retried later, with the local copy kept.
 */

export interface AutosaveTiming {
  quietMs: number;
  maxWaitMs: number;
  firstRetryMs: number;
  maxRetryMs: number;
}

export const DEFAULT_TIMING: AutosaveTiming = { quietMs: 3000, maxWaitMs: 10_000, firstRetryMs: 5000, maxRetryMs: 60_000 };

export interface Conflict {
  by: string;
  at: string;
}

export interface AutosaveHooks {
  /** writes the editor's HTML into the textarea before the form is read */
  flush(): void;
  /** what the post carried, for the caller to compare with what is there now */
  snapshot(): unknown;
  onSaving(): void;
  onSaved(result: { version: string; savedAt: string; sent: unknown; isCurrent: boolean }): void;
  onConflict(conflict: Conflict): void;
  /** the save did not happen and will be tried again in `retryInMs` (null: at the next change) */
  onNotSaved(reason: 'session' | 'network' | 'server' | 'refused', detail: string, retryInMs: number | null): void;
}

export class Autosave {
  private changeCount = 0;
  private savedCount = 0;
  private firstUnsavedAt: number | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight = false;
  private isStopped = false;
  private retryMs: number;

  constructor(
    private readonly form: HTMLFormElement,
    private readonly url: string,
    private readonly hooks: AutosaveHooks,
    private readonly timing: AutosaveTiming = DEFAULT_TIMING,
  ) {
    this.retryMs = timing.firstRetryMs;
  }

  get stopped(): boolean {
    return this.isStopped;
  }

  get hasUnsavedChanges(): boolean {
    return this.changeCount > this.savedCount;
  }

  /** Something in the form changed. */
  notifyChange(): void {
    if (this.isStopped) return;
    this.changeCount++;
    const now = Date.now();
    this.firstUnsavedAt ??= now;
    const wait = Math.min(this.timing.quietMs, this.firstUnsavedAt + this.timing.maxWaitMs - now);
    this.schedule(Math.max(0, wait));
  }

  stop(): void {
    this.isStopped = true;
    this.clearTimer();
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(ms: number): void {
    this.clearTimer();
    this.timer = setTimeout(() => void this.save(), ms);
  }

  async save(): Promise<void> {
    this.timer = null;
    if (this.isStopped || !this.hasUnsavedChanges) return;
    if (this.inFlight) {
      this.schedule(250); // one post at a time; the next one carries everything
      return;
    }
    this.inFlight = true;
    const sending = this.changeCount;
    this.hooks.flush();
    const sent = this.hooks.snapshot();
    const body = new FormData(this.form);
    const csrf = String(body.get('csrf') ?? '');
    this.hooks.onSaving();
    let res: Response;
    try {
      res = await fetch(this.url, { method: 'POST', body, headers: { 'X-CSRF-Token': csrf, Accept: 'application/json' }, credentials: 'same-origin' });
    } catch {
      this.inFlight = false;
      this.retryLater('network', '');
      return;
    }
    this.inFlight = false;
    const json = (await res.json().catch(() => null)) as Record<string, unknown> | null;
    if (res.status === 200 || res.status === 201) {
      const version = json?.version;
      const savedAt = typeof json?.savedAt === 'string' ? json.savedAt : new Date().toISOString();
      if (typeof version === 'number' || typeof version === 'string') this.setVersion(String(version));
      this.savedCount = Math.max(this.savedCount, sending);
      this.retryMs = this.timing.firstRetryMs;
      const isCurrent = !this.hasUnsavedChanges;
      if (isCurrent) this.firstUnsavedAt = null;
      else this.firstUnsavedAt ??= Date.now();
      this.hooks.onSaved({ version: String(version ?? ''), savedAt, sent, isCurrent });
      return;
    }
    if (res.status === 409) {
      const conflict = (json?.conflict ?? {}) as Record<string, unknown>;
      this.stop();
      this.hooks.onConflict({ by: typeof conflict.by === 'string' ? conflict.by : 'Someone else', at: typeof conflict.at === 'string' ? conflict.at : new Date().toISOString() });
      return;
    }
    const detail = typeof json?.detail === 'string' ? json.detail : '';
    if (res.status === 401 || res.status === 403) this.retryLater('session', detail);
    else if (res.status >= 500) this.retryLater('server', detail);
    else this.hooks.onNotSaved('refused', detail, null); // a mistake in the form: the next change tries again
  }

  private retryLater(reason: 'session' | 'network' | 'server', detail: string): void {
    const wait = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, this.timing.maxRetryMs);
    this.hooks.onNotSaved(reason, detail, wait);
    if (!this.isStopped) this.schedule(wait);
  }

  private setVersion(version: string): void {
    const field = this.form.elements.namedItem('version');
    if (field instanceof HTMLInputElement) field.value = version;
    this.form.dataset.version = version;
  }
}
