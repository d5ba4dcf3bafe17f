import type { Hono } from 'hono';

/**
 * A minimal browser for route tests through `app.request`: it keeps cookies (by name,
 * honouring Max-Age=0 deletions) and can pretend to come from a socket address, which
 * is how @hono/node-server hands the peer to getConnInfo.
 */
export class TestBrowser {
  readonly cookies = new Map<string, string>();

  constructor(
    private readonly app: Hono<any>,
    private readonly remoteAddress?: string,
  ) {}

  get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.send(path, { method: 'GET', headers });
  }

  /** A form post; a list of values sends the name once per value (ticked checkboxes). */
  post(path: string, form: Record<string, string | readonly string[]>, headers: Record<string, string> = {}): Promise<Response> {
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(form)) for (const one of typeof value === 'string' ? [value] : value) body.append(name, one);
    return this.send(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: body.toString(),
    });
  }

  /** The CSRF token of the first form on a page. */
  static csrfOf(html: string): string {
    const match = /name="csrf" value="([^"]+)"/.exec(html);
    if (!match) throw new Error('no CSRF field on the page');
    return match[1]!;
  }

  private async send(path: string, init: { method: string; headers: Record<string, string>; body?: string }): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0 && !headers.has('cookie')) {
      headers.set('cookie', [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    }
    const env = this.remoteAddress ? { incoming: { socket: { remoteAddress: this.remoteAddress } } } : undefined;
    const res = await this.app.request(`https://news.example.org${path}`, { ...init, headers }, env);
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const isDeleted = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '';
      if (isDeleted) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }
}
