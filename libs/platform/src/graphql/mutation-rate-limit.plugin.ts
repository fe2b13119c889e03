import type { ApolloServerPlugin } from '@apollo/server';
import { type DocumentNode, GraphQLError, Kind, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { redisOptionsFromUrl } from '../queue/redis-options';
import type { RequestContext } from './request-context';

export interface MutationRateLimit {
  redisUrl: string;
  prefix: string;
  /** Mutations one account may send per window; 0 turns the limit off. */
  limit: number;
  windowSeconds: number;
}

/**
 * The mutations an operation runs: the distinct response names of its root selection, through
 * fragments (each read once, as execution does), so 50 aliased mutations are 50.
 */
export function rootFieldCount(document: DocumentNode, operation: OperationDefinitionNode): number {
  const fragments = new Map<string, SelectionSetNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition.selectionSet);
  }
  const names = new Set<string>();
  const spread = new Set<string>();
  const collect = (set: SelectionSetNode): void => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) names.add((selection.alias ?? selection.name).value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) collect(selection.selectionSet);
      else if (!spread.has(selection.name.value)) {
        spread.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) collect(fragment);
      }
    }
  };
  collect(operation.selectionSet);
  return names.size;
}

/**
 * Limits the mutations each signed-in account may send per window, across every gateway
 * (a fixed-window counter in Redis, counting each mutation field of a request). Over the limit: FORBIDDEN with reason RATE_LIMITED,
 * extensions.retryAfter and HTTP 429 with Retry-After. If Redis does not answer, requests
 * pass: a Redis outage must not stop votes and work-plan changes (PostgreSQL holds them).
 */
export function mutationRateLimitPlugin(options: MutationRateLimit, logger: Logger): ApolloServerPlugin<RequestContext> {
  if (options.limit <= 0) return {};
  const redis = new Redis({
    ...redisOptionsFromUrl(options.redisUrl),
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    lazyConnect: true,
  }) as Redis & { countInWindow(key: string, ttlSeconds: number, mutations: number): Promise<number> };
  // One round trip, atomic: the counter of the window, created with its expiry. (A MULTI of INCR
  // and EXPIRE cost ~0.27 ms of gateway CPU per mutation in bench/run; this about a third.)
  redis.defineCommand('countInWindow', {
    numberOfKeys: 1,
    lua: `local n = redis.call('INCRBY', KEYS[1], ARGV[2]) if n == tonumber(ARGV[2]) then redis.call('EXPIRE', KEYS[1], ARGV[1]) end return n`,
  });
  redis.on('error', () => undefined);
  redis.connect().catch(() => undefined);

  async function count(personId: string, window: number, mutations: number): Promise<number | null> {
    const key = `${options.prefix}:rate:mutations:${personId}:${window}`;
    try {
      const value = await Promise.race([
        redis.countInWindow(key, options.windowSeconds * 2, mutations),
        new Promise<null>((resolve) => setTimeout(() => resolve(null), 200).unref()),
      ]);
      return typeof value === 'number' ? value : null;
    } catch {
      return null;
    }
  }

  return {
    async serverWillStart() {
      return {
        async serverWillStop() {
          redis.disconnect();
        },
      };
    },
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, contextValue }) {
          const personId = contextValue.caller?.personId;
          if (operation?.operation !== 'mutation' || !personId) return;
          const now = Math.floor(Date.now() / 1000);
          const window = Math.floor(now / options.windowSeconds);
          const used = await count(personId, window, rootFieldCount(document, operation));
          if (used === null) {
            logger.warn({ reqId: contextValue.requestId }, 'rate limit skipped: Redis did not answer');
            return;
          }
          if (used > options.limit) {
            const retryAfter = (window + 1) * options.windowSeconds - now;
            contextValue.res?.setHeader('Retry-After', String(retryAfter));
            throw new GraphQLError(
              `Too many changes: at most ${options.limit} per ${options.windowSeconds} s; retry in ${retryAfter} s`,
              {
                extensions: { code: 'FORBIDDEN', reason: 'RATE_LIMITED', retryAfter, http: { status: 429 } },
              },
            );
          }
        },
      };
    },
  };
}
