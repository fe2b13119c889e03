import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { DomainError } from '../errors/domain-error';
import { type ErrorLogger, formatGraphQLError } from '../errors/format-error';

/**
 * WebSocket close codes of the live-update endpoint (graphql-ws protocol). The graphql-ws client
 * reconnects by itself after 1001 and 1013, and gives up after the 44xx codes that mean "not
 * with these credentials" (4401, 4429); it also retries after 4403.
 */
export const LIVE_CLOSE = {
  /** The gateway is shutting down: reconnect (to another replica). */
  goingAway: 1001,
  /** The token could not be checked just now (e.g. the database is away): reconnect later. */
  tryAgainLater: 1013,
  /** The token expired or was revoked after the connection was made: sign in again. */
  tokenNoLongerValid: 4401,
  /** connection_init without a valid token (graphql-ws closes with 4403 when onConnect refuses). */
  refused: 4403,
  /** The account already holds LIVE_MAX_CONNECTIONS_PER_PERSON connections on this gateway. */
  tooManyConnections: 4429,
} as const;

/**
 * Refusal of a subscribe message before any event: the errors travel in one graphql-ws `error`
 * message (not a `next` carrying errors), so a client sees at once that nothing was subscribed.
 */
export class OperationRefused extends Error {
  constructor(readonly errors: readonly GraphQLError[]) {
    super(errors.map((e) => e.message).join('; '));
  }
}

/** An error of the document or its variables (syntax, validation, coercion): the client's input. */
function asInputError(error: GraphQLError): GraphQLError {
  if (error.extensions?.code) return error;
  return new GraphQLError(error.message, { nodes: error.nodes, extensions: { ...error.extensions, code: 'BAD_USER_INPUT' } });
}

/**
 * Formats the errors of a WebSocket operation with the one error formatter of the HTTP path.
 * A resolver's error (it has a path) and a domain error keep their code. An error without a
 * path and without an original error comes from graphql's own checks or our limits; inside an
 * OperationRefused it may also wrap a scalar's refusal of a variable: the client's input. Any
 * other error (something thrown while delivering an event) is unexpected: logged, and answered
 * as INTERNAL_SERVER_ERROR.
 */
export function formatLiveErrors(
  errors: readonly GraphQLError[],
  logger: ErrorLogger,
  beforeExecution = false,
): GraphQLFormattedError[] {
  return errors.flatMap((error) => {
    const original = error.originalError;
    if (original instanceof OperationRefused) return formatLiveErrors(original.errors, logger, true);
    if (error.path) return [formatGraphQLError(error.toJSON(), error, logger)];
    if (original instanceof DomainError) return [formatGraphQLError(error.toJSON(), original, logger)];
    if (beforeExecution || !original) {
      const input = asInputError(error);
      return [formatGraphQLError(input.toJSON(), input, logger)];
    }
    return [formatGraphQLError(error.toJSON(), original, logger)];
  });
}

/** The contract code of an error, when it has one. */
export function codeOf(error: GraphQLError): string | undefined {
  const original = error.originalError;
  if (original instanceof DomainError) return original.code;
  const code = error.extensions?.code;
  return typeof code === 'string' ? code : undefined;
}
