import type { ApolloServerPlugin } from '@apollo/server';
import { SqlStatementCounter } from '../database/sql-statement-counter';
import type { LoggedRequest } from '../logging/request-logging.middleware';
import type { RequestContext } from './request-context';

/**
 * Hands the operation name to the request log line and, when enabled, reports the number of
 * SQL statements the request issued in the X-Sql-Statements header (tests and benchmarks
 * use it to prove there is no N+1).
 */
export function requestLoggingPlugin(sqlCountHeader: boolean): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, contextValue }) {
          (contextValue.req as LoggedRequest).operationName = request.operationName ?? undefined;
        },
        async willSendResponse({ response }) {
          const count = SqlStatementCounter.instance.current();
          if (sqlCountHeader && count !== undefined) response.http.headers.set('x-sql-statements', String(count));
        },
      };
    },
  };
}
