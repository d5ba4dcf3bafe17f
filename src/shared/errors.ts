/**
 * The error vocabulary of every feature. Only `http/` knows which status each maps to;
 * features throw these and never build responses.
 */
export class DomainError extends Error {
  override name = 'DomainError';
}

export class NotFoundError extends DomainError {
  override name = 'NotFoundError';
  constructor(
    readonly entity: string,
    readonly key: string,
  ) {
    super(`${entity} not found: ${key}`);
  }
}

/** Content that existed and was taken down on purpose (answers 410). */
export class GoneError extends DomainError {
  override name = 'GoneError';
  constructor(
    readonly entity: string,
    readonly key: string,
    readonly title?: string,
  ) {
    super(`${entity} withdrawn: ${key}`);
  }
}

/** The resource lives at another URL (answers 301). */
export class MovedError extends DomainError {
  override name = 'MovedError';
  constructor(readonly location: string) {
    super(`moved to ${location}`);
  }
}

export class ValidationError extends DomainError {
  override name = 'ValidationError';
  constructor(
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
  }
}

export class ForbiddenError extends DomainError {
  override name = 'ForbiddenError';
}

export class UnauthorizedError extends DomainError {
  override name = 'UnauthorizedError';
}

export class ConflictError extends DomainError {
  override name = 'ConflictError';
}

export class TooManyRequestsError extends DomainError {
  override name = 'TooManyRequestsError';
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}
