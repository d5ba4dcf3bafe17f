/** Where features announce what changed; the site listens to keep its cache exact. */
export interface EventSink<E> {
  emit(event: E): void;
}

export type EventHandler<E> = (event: E) => void | Promise<void>;

/** In-process publish/subscribe. A failing listener is reported, never thrown back at the writer. */
export class EventBus<E> implements EventSink<E> {
  private readonly handlers: EventHandler<E>[] = [];

  constructor(private readonly onError: (error: unknown) => void = (e) => console.error('event listener failed:', e)) {}

  subscribe(handler: EventHandler<E>): () => void {
    this.handlers.push(handler);
    return () => {
      const i = this.handlers.indexOf(handler);
      if (i >= 0) this.handlers.splice(i, 1);
    };
  }

  emit(event: E): void {
    for (const handler of this.handlers) {
      try {
        const result = handler(event);
        if (result instanceof Promise) result.catch(this.onError);
      } catch (error) {
        this.onError(error);
      }
    }
  }
}
