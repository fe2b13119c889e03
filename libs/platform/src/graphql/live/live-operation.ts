import type { GraphQLRequestContextDidResolveOperation } from '@apollo/server';
import {
  type DocumentNode,
  type ExecutionArgs,
  getOperationAST,
  GraphQLError,
  type GraphQLSchema,
  parse,
  specifiedRules,
  validate,
} from 'graphql';
import type { OperationLimits } from '../graphql-options';
import type { RequestContext } from '../request-context';

/** What a graphql-ws subscribe message carries. */
export interface LiveOperationPayload {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

const badInput = (message: string, reason: string) =>
  new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', reason } });

/** Apollo's code for graphql's own parse and validation errors, so both transports report the same reason. */
function withCode(error: GraphQLError, code: string): GraphQLError {
  if (error.extensions?.code) return error;
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    extensions: { ...error.extensions, code },
  });
}

/**
 * Checks a subscribe message as the HTTP path checks a request, with the same limits (depth,
 * aliases, cost, unstorable text): parse, validate, find the operation, run the limit checks.
 * Only subscriptions are served over WebSocket: queries and mutations go over HTTP, where the
 * response cache, the mutation rate limit and the request log see them.
 */
export async function prepareLiveOperation(
  schema: GraphQLSchema,
  limits: OperationLimits,
  payload: LiveOperationPayload,
  contextValue: RequestContext,
): Promise<ExecutionArgs | readonly GraphQLError[]> {
  let document: DocumentNode;
  try {
    document = parse(payload.query, limits.parseOptions);
  } catch (error) {
    return [
      error instanceof GraphQLError
        ? withCode(error, 'GRAPHQL_PARSE_FAILED')
        : badInput('Unparsable query', 'GRAPHQL_PARSE_FAILED'),
    ];
  }
  const invalid = validate(schema, document, [...specifiedRules, ...limits.validationRules]);
  if (invalid.length) return invalid.map((error) => withCode(error, 'GRAPHQL_VALIDATION_FAILED'));
  const operationName = payload.operationName ?? undefined;
  const operation = getOperationAST(document, operationName);
  if (!operation) return [badInput('No single operation to run: name one with operationName', 'OPERATION_RESOLUTION_FAILURE')];
  if (operation.operation !== 'subscription') {
    return [badInput('Only subscriptions are served over WebSocket: send queries and mutations over HTTP', 'NOT_A_SUBSCRIPTION')];
  }
  const variables = payload.variables ?? {};
  const request = { query: payload.query, operationName, variables };
  for (const check of limits.checks) {
    try {
      const listener = await check.requestDidStart?.({ request, contextValue } as never);
      await listener?.didResolveOperation?.({
        request,
        schema,
        document,
        operation,
        operationName: operationName ?? null,
        contextValue,
      } as unknown as GraphQLRequestContextDidResolveOperation<never>);
    } catch (error) {
      // A refusal; anything else is a fault, logged and answered as INTERNAL_SERVER_ERROR by the caller.
      if (error instanceof GraphQLError) return [error];
      throw error;
    }
  }
  return { schema, document, operationName, variableValues: variables, contextValue };
}
