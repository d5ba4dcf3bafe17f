import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { isIP } from 'node:net';

/**
 * The client's address: the socket's peer, unless that peer is a configured trusted proxy,
 * in which case the right-most X-Forwarded-For entry that is not itself a trusted proxy.
 * Without TRUSTED_PROXY the header is ignored, so nobody can forge their address. Entries
 * may carry a port (`203.0.113.7:51234`, `[2001:db8::1]:443`); an entry that is no address
 * at all stops the walk as 'unknown', so an earlier entry, which the client wrote, is never
 * taken in its place.
 */
export function clientIp(remoteAddress: string | undefined, forwardedFor: string | undefined, trustedProxies: readonly string[]): string {
  const peer = normalize(remoteAddress ?? '');
  if (!forwardedFor || !isTrusted(peer, trustedProxies)) return peer || 'unknown';
  const hops = forwardedFor.split(',').map((h) => h.trim()).filter((h) => h !== '');
  for (let i = hops.length - 1; i >= 0; i--) {
    const address = addressOf(hops[i]!);
    if (address === null) return 'unknown';
    if (!isTrusted(address, trustedProxies)) return address;
  }
  return (hops[0] && addressOf(hops[0])) || peer;
}

/** An X-Forwarded-For entry's address without its port, or null when it is none. */
function addressOf(hop: string): string | null {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(hop);
  const withPort = /^([\d.]+):\d+$/.exec(hop);
  const address = normalize(bracketed?.[1] ?? withPort?.[1] ?? hop);
  return isIP(address) ? address : null;
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
