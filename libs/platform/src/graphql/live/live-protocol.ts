import { GraphQLError, type GraphQLSchema } from 'graphql';
import type { ServerOptions } from 'graphql-ws';
import type { Extra } from 'graphql-ws/use/ws';
import type { Logger } from 'pino';
import type { AppConfig } from '../../config/app-config';
import type { OperationLimits } from '../graphql-options';
import type { Authenticator, RequestContext } from '../request-context';
import { codeOf, formatLiveErrors, LIVE_CLOSE } from './live-errors';
import { isLiveSubscription, liveSubscribe } from './live-events';
import { type LiveOperationPayload, prepareLiveOperation } from './live-operation';
import type { LiveRegistry } from './live-registry';
import { LiveSession } from './live-session';

export interface LiveProtocolDeps {
  config: AppConfig;
  logger: Logger;
  authenticator: Authenticator;
  schema: GraphQLSchema;
  limits: OperationLimits;
  registry: LiveRegistry;
}

/** The Authorization value of a connection_init payload ({ "authorization": "Bearer <token>" }), any key case. */
function authorizationOf(params: Record<string, unknown> | undefined): string | null {
  const entry = Object.entries(params ?? {}).find(([key]) => key.toLowerCase() === 'authorization');
  return typeof entry?.[1] === 'string' ? entry[1] : null;
}

const internalError = () => new GraphQLError('Internal server error', { extensions: { code: 'INTERNAL_SERVER_ERROR' } });

/**
 * The graphql-ws hooks of the live endpoint:
 * - onConnect: the token of connection_init through the Authenticator (refused: graphql-ws
 *   closes with 4403), then the per-account connection cap (4429).
 * - onSubscribe: the per-connection subscription cap, then the HTTP path's checks
 *   (prepareLiveOperation); the context is the connection's caller with fresh loaders.
 * - subscribe: the field's resolver authorises and registers with its feed; each event runs
 *   in a context of its own after the token is checked again (live-events.ts).
 * - onNext / onError: errors through the one error formatter of the HTTP path.
 */
export function liveProtocol(deps: LiveProtocolDeps): ServerOptions<Record<string, unknown>, Extra> {
  const { config, logger, authenticator, schema, limits, registry } = deps;
  return {
    onConnect: async (ctx) => {
      const authorization = authorizationOf(ctx.connectionParams);
      const caller = authorization ? await authenticator.authenticateAuthorization(authorization).catch(() => null) : null;
      if (!caller || !authorization) {
        logger.info({ code: LIVE_CLOSE.refused }, 'live connection refused: no valid token');
        return false;
      }
      // Gone while its token was checked: graphql-ws has already run onClose for it.
      if (ctx.extra.socket.readyState !== ctx.extra.socket.OPEN) return false;
      if (registry.connectionsOf(caller.personId) >= config.LIVE_MAX_CONNECTIONS_PER_PERSON) {
        logger.info({ code: LIVE_CLOSE.tooManyConnections }, 'live connection refused: too many for one account');
        ctx.extra.socket.close(LIVE_CLOSE.tooManyConnections, 'Too many connections for this account');
        return false;
      }
      const session = new LiveSession(caller, authorization, ctx.extra.socket, ctx.extra.request, authenticator);
      registry.connected(ctx.extra.socket, session);
      return true;
    },
    onSubscribe: async (ctx, id, payload) => {
      const session = registry.sessionOf(ctx.extra.socket);
      if (!session) return [new GraphQLError('Sign in first', { extensions: { code: 'UNAUTHENTICATED' } })];
      try {
        const max = config.LIVE_MAX_SUBSCRIPTIONS_PER_CONNECTION;
        // graphql-ws has listed this one already.
        if (Object.keys(ctx.subscriptions).length > max) {
          const refusal = new GraphQLError(`At most ${max} subscriptions per connection`, {
            extensions: { code: 'FORBIDDEN', reason: 'TOO_MANY_SUBSCRIPTIONS' },
          });
          registry.refused(session, id, ['FORBIDDEN']);
          return [refusal];
        }
        const contextValue = session.context(id);
        const prepared = await prepareLiveOperation(schema, limits, payload as LiveOperationPayload, contextValue);
        if (Array.isArray(prepared)) {
          registry.refused(session, id, prepared.map(codeOf));
          return prepared;
        }
        // Closed meanwhile: nothing is sent any more, and nothing must be registered.
        if (!registry.prepared(session, id, payload.operationName ?? undefined, contextValue)) return [internalError()];
        return prepared;
      } catch (error) {
        // Never let one message close the socket (graphql-ws would, with 4500).
        logger.error({ err: error, conn: session.id, sub: id }, 'unexpected error while preparing a subscription');
        return [internalError()];
      }
    },
    subscribe: (args) => {
      const record = registry.recordOf(args.contextValue as RequestContext);
      if (!record) return Promise.reject(new Error('subscription without a record'));
      return liveSubscribe(args, {
        contextForEvent: async () =>
          (await record.session.stillSignedIn()) ? record.session.context(`${record.id}#${record.events + 1}`) : null,
        delivered: (sqlStatements) => {
          record.events += 1;
          record.sqlStatements += sqlStatements;
        },
      });
    },
    onOperation: (_ctx, _id, _payload, args, result) => {
      const record = registry.recordOf(args.contextValue as RequestContext);
      if (record && isLiveSubscription(result)) registry.startedOne(record);
    },
    onNext: (_ctx, _id, _payload, _args, result) =>
      result.errors ? { ...result, errors: formatLiveErrors(result.errors as GraphQLError[], logger) } : undefined,
    onError: (ctx, id, _payload, errors) => {
      const formatted = formatLiveErrors(errors, logger);
      registry.failed(
        ctx.extra.socket,
        id,
        formatted.map((e) => String(e.extensions?.code)),
      );
      return formatted;
    },
    onComplete: (ctx, id) => registry.ended(ctx.extra.socket, id),
    onClose: (ctx) => registry.disconnected(ctx.extra.socket),
  };
}
