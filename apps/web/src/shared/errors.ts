import { CombinedGraphQLErrors, type ErrorLike } from '@apollo/client';
import { useTranslation } from 'react-i18next';

/** The contract's error codes, which the client explains in the reader's language. */
const KNOWN = ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'BAD_USER_INPUT'] as const;
type Known = (typeof KNOWN)[number];

/** The first GraphQL error's code, or null for a network failure. */
export function errorCode(error: ErrorLike): string | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  return (error.errors[0]?.extensions?.code as string | undefined) ?? null;
}

/**
 * The seconds after which a refused attempt may be tried again, when the API refused it for too
 * many attempts (FORBIDDEN with reason RATE_LIMITED, HTTP 429); null for any other error.
 */
export function retryAfterSeconds(error: ErrorLike | undefined | null): number | null {
  if (!error || !CombinedGraphQLErrors.is(error)) return null;
  const limited = error.errors.find((e) => e.extensions?.reason === 'RATE_LIMITED');
  const seconds = Number(limited?.extensions?.retryAfter);
  return limited ? (Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : 60) : null;
}

/** A sentence for an API error: the contract code explained, with the server's detail where it helps. */
export function useApiErrorMessage(error: ErrorLike | undefined | null): string {
  return useDescribeApiError()(error);
}

/** The same as useApiErrorMessage, as a function: for errors caught from a promise (a mutation's). */
export function useDescribeApiError(): (error: ErrorLike | undefined | null) => string {
  const { t } = useTranslation();
  return (error) => {
    if (!error) return '';
    if (!CombinedGraphQLErrors.is(error)) return t('states.offline');
    const first = error.errors[0];
    const code = first?.extensions?.code as string | undefined;
    if (first?.extensions?.reason === 'RATE_LIMITED') return t('errors.RATE_LIMITED');
    const fields = first?.extensions?.fields as { field: string; message: string }[] | undefined;
    const detail = fields?.length ? fields.map((f) => `${f.field} ${f.message}`).join('; ') : (first?.message ?? '');
    if (code && (KNOWN as readonly string[]).includes(code)) return t(`errors.${code as Known}`, { message: detail });
    return t('errors.unknown');
  };
}
