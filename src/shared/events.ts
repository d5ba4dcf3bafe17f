/** Where features announce what changed, after commit; subscribers are wired once, in createApp. */
export interface EventSink<E> {
  /** Resolves when every subscriber has finished; a failing subscriber never rejects it. */
  emit(event: E): Promise<void>;
}

export type EventHandler<E> = (event: E) => void | Promise<void>;

/**
 * In-process publish/subscribe. Handlers start in the order they subscribed, each before
 * the next (so synchronous work such as dropping cached pages is done before any awaits);
 * their promises are then awaited together. A failing handler is reported, never thrown
 * back at the writer: the write is committed, and the other subscribers still hear of it.
 */
export class EventBus<E> implements EventSink<E> {
  private readonly handlers: EventHandler<E>[] = [];

  constructor(private readonly onError: (error: unknown, event: E) => void = (e) => console.error('event listener failed:', e)) {}

  subscribe(handler: EventHandler<E>): () => void {
    this.handlers.push(handler);
    return () => {
      const i = this.handlers.indexOf(handler);
      if (i >= 0) this.handlers.splice(i, 1);
    };
  }

  async emit(event: E): Promise<void> {
    const pending: Promise<void>[] = [];
    for (const handler of [...this.handlers]) {
      try {
        const result = handler(event);
        if (result instanceof Promise) pending.push(result.catch((error: unknown) => this.onError(error, event)));
      } catch (error) {
        this.onError(error, event);
      }
    }
    await Promise.all(pending);
  }
}
