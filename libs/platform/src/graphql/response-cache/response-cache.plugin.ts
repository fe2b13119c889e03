import { createHash } from 'node:crypto';
import { type ApolloServerPlugin, HeaderMap } from '@apollo/server';
import type { OperationDefinitionNode } from 'graphql';
import { declaredVariables } from '../declared-variables';
import type { RequestContext } from '../request-context';
import { ChangeAwareCache } from '../../cache/change-aware-cache';
import type { DataChanges } from '../../cache/data-changes.service';
import { Audience, type AudienceRoles, trackedCaller } from './audience';

export interface ResponseCacheOptions {
  /** How long an answer may be served; 0 turns the cache off. */
  ttlMs: number;
  maxEntries: number;
  /** Most bytes of answers kept (their JSON and keys); an answer over a sixteenth of it is never kept. */
  maxBytes: number;
}

/** Root fields whose answer must be computed every time. */
const NEVER_CACHED = new Set(['serverTime']);
/** Most answers kept for one document and variables, one per distinct set of roles it was computed for. */
const MAX_VARIANTS = 8;

type Data = Record<string, unknown>;

/** An answer that did not depend on who asked, beyond the roles the policy read (scope -> roles key). */
interface SharedVariant {
  roles: [string, string][];
  data: Data;
  expiresAt: number;
  bytes: number;
}

/** What the cache keeps under one key: one caller's personal answer, or the shared variants of a document. */
type Stored = { personal: Data } | { variants: SharedVariant[] };

/** An answer being computed: identical requests arriving meanwhile wait for it, then check it is theirs too. */
interface Flight {
  epoch: number;
  answer: Promise<Settled | null>;
  settle: (s: Settled | null) => void;
}
interface Settled {
  data: Data;
  audience: Audience;
  personId: string | null;
}

/** Apollo calls responseForOperation even when the operation name matched nothing (operation undefined). */
function cacheable(operation: OperationDefinitionNode | undefined): operation is OperationDefinitionNode {
  return (
    operation?.operation === 'query' &&
    operation.selectionSet.selections.every((s) => s.kind === 'Field' && !NEVER_CACHED.has(s.name.value))
  );
}

const hash = (...parts: string[]) => createHash('sha256').update(parts.join('\n')).digest('base64');

/**
 * Serves repeated queries from a ResponseCache, keyed by what each answer depended on.
 *
 * While an answer is computed, its Audience records the roles the access policy decided on and
 * whether anything read who the caller is (see audience.ts). An answer that read the caller's
 * id is personal: kept for that caller only. Any other answer is shared: kept under the
 * document, operation name and declared variables (others are never read), with the roles it was
 * computed under, and served to a later caller whose roles in those same scopes are the same,
 * so the access policy keeps deciding for every caller (the second member of a group to open
 * its page gets the first one's answer; a caller with other roles computes their own). Signed-in
 * and anonymous callers never share.
 *
 * Only complete answers (no errors) are kept, within options.maxBytes. Every mutation answered
 * here empties the cache before its answer is sent, so its caller reads their own write at once;
 * other gateways hear of it through the change feed. Hits carry `X-Response-Cache: hit`. A
 * request with `Cache-Control: no-cache` is computed afresh (and its answer kept); with
 * `no-store` it is neither served nor kept.
 */
