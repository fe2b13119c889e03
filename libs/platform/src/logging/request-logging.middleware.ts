import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { SqlStatementCounter } from '../database/sql-statement-counter';

const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

export interface LoggedRequest extends Request {
  id?: string;
  /** Set by the GraphQL logging plugin once the operation is known. */
  operationName?: string;
}

const requestIds = new AsyncLocalStorage<string>();

/** The id of the HTTP request being served (e.g. for log lines written deep inside it); undefined outside one. */
export const currentRequestId = (): string | undefined => requestIds.getStore();

/**
 * Gives every request an id (the caller's X-Request-Id when sane, else a new UUID), echoes
 * it in the response, counts its SQL statements, and writes one log line when it finishes:
 * id, method, path, GraphQL operation name, status, duration and SQL statement count.
 * `loggedPath` removes secrets that some paths carry (a calendar feed's key) before logging.
 */
export function requestLogging(logger: Logger, loggedPath: (path: string) => string = (path) => path) {
  return (req: LoggedRequest, res: Response, next: NextFunction) => {
    const header = req.header('x-request-id');
    req.id = header && SANE_REQUEST_ID.test(header) ? header : randomUUID();
    res.setHeader('X-Request-Id', req.id);
    const started = process.hrtime.bigint();
    const { tally } = SqlStatementCounter.instance.scope(() => requestIds.run(req.id as string, () => next()));
    res.on('finish', () => {
      logger.info(
        {
          reqId: req.id,
          method: req.method,
          path: loggedPath(req.path),
          operationName: req.operationName,
          status: res.statusCode,
          durationMs: Number(process.hrtime.bigint() - started) / 1e6,
          sqlStatements: tally.count,
        },
        'request',
      );
    });
  };
}
