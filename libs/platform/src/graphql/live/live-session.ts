import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Request } from 'express';
import type { WebSocket } from 'ws';
import { LoaderRegistry } from '../loader-registry';
import type { Authenticator, Caller, RequestContext } from '../request-context';
import { LIVE_CLOSE } from './live-errors';

/**
 * One signed-in WebSocket connection. Its token is not trusted for the life of the socket: it
 * is checked again through the Authenticator (the very path of HTTP requests, so whatever makes
 * a token invalid there, expiry or revocation, holds here) before every event and on the
 * server's periodic sweep; once it fails, the socket is closed with 4401 and every subscription
 * on it ends.
 */
export class LiveSession {
  /** Short id for the logs (never the token). */
  readonly id = randomUUID().slice(0, 8);
  private closed = false;

  constructor(
    readonly caller: Caller,
    private readonly authorization: string,
    private readonly socket: WebSocket,
    private readonly request: IncomingMessage,
    private readonly authenticator: Authenticator,
  ) {}

  get personId(): string {
    return this.caller.personId;
  }

  /** Whether the token still names this person; closes the socket when it does not. */
  async stillSignedIn(): Promise<boolean> {
    if (this.closed) return false;
    let caller: Caller | null;
    try {
      caller = await this.authenticator.authenticateAuthorization(this.authorization);
    } catch {
      // Not a verdict on the token: the client reconnects later and signs in with it again.
      this.close(LIVE_CLOSE.tryAgainLater, 'Could not check the token; try again later');
      return false;
    }
    if (caller?.personId === this.caller.personId) return !this.closed;
    this.close(LIVE_CLOSE.tokenNoLongerValid, 'Token expired or revoked');
    return false;
  }

  /** A GraphQL context for this connection's caller, with loaders of its own. */
  context(requestId: string): RequestContext {
    return {
      req: this.request as Request,
      res: null,
      requestId: `${this.id}:${requestId}`,
      caller: this.caller,
      loaders: new LoaderRegistry(),
    };
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.socket.close(code, reason);
  }

  /** The socket went away by itself. */
  markClosed(): void {
    this.closed = true;
  }
}
