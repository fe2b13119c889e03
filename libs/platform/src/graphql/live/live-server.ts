import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy, Optional } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import type { Disposable } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import type { Logger } from 'pino';
import { type WebSocket, WebSocketServer } from 'ws';
import { AppConfig } from '../../config/app-config';
import { PINO_LOGGER } from '../../logging/logging.module';
import { operationLimits } from '../graphql-options';
import { Authenticator } from '../request-context';
import { LIVE_CLOSE } from './live-errors';
import { liveProtocol } from './live-protocol';
import { LiveRegistry } from './live-registry';

/** The live-update endpoint shares the HTTP GraphQL path (contract: graphql-ws at /graphql). */
const GRAPHQL_PATH = '/graphql';
/** How long connections get to close by themselves on shutdown before they are cut. */
const SHUTDOWN_GRACE_MS = 2000;

const UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 * 1024 };

/** BODY_LIMIT ("1mb") in bytes: a WebSocket message may be as large as an HTTP body, no larger. */
function bytesOf(limit: string): number {
  const [, amount, unit] = /^(\d+)(b|kb|mb)$/.exec(limit) ?? ['', '1', 'mb'];
  return Number(amount) * UNITS[unit];
}

function reject(socket: Duplex, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

const closed = (socket: WebSocket) =>
  new Promise((resolve) => (socket.readyState === socket.CLOSED ? resolve(null) : socket.once('close', resolve)));

/**
 * Live updates (contract: Subscription) over the graphql-ws protocol at /graphql, beside the
 * HTTP endpoint. We run the WebSocket server ourselves instead of the Apollo driver's
 * `subscriptions` option because that option builds a ws server we cannot configure: its
 * maxPayload is ws's default of 100 MB (a few such messages exhaust a gateway's 160 MB heap),
 * and it offers no hook to refuse upgrades while shutting down or to cut hanging sockets.
 *
 * - Authentication and limits: live-protocol.ts (token in connection_init, 4403 without one;
 *   LIVE_MAX_CONNECTIONS_PER_PERSON per account on one gateway, 4429 beyond;
 *   LIVE_MAX_SUBSCRIPTIONS_PER_CONNECTION; the HTTP path's depth, alias and cost limits;
 *   messages no larger than BODY_LIMIT, 1009 beyond).
 * - Revocation: every LIVE_TOKEN_CHECK_MS, and before every event, each connection's token goes
 *   through the Authenticator again (LiveSession); expired or revoked: 4401.
 * - Logs: one line per subscription start and end (LiveRegistry), never the connection_init payload.
 * - Shutdown: upgrades are refused, every socket is closed with 1001 (clients reconnect, to
 *   another replica), and sockets still open after 2 s are cut, so SIGTERM still exits 0.
 */
@Injectable()
export class LiveServer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly registry: LiveRegistry;
  private wss: WebSocketServer | null = null;
  private graphqlWs: Disposable | null = null;
  private httpServer: Server | null = null;
  private sweep: NodeJS.Timeout | null = null;
  private closing = false;

  constructor(
    private readonly config: AppConfig,
    @Inject(PINO_LOGGER) private readonly logger: Logger,
    private readonly adapterHost: HttpAdapterHost,
    private readonly schemaHost: GraphQLSchemaHost,
    @Optional() private readonly authenticator?: Authenticator,
  ) {
    this.registry = new LiveRegistry(logger);
  }

  /** Subscriptions started and not yet ended on this gateway. */
  get activeSubscriptions(): number {
    return this.registry.activeSubscriptions;
  }

  /** Subscriptions started since boot (graphql-ws acknowledges none: tests wait for this to move). */
  get startedSubscriptions(): number {
    return this.registry.startedSubscriptions;
  }

  onApplicationBootstrap(): void {
    const httpServer = this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    if (!httpServer || !this.authenticator) return;
    const schema = this.schemaHost.schema;
    const wss = new WebSocketServer({ noServer: true, maxPayload: bytesOf(this.config.BODY_LIMIT) });
    const protocol = liveProtocol({
      config: this.config,
      logger: this.logger,
      authenticator: this.authenticator,
      schema,
      limits: operationLimits(this.config, this.logger),
      registry: this.registry,
    });
    this.graphqlWs = useServer({ ...protocol, isProd: this.config.isProduction }, wss);
    // After graphql-ws's own listener: a socket error is the client's (a message over maxPayload,
    // a broken frame; ws closes the socket itself), not the "internal error" graphql-ws prints.
    wss.on('connection', (socket: WebSocket) => {
      socket.removeAllListeners('error');
      socket.on('error', (error: Error & { code?: string }) =>
        this.logger.info({ conn: this.registry.sessionOf(socket)?.id, err: error.code ?? error.message }, 'live socket error'),
      );
    });
    this.wss = wss;
    this.httpServer = httpServer;
    httpServer.on('upgrade', this.onUpgrade);
    this.sweep = setInterval(() => {
      for (const session of this.registry.connections()) void session.stillSignedIn();
    }, this.config.LIVE_TOKEN_CHECK_MS);
    this.sweep.unref();
  }

  async onModuleDestroy(): Promise<void> {
    this.closing = true;
    if (this.sweep) clearInterval(this.sweep);
    const wss = this.wss;
    if (!wss) return;
    const sockets = [...wss.clients];
    sockets.forEach((socket) => socket.close(LIVE_CLOSE.goingAway, 'The gateway is shutting down'));
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise((resolve) => (timer = setTimeout(resolve, SHUTDOWN_GRACE_MS)));
    await Promise.race([Promise.all(sockets.map(closed)), grace]);
    clearTimeout(timer);
    wss.clients.forEach((socket) => socket.terminate());
    this.httpServer?.off('upgrade', this.onUpgrade);
    await this.graphqlWs?.dispose();
  }

  private readonly onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const wss = this.wss;
    if (!wss) return;
    if (new URL(req.url ?? '/', 'http://gateway').pathname !== GRAPHQL_PATH) {
      // Nobody else serves WebSockets here: answer instead of leaving the socket hanging.
      if (this.httpServer?.listenerCount('upgrade') === 1) reject(socket, '404 Not Found');
      return;
    }
    if (this.closing) return reject(socket, '503 Service Unavailable');
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  };
}
