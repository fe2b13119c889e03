import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';

/** Deepest nesting of lists and objects accepted in variables (the contract's inputs need 3). */
export const MAX_VARIABLES_DEPTH = 32;

/** Whether a JSON value nests lists or objects more than `max` deep; iterative, so any depth is safe to ask. */
export function nestedDeeperThan(value: unknown, max: number): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length > 0) {
    const [current, depth] = pending.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth >= max) return true;
    for (const inner of Object.values(current)) pending.push([inner, depth + 1]);
  }
  return false;
}

/**
 * Refuses variables nested deeper than MAX_VARIABLES_DEPTH before anything walks them: the
 * recursive walkers of later plugins (JSON.stringify of the cost and cache keys, the scan for
 * unstorable text) overflowed the stack on 10,000 nested lists (20 KB) and answered 500.
 * Registered first: Apollo reports the first plugin's refusal.
 */
export function variablesDepthPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request }) {
          if (!nestedDeeperThan(request.variables, MAX_VARIABLES_DEPTH)) return;
          const message = `lists and objects nested more than ${MAX_VARIABLES_DEPTH} deep`;
          throw new GraphQLError(`variables: ${message}`, {
            extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'variables', message }], http: { status: 400 } },
          });
        },
      };
    },
  };
}
