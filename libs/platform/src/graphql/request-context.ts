import type { Request, Response } from 'express';
import { LoaderRegistry } from './loader-registry';

/** Who is calling: resolved from the bearer token by the identity library. */
export interface Caller {
  personId: string;
}

/** Resolves the caller of an HTTP request; provided by libs/identity. */
export abstract class Authenticator {
  abstract authenticate(req: Request): Promise<Caller | null>;
}

/** The GraphQL context of one request. */
export interface RequestContext {
  req: Request;
  res: Response;
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
