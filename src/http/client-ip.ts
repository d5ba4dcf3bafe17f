import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { isIP } from 'node:net';

/**
 * The client's address: the socket's peer, unless that peer is a configured trusted proxy,
 * in which case the right-most X-Forwarded-For entry that is not itself a trusted proxy.
 * Without TRUSTED_PROXY the header is ignored, so nobody can forge their address.
 */
export function clientIp(remoteAddress: string | undefined, forwardedFor: string | undefined, trustedProxies: readonly string[]): string {
  const peer = normalize(remoteAddress ?? '');
  if (!forwardedFor || !isTrusted(peer, trustedProxies)) return peer || 'unknown';
  const hops = forwardedFor.split(',').map((h) => normalize(h.trim())).filter((h) => isIP(h));
  for (let i = hops.length - 1; i >= 0; i--) {
    if (!isTrusted(hops[i]!, trustedProxies)) return hops[i]!;
  }
  return hops[0] ?? peer;
}

function isTrusted(address: string, trusted: readonly string[]): boolean {
  return trusted.includes(address) || (trusted.includes('loopback') && (address === '127.0.0.1' || address === '::1'));
}

function normalize(address: string): string {
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}

/**
 * The address a request came from: the socket's peer, or X-Forwarded-For only when that
 * peer is a configured trusted proxy. Without a socket (app.request in tests) the peer
 * is unknown, and no header is believed in its place.
 */
export function clientAddress(c: Context, trustedProxies: readonly string[]): string {
  let peer: string | undefined;
  try {
    peer = getConnInfo(c).remote.address;
  } catch {
    peer = undefined;
  }
  return clientIp(peer, c.req.header('x-forwarded-for'), trustedProxies);
}
