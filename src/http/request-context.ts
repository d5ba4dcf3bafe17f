import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env.js';
import type { Logger } from './logger.js';

/** Gives each request an id (echoed in X-Request-Id) and a logger that carries it. */
export function requestContext(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const requestId = randomUUID();
    c.set('requestId', requestId);
    c.set('logger', logger.child({ requestId }));
    // Set before the handler runs: changing headers of a finished response makes Hono
    // rebuild it as a full web Response, which costs more than the page.
    c.header('x-request-id', requestId);
    await next();
  };
}
