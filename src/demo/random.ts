/**
 * A seeded pseudo-random source (mulberry32), so the demo site is the same on every run
 * for the same reference date. Never Math.random: determinism is what the tests check.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  range(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Cannot pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  shuffle<T>(items: readonly T[]): T[] {
    const copy = items.slice();
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const held = copy[i] as T;
      copy[i] = copy[j] as T;
      copy[j] = held;
    }
    return copy;
  }

  sample<T>(items: readonly T[], count: number): T[] {
    return this.shuffle(items).slice(0, count);
  }

  /** A new, independent source derived from this one and a label. */
  fork(label: string | number): Random {
    return new Random(hashString(`${this.state}:${label}`));
  }
}

/** FNV-1a, 32 bits: turns a label into a seed. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * Draws without replacement until the pile is used up, then starts over: the same
 * sentence does not come back within one article while the pile lasts.
 */
export class Deck<T> {
  private readonly items: T[];
  private index = 0;

  constructor(
    items: readonly T[],
    private readonly rng: Random,
  ) {
    if (items.length === 0) throw new Error('A deck needs at least one item');
    this.items = items.slice();
  }

  draw(): T {
    if (this.index >= this.items.length) this.index = 0;
    const j = this.index + Math.floor(this.rng.next() * (this.items.length - this.index));
    const drawn = this.items[j] as T;
    this.items[j] = this.items[this.index] as T;
    this.items[this.index] = drawn;
    this.index++;
    return drawn;
  }

  /** Like draw, among the items `accept` takes; the pile starts over if none of those is left. */
  drawWhere(accept: (item: T) => boolean): T {
    let left = this.acceptedLeft(accept);
    if (left.length === 0) {
      this.index = 0;
      left = this.acceptedLeft(accept);
      if (left.length === 0) throw new Error('No item in the deck is acceptable');
    }
    const j = left[Math.floor(this.rng.next() * left.length)] as number;
    const drawn = this.items[j] as T;
    this.items[j] = this.items[this.index] as T;
    this.items[this.index] = drawn;
    this.index++;
    return drawn;
  }

  private acceptedLeft(accept: (item: T) => boolean): number[] {
    const out: number[] = [];
    for (let i = this.index; i < this.items.length; i++) if (accept(this.items[i] as T)) out.push(i);
    return out;
  }
}
