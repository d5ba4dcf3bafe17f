import { describe, expect, it } from 'vitest';
import { clientIp } from './client-ip.js';

describe('clientIp', () => {
  it('ignores X-Forwarded-For when no proxy is trusted', () => {
    expect(clientIp('203.0.113.9', '198.51.100.1', [])).toBe('203.0.113.9');
  });
  it('takes the right-most untrusted hop behind a trusted proxy', () => {
    expect(clientIp('10.0.0.2', '198.51.100.7, 203.0.113.50, 10.0.0.3', ['10.0.0.2', '10.0.0.3'])).toBe('203.0.113.50');
  });
  it('does not believe a header sent by an untrusted peer', () => {
    expect(clientIp('198.51.100.66', '127.0.0.1', ['10.0.0.2'])).toBe('198.51.100.66');
  });
  it('understands IPv4-mapped IPv6 peers and the loopback keyword', () => {
    expect(clientIp('::ffff:127.0.0.1', '192.0.2.4', ['loopback'])).toBe('192.0.2.4');
  });
  it('reads entries with a port, and never takes an entry left of one it cannot read', () => {
    expect(clientIp('10.0.0.1', '6.6.6.6, 203.0.113.7:51234', ['10.0.0.1'])).toBe('203.0.113.7');
    expect(clientIp('10.0.0.1', '6.6.6.6, [2001:db8::1]:443', ['10.0.0.1'])).toBe('2001:db8::1');
    expect(clientIp('10.0.0.1', '[2001:db8::2]', ['10.0.0.1'])).toBe('2001:db8::2');
    expect(clientIp('10.0.0.1', '6.6.6.6, garbage', ['10.0.0.1'])).toBe('unknown');
    expect(clientIp('10.0.0.1', '6.6.6.6, unknown, 10.0.0.1', ['10.0.0.1'])).toBe('unknown');
  });
});
