import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env.js';
import type { Logger } from './logger.js';

/**
 * Gives each request an id (echoed in X-Request-Id) and a logger that carries it, and logs
 * every answer that failed on our side (5xx) with that id, so a reader's report can be found.
 */
export function requestContext(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const requestId = randomUUID();
    const requestLogger = logger.child({ requestId });
    c.set('requestId', requestId);
    c.set('logger', requestLogger);
    // Set before the handler runs: changing headers of a finished response makes Hono
    // rebuild it as a full web Response, which costs more than the page.
    c.header('x-request-id', requestId);
    await next();
    if (c.res.status >= 500) requestLogger.error('request answered with a server error', { status: c.res.status, method: c.req.method, path: c.req.path });
  };
}