export function responseCachePlugin(
  options: ResponseCacheOptions,
  changes: DataChanges,
  audienceRoles: AudienceRoles | null,
  now: () => number = Date.now,
): ApolloServerPlugin<RequestContext> {
  if (options.ttlMs <= 0) return {};
  const cache = new ChangeAwareCache<Stored>(options.ttlMs, options.maxEntries, { maxBytes: options.maxBytes, now });
  const inFlight = new Map<string, Flight>();

  /** Whether `personId` has, in every scope the answer was computed under, the same roles. */
  async function sameRoles(roles: [string, string][], personId: string): Promise<boolean> {
    if (!audienceRoles) return roles.length === 0;
    for (const [scope, rolesKey] of roles) if ((await audienceRoles.rolesKey(personId, scope)) !== rolesKey) return false;
    return true;
  }

  /** The shared answer for this caller among the variants, if one was computed under their roles. */
  async function sharedFor(stored: Stored | undefined, personId: string | null): Promise<Data | undefined> {
    if (!stored || !('variants' in stored)) return undefined;
    const at = now();
    for (const variant of stored.variants) {
      if (variant.expiresAt <= at) continue;
      if (personId === null ? variant.roles.length === 0 : await sameRoles(variant.roles, personId)) return variant.data;
    }
    return undefined;
  }

  /** Whether a settled flight's answer is this caller's answer too. */
  async function settledFor(settled: Settled | null, personId: string | null): Promise<Data | undefined> {
    if (!settled) return undefined;
    if (settled.audience.personal) return settled.personId === personId ? settled.data : undefined;
    if (personId === null) return settled.audience.roles.size === 0 ? settled.data : undefined;
    return (await sameRoles([...settled.audience.roles], personId)) ? settled.data : undefined;
  }

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
      const audience = new Audience();
      let personId: string | null = null;
      let sharedKey: string | null = null;
      let personalKey: string | null = null;
      let owns = false;
      let hit = false;
      return {
        async responseForOperation({ operation, request, contextValue }) {
          // Cache-Control: no-cache asks for a fresh answer (which is then kept); no-store for one never kept.
          // Either way nothing remembered is used for it, answers or shared reads (LoaderRegistry.fresh).
          const directive = request.http?.headers.get('cache-control') ?? '';
          const fresh = /\bno-(cache|store)\b/i.test(directive);
          contextValue.loaders.fresh = fresh;
          if (!cache.enabled || !cacheable(operation) || /\bno-store\b/i.test(directive)) return null;
          personId = contextValue.caller?.personId ?? null;
          const document = hash(
            request.operationName ?? '',
            request.query ?? '',
            JSON.stringify(declaredVariables(operation, request.variables)),
          );
          sharedKey = hash('shared', personId === null ? 'anonymous' : 'signed-in', document);
          personalKey = hash('personal', personId ?? '-', document);
          // From here on, the answer records what it depends on of its caller.
          if (contextValue.caller) contextValue.caller = trackedCaller(contextValue.caller, audience);

          let data: Data | undefined;
          if (!fresh) {
            const personal = cache.get(personalKey);
            data = personal && 'personal' in personal ? personal.personal : await sharedFor(cache.get(sharedKey), personId);
            const flight = inFlight.get(sharedKey);
            if (!data && flight?.epoch === startedIn) data = await settledFor(await flight.answer, personId);
            // Roles read while looking may have been read after a change: serve only if none arrived.
            if (data && cache.begin() !== startedIn) data = undefined;
          }
          if (data) {
            hit = true;
            return {
              body: { kind: 'single', singleResult: { data } },
              http: { status: undefined, headers: new HeaderMap([['x-response-cache', 'hit']]) },
            };
          }
          if (!inFlight.has(sharedKey)) {
            let settle!: (s: Settled | null) => void;
            const answer = new Promise<Settled | null>((resolve) => (settle = resolve));
            inFlight.set(sharedKey, { epoch: startedIn, answer, settle });
            owns = true;
          }
          return null;
        },
        async willSendResponse({ operation, response }) {
          if (operation?.operation === 'mutation') return cache.invalidate();
          if (hit || !sharedKey || !personalKey) return;
          const single = response.body.kind === 'single' ? response.body.singleResult : null;
          const data = single?.data && !single.errors?.length ? single.data : null;
          // Sized on store only (a miss, already paying for the computation), never on a hit.
          if (data) store(data);
          if (!owns) return;
          const flight = inFlight.get(sharedKey);
          inFlight.delete(sharedKey);
          // Waiters get the answer only if no change arrived meanwhile; otherwise they compute their own.
          flight?.settle(data && cache.begin() === startedIn ? { data, audience, personId } : null);
        },
      };

      function store(data: Data): void {
        const bytes = JSON.stringify(data).length;
        if (audience.personal) return cache.set(personalKey!, { personal: data }, startedIn, personalKey!.length + bytes);
        const roles = [...audience.roles];
        const signature = JSON.stringify(roles);
        const kept = cache.get(sharedKey!);
        const others = kept && 'variants' in kept ? kept.variants.filter((v) => JSON.stringify(v.roles) !== signature) : [];
        const variant = { roles, data, expiresAt: now() + options.ttlMs, bytes: bytes + signature.length };
        const variants = [variant, ...others].slice(0, MAX_VARIANTS);
        const size = variants.reduce((sum, v) => sum + v.bytes, 0);
        cache.set(sharedKey!, { variants }, startedIn, sharedKey!.length + size);
      }
    },
  };
}
