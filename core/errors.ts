/**
 * Domain errors carry a stable `code`; the API turns them into application/problem+json in one place
 * (api/problem.ts). Messages name the thing, the value and what to do.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('not_found', message, 404, details);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('conflict', message, 409, details);
  }
}

export class ValidationError extends DomainError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('validation_failed', message, 400, details);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('forbidden', message, 403, details);
  }
}

export class UnauthorizedError extends DomainError {
  constructor(message: string) {
    super('unauthorized', message, 401);
  }
}

/** Too many attempts (e.g. failed API keys): try again after `retryAfterSecs`. */
export class TooManyRequestsError extends DomainError {
  constructor(
    code: string,
    message: string,
    readonly retryAfterSecs: number,
  ) {
    super(code, message, 429);
  }
}

/** An input file that cannot be read as the format asked for (wrong format, hostile, truncated). */
export class InputFormatError extends DomainError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('bad_input_format', message, 422, details);
  }
}
