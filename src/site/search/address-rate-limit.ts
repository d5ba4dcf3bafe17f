import { hashIpNetwork } from '../../comments/index.js';
import type { Clock } from '../../shared/clock.js';

export interface AddressRate {
  /** requests per address (IPv6: per /64) in a window */
  limit: number;
  windowSeconds: number;
}

/**
 * A fixed-window count of requests per client address, in this process's memory: enough to
 * keep one client from spending a process's time on searches, which the page cache cannot
 * answer. Nothing needs it to be shared: with N processes a client gets N times the limit.
 * At most `maxAddresses` are counted apart in a window, so the map stays bounded; the
 * addresses past them share one count (a flood from more addresses than that is not one
 * client's, and letting them pass uncounted would let it fill the map, then search freely).
 */
/** Not a hash (those are hex): the count of the addresses past the bound. */
const OVERFLOW_KEY = 'overflow';

export class AddressRateLimit {
  private windowStart = Number.NEGATIVE_INFINITY;
  private readonly counts = new Map<string, number>();

  constructor(
    private readonly rate: AddressRate,
    private readonly clock: Clock,
    private readonly maxAddresses = 10_000,
  ) {}

  /** Counts one request; `retryAfterSeconds` is set when it is over the limit. */
  take(address: string): { isAllowed: true } | { isAllowed: false; retryAfterSeconds: number } {
    const now = this.clock.now().getTime();
    const windowMs = this.rate.windowSeconds * 1000;
    if (now - this.windowStart >= windowMs || now < this.windowStart) {
      this.counts.clear();
      this.windowStart = now;
    }
    const own = hashIpNetwork('search-rate', address);
    const key = this.counts.has(own) || this.counts.size < this.maxAddresses ? own : OVERFLOW_KEY;
    const count = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, count);
    if (count <= this.rate.limit) return { isAllowed: true };
    return { isAllowed: false, retryAfterSeconds: Math.max(1, Math.ceil((this.windowStart + windowMs - now) / 1000)) };
  }
}
