import { createHmac } from 'node:crypto';

/*
 * What identifies a commenter is stored only as keyed hashes (HMAC-SHA-256 with the site's
 * secret): an IP address can be matched against other comments and the block list, but not
 * read back, and without the key not even guessed by hashing every address there is. Each
 * use gets its own label, so an IP hash and an avatar seed of the same text never agree.
 */

function keyedHash(key: string, label: string, text: string, hexLength = 32): string {
  return createHmac('sha256', key).update(`${label}\u0000${text}`).digest('hex').slice(0, hexLength);
}

/** An IP address in one spelling: lowercase, IPv4 written as IPv4 even when mapped into IPv6. */
export function normalizeIp(ip: string): string {
  const trimmed = ip.trim().toLowerCase();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(trimmed);
  return mapped ? mapped[1]! : trimmed;
}

/** The stored form of a commenter's address; '' when none was known. */
export function hashIp(key: string, ip: string): string {
  const normalized = normalizeIp(ip);
  return normalized ? keyedHash(key, 'ip', normalized) : '';
}

/**
 * What rate limits count per: the address itself for IPv4, its /64 network for IPv6
 * (one subscriber holds a whole /64 and can walk through it at will).
 */
export function hashIpNetwork(key: string, ip: string): string {
  const normalized = normalizeIp(ip);
  if (!normalized.includes(':')) return hashIp(key, normalized);
  return keyedHash(key, 'ip-net', expandIpv6(normalized).slice(0, 4).join(':'));
}

function expandIpv6(ip: string): string[] {
  const [head = '', tail = ''] = ip.split('::');
  const left = head ? head.split(':') : [];
  const right = ip.includes('::') && tail ? tail.split(':') : [];
  const fill = Array(Math.max(0, 8 - left.length - right.length)).fill('0');
  return [...left, ...(ip.includes('::') ? fill : []), ...right].map((g) => g.padStart(4, '0'));
}

/** How a commenter's email is matched: trimmed and lowercased. */
export function emailKeyOf(email: string): string {
  return email.trim().toLowerCase();
}

/** The seed of a commenter's avatar: stable for one email, and no way back to it. */
export function avatarSeed(key: string, email: string): string {
  const emailKey = emailKeyOf(email);
  return emailKey ? keyedHash(key, 'avatar', emailKey, 16) : '';
}
