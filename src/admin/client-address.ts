import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { clientIp } from '../http/client-ip.js';

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
