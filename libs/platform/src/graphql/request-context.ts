import type { Request, Response } from 'express';
import { LoaderRegistry } from './loader-registry';

/** Who is calling: resolved from the bearer token by the identity library. */
export interface Caller {
  personId: string;
}

/** Resolves the caller of an HTTP request; provided by libs/identity. */
export abstract class Authenticator {
  abstract authenticate(req: Request): Promise<Caller | null>;

  /**
   * The caller of an `Authorization` value that came without an HTTP request (the
   * connection_init of a WebSocket, checked again on every event and periodically): the very
   * checks of authenticate(), so expiry and revocation apply to both alike.
   */
  authenticateAuthorization(authorization: string): Promise<Caller | null> {
    return this.authenticate({ headers: { authorization } } as Request);
  }
}

/** The GraphQL context of one request, or of one event of a subscription. */
export interface RequestContext {
  /** Over WebSocket: the connection's upgrade request. */
  req: Request;
  /** null over WebSocket (nothing to set headers on). */
  res: Response | null;
  requestId: string;
  caller: Caller | null;
  loaders: LoaderRegistry;
}

export async function createRequestContext(
  req: Request,
  res: Response,
  authenticator: Authenticator | null,
): Promise<RequestContext> {
  return {
    req,
    res,
    requestId: String((req as { id?: unknown }).id ?? ''),
    caller: authenticator ? await authenticator.authenticate(req) : null,
    loaders: new LoaderRegistry(),
  };
}
