import {
  ConflictError,
  ForbiddenError,
  GoneError,
  MovedError,
  NotFoundError,
  TooManyRequestsError,
  UnauthorizedError,
  ValidationError,
} from '../shared/errors.js';

/** The one place that knows which status each domain error answers with. */
export function statusOf(error: unknown): number {
  if (error instanceof NotFoundError) return 404;
  if (error instanceof GoneError) return 410;
  if (error instanceof MovedError) return 301;
  if (error instanceof ValidationError) return 400;
  if (error instanceof UnauthorizedError) return 401;
  if (error instanceof ForbiddenError) return 403;
  if (error instanceof ConflictError) return 409;
  if (error instanceof TooManyRequestsError) return 429;
  return 500;
}
