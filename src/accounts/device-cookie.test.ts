import { describe, expect, it } from 'vitest';
import {
  deviceNonceFor,
  formatDeviceCookie,
  issueDeviceToken,
  MAX_DEVICE_TOKENS,
  parseDeviceCookie,
  rememberDeviceToken,
} from './device-cookie.js';

const SECRET = Buffer.alloc(32, 7);
const NOW = new Date('2026-11-20T12:00:00.000Z');
const YEAR_LATER = new Date(NOW.getTime() + 365 * 24 * 3600 * 1000);

describe('device cookies', () => {
  it("recognises a token only for its own account, under this secret, until it expires", () => {
    const token = issueDeviceToken(SECRET, 'user-a', NOW);
    const nonce = deviceNonceFor(SECRET, 'user-a', [token], NOW);
    expect(nonce).toMatch(/^[\w-]{22}$/);
    expect(token).toContain(`.${nonce}.`);
    expect(deviceNonceFor(SECRET, 'user-b', [token], NOW)).toBeNull();
    expect(deviceNonceFor(Buffer.alloc(32, 8), 'user-a', [token], NOW)).toBeNull();
    expect(deviceNonceFor(SECRET, 'user-a', [token], new Date(YEAR_LATER.getTime() - 1000))).toBe(nonce);
    expect(deviceNonceFor(SECRET, 'user-a', [token], YEAR_LATER)).toBeNull();
    // Two sign-ins, two nonces: each browser is counted on its own.
    expect(deviceNonceFor(SECRET, 'user-a', [issueDeviceToken(SECRET, 'user-a', NOW)], NOW)).not.toBe(nonce);
  });

  it("keeps other accounts' tokens when one signs in again, newest first, dropping its old one and expired ones", () => {
    const oldA = issueDeviceToken(SECRET, 'user-a', NOW);
    const b = issueDeviceToken(SECRET, 'user-b', NOW);
    const expired = issueDeviceToken(SECRET, 'user-c', new Date(NOW.getTime() - 366 * 24 * 3600 * 1000));
    const newA = issueDeviceToken(SECRET, 'user-a', NOW);
    expect(rememberDeviceToken(SECRET, 'user-a', [b, oldA, expired], newA, NOW)).toEqual([newA, b]);
    const many = Array.from({ length: 8 }, (_, i) => issueDeviceToken(SECRET, `user-${i}`, NOW));
    const kept = rememberDeviceToken(SECRET, 'user-a', many, newA, NOW);
    expect(kept).toHaveLength(MAX_DEVICE_TOKENS);
    expect(kept[0]).toBe(newA);
  });

  it('reads only well-formed tokens from a cookie, and only the first few', () => {
    const tokens = Array.from({ length: 7 }, (_, i) => issueDeviceToken(SECRET, `user-${i}`, NOW));
    expect(parseDeviceCookie(formatDeviceCookie(tokens.slice(0, 2)))).toEqual(tokens.slice(0, 2));
    expect(parseDeviceCookie(formatDeviceCookie(tokens))).toEqual(tokens.slice(0, MAX_DEVICE_TOKENS));
    expect(parseDeviceCookie(`junk~${tokens[0]}~1.2.3`)).toEqual([tokens[0]]);
    expect(parseDeviceCookie(undefined)).toEqual([]);
    expect(parseDeviceCookie('x'.repeat(5000))).toEqual([]);
  });
});
