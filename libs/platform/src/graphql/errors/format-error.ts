import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { currentRequestId } from '../../logging/request-logging.middleware';
import { DomainError, type ErrorCode } from './domain-error';

export interface ErrorLogger {
  error(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}

/** PostgreSQL error codes that mean "the current state forbids it" or "bad input". */
const PG_CODES: Record<string, ErrorCode> = {
  '23505': 'CONFLICT', // unique_violation
  '23P01': 'CONFLICT', // exclusion_violation
  '40001': 'CONFLICT', // serialization_failure
  '40P01': 'CONFLICT', // deadlock_detected
  '23514': 'BAD_USER_INPUT', // check_violation
  '22P02': 'BAD_USER_INPUT', // invalid_text_representation
  '22007': 'BAD_USER_INPUT', // invalid_datetime_format
  '22008': 'BAD_USER_INPUT', // datetime_field_overflow
  '22003': 'BAD_USER_INPUT', // numeric_value_out_of_range
  '22001': 'BAD_USER_INPUT', // string_data_right_truncation
};

const HTTP_CODES: Record<number, ErrorCode> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'BAD_USER_INPUT',
  429: 'FORBIDDEN',
};

/** Codes Apollo and graphql-js produce for malformed requests: all are bad input to clients. */
const APOLLO_INPUT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'PERSISTED_QUERY_NOT_FOUND',
]);

/**
 * The one error formatter: every error leaves with one of the contract's codes, never a
 * stack trace or SQL. Unknown errors are answered as a generic INTERNAL_SERVER_ERROR and logged
 * at `error` with the request id: they are what an operator must look at. Refusals (the
 * contract's codes) are the client's business: logged at `info` with their code (`warn` for a
 * rate limit, which may be an attack), never at `error`.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown, logger: ErrorLogger): GraphQLFormattedError {
  const answer = contractError(formatted, error);
  const code = answer.extensions?.code;
  const reqId = currentRequestId();
  if (code === 'INTERNAL_SERVER_ERROR') {
    logger.error({ reqId, err: unwrapResolverError(error), path: formatted.path }, 'unexpected error while resolving');
  } else {
    const reason = answer.extensions?.reason;
    const level = reason === 'RATE_LIMITED' ? 'warn' : 'info';
    logger[level]({ reqId, code, ...(reason ? { reason } : {}), path: answer.path }, `refused: ${answer.message}`);
  }
  return answer;
}

function contractError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };

  if (original instanceof DomainError) {
    // `http` (status, headers) is for Apollo's HTTP answer, not for the client's error.
    const { http: _http, ...extensions } = original.extensions;
    return { ...base, message: original.message, extensions: { code: original.code, ...extensions } };
  }

  const pgCode = (original as { code?: unknown; driverError?: { code?: unknown } } | null)?.driverError?.code;
  if (typeof pgCode === 'string' && PG_CODES[pgCode]) {
    const code = PG_CODES[pgCode];
    const message = code === 'CONFLICT' ? 'Conflicts with the current state; reload and retry' : 'Invalid input';
    return { ...base, message, extensions: { code } };
  }

  const status = httpStatusOf(original);
  if (status !== undefined && HTTP_CODES[status]) {
    return { ...base, message: httpMessageOf(original) ?? formatted.message, extensions: { code: HTTP_CODES[status] } };
  }

  const apolloCode = formatted.extensions?.code;
  if (typeof apolloCode === 'string' && APOLLO_INPUT_CODES.has(apolloCode)) {
    const { http: _http, code: _code, ...rest } = formatted.extensions ?? {};
    const reason = rest.reason ?? (apolloCode === 'BAD_USER_INPUT' ? undefined : apolloCode);
    return { ...base, extensions: { ...rest, code: 'BAD_USER_INPUT', ...(reason ? { reason } : {}) } };
  }
  if (apolloCode === 'UNAUTHENTICATED' || apolloCode === 'FORBIDDEN') {
    const { http: _http, ...rest } = formatted.extensions ?? {};
    return { ...base, extensions: { ...rest, code: apolloCode } };
  }

  return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

function httpStatusOf(error: unknown): number | undefined {
  const candidate = error as { getStatus?: () => number; status?: unknown } | null;
  if (candidate && typeof candidate.getStatus === 'function') return candidate.getStatus();
  return undefined;
}

function httpMessageOf(error: unknown): string | undefined {
  const response = (error as { getResponse?: () => unknown }).getResponse?.();
  if (response && typeof response === 'object' && 'message' in response) {
    const message = (response as { message: unknown }).message;
    return Array.isArray(message) ? message.join('; ') : String(message);
  }
  return (error as Error).message;
}
