import type { ApolloServerPlugin } from '@apollo/server';
import { type DocumentNode, GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { declaredVariables } from './declared-variables';
import { queryCost } from './query-cost';
import type { RequestContext } from './request-context';

/** Variable sets remembered per document (a mutation's variables differ every time). */
const COSTS_KEPT_PER_DOCUMENT = 256;

const refusal = (message: string) =>
  new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', reason: 'QUERY_TOO_COMPLEX', http: { status: 400 } } });

/**
 * Refuses operations whose estimated cost (query-cost.ts) exceeds maxComplexity before any
 * resolver runs. It never fails open: an operation whose cost cannot be estimated is refused
 * too; only variables that do not fit their types go on, to execution's own BAD_USER_INPUT.
 */
export function complexityPlugin(maxComplexity: number, logger: Logger): ApolloServerPlugin<RequestContext> {
  // Costs already computed, by parsed document (Apollo reuses the object for a repeated query text)
  // and operation name + variables: ~0.2 ms of gateway CPU per request in bench/run otherwise.
  const known = new WeakMap<DocumentNode, Map<string, number | null>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation, schema, contextValue }) {
          if (!operation) return; // no such operation name: Apollo refuses it next
          const variables = declaredVariables(operation, request.variables);
          const key = `${request.operationName ?? ''} ${JSON.stringify(variables)}`;
          const costs = known.get(document) ?? new Map<string, number | null>();
          let complexity = costs.get(key);
          if (complexity === undefined) {
            try {
              complexity = queryCost(schema, document, operation, variables);
            } catch (error) {
              logger.warn({ reqId: contextValue.requestId, err: (error as Error).message }, 'query cost not estimated: refused');
              throw refusal('The cost of this query could not be estimated; it is refused');
            }
            if (costs.size >= COSTS_KEPT_PER_DOCUMENT) costs.clear();
            costs.set(key, complexity);
            known.set(document, costs);
          }
          // null: variables that do not fit their types, which execution reports as BAD_USER_INPUT.
          if (complexity !== null && !(complexity <= maxComplexity)) {
            throw refusal(`Query is too complex: cost ${complexity}, the maximum is ${maxComplexity}`);
          }
        },
      };
    },
  };
}
