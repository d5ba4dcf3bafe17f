import { describe, expect, it } from 'vitest';
import { EventBus } from './events.js';

describe('the event bus', () => {
  it('runs every subscriber in order, synchronous work before any awaits, and resolves when all have finished', async () => {
    const seen: string[] = [];
    const bus = new EventBus<string>();
    bus.subscribe((e) => void seen.push(`sync ${e}`));
    bus.subscribe(async (e) => {
      await new Promise((r) => setTimeout(r, 20));
      seen.push(`async ${e}`);
    });
    bus.subscribe((e) => void seen.push(`second sync ${e}`));
    const done = bus.emit('x');
    expect(seen).toEqual(['sync x', 'second sync x']);
    await done;
    expect(seen).toEqual(['sync x', 'second sync x', 'async x']);
  });

  it('reports a failing subscriber, never to the writer, and still tells the others', async () => {
    const errors: unknown[] = [];
    const seen: string[] = [];
    const bus = new EventBus<string>((error) => errors.push(error));
    bus.subscribe(() => {
      throw new Error('sync failure');
    });
    bus.subscribe(async () => {
      throw new Error('async failure');
    });
    bus.subscribe((e) => void seen.push(e));
    await expect(bus.emit('y')).resolves.toBeUndefined();
    expect(seen).toEqual(['y']);
    expect(errors.map((e) => (e as Error).message)).toEqual(['sync failure', 'async failure']);
  });
});
