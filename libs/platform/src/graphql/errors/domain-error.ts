/** The error codes of the public contract (shared/contract/schema.graphql, header). */
export type ErrorCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT';

export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * A refusal the client can act on. Services throw these; the one error formatter turns
 * them into `extensions.code` (and `extensions.fields`, `extensions.retryAfter`).
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'Sign in first: no valid access token') {
    super('UNAUTHENTICATED', message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'Your role does not allow this') {
    super('FORBIDDEN', message);
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string, id?: string) {
    super('NOT_FOUND', id ? `${what} ${id} not found` : `${what} not found`);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string) {
    super('CONFLICT', message);
  }
}

export class InvalidInputError extends DomainError {
  constructor(readonly fields: FieldProblem[]) {
    super('BAD_USER_INPUT', fields.map((f) => `${f.field}: ${f.message}`).join('; '), { fields });
  }

  static field(field: string, message: string): InvalidInputError {
    return new InvalidInputError([{ field, message }]);
  }
}

/**
 * Too many attempts: FORBIDDEN with reason RATE_LIMITED and the seconds after which a retry may
 * succeed, answered with HTTP 429 and Retry-After (Apollo reads `extensions.http`; the error
 * formatter keeps it out of the response body).
 */
export class RateLimitedError extends DomainError {
  constructor(message: string, retryAfterSeconds: number) {
    super('FORBIDDEN', message, {
      reason: 'RATE_LIMITED',
      retryAfter: retryAfterSeconds,
      http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
    });
  }
}
