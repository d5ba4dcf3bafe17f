import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import {
  CsrfRejectedError,
  isCrossSite,
  isValidLoginCsrfToken,
  isValidSessionCsrfToken,
  loginCsrfToken,
  sessionCsrfGuard,
  sessionCsrfToken,
} from './csrf.js';

const secret = Buffer.alloc(32, 7);
const otherSecret = Buffer.alloc(32, 8);
const now = new Date('2026-11-20T12:00:00.000Z');

describe('session-bound CSRF tokens', () => {
  it('accept the token of the same session only', () => {
    const token = sessionCsrfToken(secret, 'session-a');
    expect(isValidSessionCsrfToken(secret, 'session-a', token)).toBe(true);
    expect(isValidSessionCsrfToken(secret, 'session-b', token)).toBe(false);
    expect(isValidSessionCsrfToken(otherSecret, 'session-a', token)).toBe(false);
  });
  it('refuse missing, empty and mangled tokens', () => {
    const token = sessionCsrfToken(secret, 'session-a');
    for (const bad of [undefined, null, '', 42, token.slice(1), `${token}x`, token.toUpperCase()]) {
      expect(isValidSessionCsrfToken(secret, 'session-a', bad)).toBe(false);
    }
  });
});

describe('login form CSRF tokens', () => {
  const later = new Date(now.getTime() + 60_000);
  it('accept the token made for the nonce in the cookie until it expires', () => {
    const token = loginCsrfToken(secret, 'nonce-1', later);
    expect(isValidLoginCsrfToken(secret, 'nonce-1', token, now)).toBe(true);
    expect(isValidLoginCsrfToken(secret, 'nonce-1', token, later)).toBe(false);
  });
  it('refuse another nonce, no cookie, another secret, an edited expiry and a session token', () => {
    const token = loginCsrfToken(secret, 'nonce-1', later);
    const [, signature] = token.split('.');
    expect(isValidLoginCsrfToken(secret, 'nonce-2', token, now)).toBe(false);
    expect(isValidLoginCsrfToken(secret, undefined, token, now)).toBe(false);
    expect(isValidLoginCsrfToken(otherSecret, 'nonce-1', token, now)).toBe(false);
    expect(isValidLoginCsrfToken(secret, 'nonce-1', `9999999999.${signature}`, now)).toBe(false);
    expect(isValidLoginCsrfToken(secret, 'nonce-1', sessionCsrfToken(secret, 'nonce-1'), now)).toBe(false);
    expect(isValidLoginCsrfToken(secret, 'nonce-1', '', now)).toBe(false);
  });
});

describe('isCrossSite', () => {
  const allowed = ['https://news.example.org'];
  it('refuses another origin, a "null" origin and cross-site or same-site fetches', () => {
    expect(isCrossSite({ origin: 'https://evil.example' }, allowed)).toBe(true);
    expect(isCrossSite({ origin: 'null' }, allowed)).toBe(true);
    expect(isCrossSite({ origin: 'http://news.example.org' }, allowed)).toBe(true);
    expect(isCrossSite({ secFetchSite: 'cross-site' }, allowed)).toBe(true);
    expect(isCrossSite({ secFetchSite: 'same-site', origin: 'https://news.example.org' }, allowed)).toBe(true);
  });
  it('allows the site itself, and requests that name no origin', () => {
    expect(isCrossSite({ origin: 'https://news.example.org', secFetchSite: 'same-origin' }, allowed)).toBe(false);
    expect(isCrossSite({ secFetchSite: 'none' }, allowed)).toBe(false);
    expect(isCrossSite({}, allowed)).toBe(false);
  });
});

describe('sessionCsrfGuard', () => {
  const app = new Hono();
  app.onError((error, c) => c.text(error.name, error instanceof CsrfRejectedError ? 403 : 500));
  app.use('*', sessionCsrfGuard(secret, new URL('https://news.example.org'), () => 'session-a'));
  app.get('/thing', (c) => c.text('read'));
  app.post('/thing', async (c) => c.text(`wrote ${(await c.req.parseBody()).title}`));
  const post = (body: Record<string, string>, headers: Record<string, string> = {}) =>
    app.request('https://news.example.org/thing', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(body).toString(),
    });

  it('lets reads through without a token', async () => {
    expect((await app.request('/thing')).status).toBe(200);
  });
  it('lets a write with the session token through, and the handler can still read the form', async () => {
    const res = await post({ csrf: sessionCsrfToken(secret, 'session-a'), title: 'x' });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('wrote x');
  });
  it('refuses a write without a token, with a wrong one, or from another site', async () => {
    expect((await post({ title: 'x' })).status).toBe(403);
    expect((await post({ csrf: sessionCsrfToken(secret, 'session-b') })).status).toBe(403);
    expect((await post({ csrf: sessionCsrfToken(secret, 'session-a') }, { origin: 'https://evil.example' })).status).toBe(403);
  });
  it('accepts the token in an X-CSRF-Token header', async () => {
    const res = await app.request('/thing', { method: 'POST', headers: { 'x-csrf-token': sessionCsrfToken(secret, 'session-a') } });
    expect(res.status).toBe(200);
  });
});
