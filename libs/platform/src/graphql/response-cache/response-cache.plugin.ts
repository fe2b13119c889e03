import { createHash } from 'node:crypto';
import { type ApolloServerPlugin, HeaderMap } from '@apollo/server';
import type { OperationDefinitionNode } from 'graphql';
import { declaredVariables } from '../declared-variables';
import type { RequestContext } from '../request-context';
import { ChangeAwareCache } from '../../cache/change-aware-cache';
import type { DataChanges } from '../../cache/data-changes.service';

export interface ResponseCacheOptions {
  /** How long an answer may be served; 0 turns the cache off. */
  ttlMs: number;
  maxEntries: number;
  /** Most bytes of answers kept (their JSON and keys); an answer over a sixteenth of it is never kept. */
  maxBytes: number;
}

/** Root fields whose answer must be computed every time. */
const NEVER_CACHED = new Set(['serverTime']);

type Data = Record<string, unknown>;

/** Apollo calls responseForOperation even when the operation name matched nothing (operation undefined). */
function cacheable(operation: OperationDefinitionNode | undefined): operation is OperationDefinitionNode {
  return (
    operation?.operation === 'query' &&
    operation.selectionSet.selections.every((s) => s.kind === 'Field' && !NEVER_CACHED.has(s.name.value))
  );
}

/**
 * Serves repeated queries of one caller from a ResponseCache. The key is the caller, the
 * document, the operation name and the variables the operation declares (others are never
 * read, so they cannot make new entries): an answer is never shown to anybody but the
 * caller it was computed for, so the access policy keeps deciding. Only complete answers
 * (no errors) are kept, within options.maxBytes. Every mutation answered here empties the cache before its answer is
 * sent, so its caller reads their own write at once; other gateways hear of it through the
 * change feed. Hits carry `X-Response-Cache: hit`. A request with `Cache-Control: no-cache` is
 * computed afresh (and its answer kept); with `no-store` it is neither served nor kept.
 */
export function responseCachePlugin(options: ResponseCacheOptions, changes: DataChanges): ApolloServerPlugin<RequestContext> {
  if (options.ttlMs <= 0) return {};
  const cache = new ChangeAwareCache<Data>(options.ttlMs, options.maxEntries, { maxBytes: options.maxBytes });

  // Answers being computed, by key: identical queries arriving meanwhile wait for the first
  // one instead of computing it again (a page opened by many at once costs one computation).
  const inFlight = new Map<string, { epoch: number; answer: Promise<Data | null>; settle: (d: Data | null) => void }>();

  return {
    async serverWillStart() {
      // Any table may show in an answer: every change empties the cache.
      const unsubscribe = changes.subscribe({ changed: () => cache.invalidate(), setLive: (live) => cache.setLive(live) });
      return {
        async serverWillStop() {
          unsubscribe();
          cache.setLive(false);
        },
      };
    },
    async requestDidStart() {
      const startedIn = cache.begin();
      let key: string | null = null;
      let owns = false;
      let hit = false;
      return {
        async responseForOperation({ operation, request, contextValue }) {
          if (!cache.enabled || !cacheable(operation)) return null;
          // Cache-Control: no-cache asks for a fresh answer (which is then kept); no-store for one never kept.
          const directive = request.http?.headers.get('cache-control') ?? '';
          if (/\bno-store\b/i.test(directive)) return null;
          const fresh = /\bno-cache\b/i.test(directive);
          key = createHash('sha256')
            .update(`${contextValue.caller?.personId ?? '-'}\n${request.operationName ?? ''}\n${request.query ?? ''}\n`)
            .update(JSON.stringify(declaredVariables(operation, request.variables)))
            .digest('base64');
          let data = fresh ? undefined : cache.get(key);
          const flight = inFlight.get(key);
          if (!data && !fresh && flight?.epoch === startedIn) data = (await flight.answer) ?? undefined;
          if (data) {
            hit = true;
            return {
              body: { kind: 'single', singleResult: { data } },
              http: { status: undefined, headers: new HeaderMap([['x-response-cache', 'hit']]) },
            };
          }
          if (!inFlight.has(key)) {
            let settle!: (d: Data | null) => void;
            const answer = new Promise<Data | null>((resolve) => (settle = resolve));
            inFlight.set(key, { epoch: startedIn, answer, settle });
            owns = true;
          }
          return null;
        },
        async willSendResponse({ operation, response }) {
          if (operation?.operation === 'mutation') return cache.invalidate();
          if (hit || !key) return;
          const single = response.body.kind === 'single' ? response.body.singleResult : null;
          const data = single?.data && !single.errors?.length ? single.data : null;
          // Sized on store only (a miss, already paying for the computation), never on a hit.
          if (data) cache.set(key, data, startedIn, key.length + JSON.stringify(data).length);
          if (!owns) return;
          const flight = inFlight.get(key);
          inFlight.delete(key);
          // Waiters get the answer only if no change arrived meanwhile; otherwise they compute their own.
          flight?.settle(data && cache.begin() === startedIn ? data : null);
        },
      };
    },
  };
}
