import { existsSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import type { NextFunction, Request, Response } from 'express';

/** Paths the gateway itself answers: never shadowed by the client's files or its index.html. */
const SERVER_PATHS = ['/graphql', '/health', '/admin', '/calendar', '/ide'];

/** Vite names every built asset `<name>-<hash>.<ext>`: a changed file gets a new URL, so it may be cached for good. */
const HASHED_ASSETS = 'public, max-age=31536000, immutable';
/** index.html names the current assets: the browser must ask again each time (it gets a 304 when unchanged). */
const ALWAYS_REVALIDATE = 'no-cache';

/** Files the gateway renders under a client route: the disposition of comments of a document. */
const SERVER_FILES = /^\/terms\/[^/]+\/disposition\.(md|csv)$/;

const isServerPath = (path: string) =>
  SERVER_PATHS.some((prefix) => path === prefix || path.startsWith(`${prefix}/`)) || SERVER_FILES.test(path);

/**
 * Serves the built web client: `/assets/*` with a year-long immutable cache, other files of the
 * folder as they are, and `index.html` for every other GET that a browser navigates to (the
 * client's routes, e.g. `/ballots/<id>`). Returns null when the folder has no index.html (the
 * client is not built), so the gateway then serves the API only.
 */
export function webClientMiddleware(dir: string) {
  const root = resolve(dir);
  if (!existsSync(join(root, 'index.html'))) return null;
  return (req: Request, res: Response, next: NextFunction): void => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isServerPath(req.path)) return next();
    const notFound = () => res.status(404).type('text/plain').send('Not found');
    if (req.path.startsWith('/assets/')) {
      // dotfiles and `..` are refused by send's root option; a missing asset is a 404, never index.html.
      res.sendFile(req.path, { root, dotfiles: 'deny', headers: { 'Cache-Control': HASHED_ASSETS } }, (err) => {
        if (err && !res.headersSent) notFound();
      });
      return;
    }
    if (extname(req.path) && req.path !== '/index.html') {
      res.sendFile(req.path, { root, dotfiles: 'deny', headers: { 'Cache-Control': ALWAYS_REVALIDATE } }, (err) => {
        if (err && !res.headersSent) notFound();
      });
      return;
    }
    sendIndex(root, res, next);
  };
}

/** The client's page for any client route; `no-cache` so a new deployment is picked up at once. */
export function sendIndex(root: string, res: Response, next: NextFunction, file = 'index.html'): void {
  res.sendFile(file, { root, headers: { 'Cache-Control': ALWAYS_REVALIDATE } }, (err) => {
    if (err && !res.headersSent) next(err);
  });
}
