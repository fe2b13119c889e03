import { InvalidInputError } from '../errors/domain-error';
import type { ConnectionShape } from './connection';

/** The largest page a client may ask for; larger `first` values are capped to it. */
export const MAX_PAGE_SIZE = 200;

/** A validated page request: at most `limit` rows strictly after the `after` key. */
export interface PageRequest {
  limit: number;
  after: unknown[] | null;
}

/** Cursors are opaque to clients: base64url of a JSON array of sort-key values. */
export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string): unknown[] {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length > 0 && key.length <= 4) return key;
  } catch {
    // fall through to the uniform error below
  }
  throw InvalidInputError.field('after', 'is not a cursor returned by this API');
}

export function pageRequest(first: number | null | undefined, after: string | null | undefined, defaultSize = 50): PageRequest {
  const size = first ?? defaultSize;
  if (!Number.isInteger(size) || size < 0) throw InvalidInputError.field('first', 'must be a whole number >= 0');
  return { limit: Math.min(size, MAX_PAGE_SIZE), after: after ? decodeCursor(after) : null };
}

/**
 * Builds a connection from rows fetched with `LIMIT limit + 1` in sort order: the extra row
 * only tells whether there is a next page.
 */
export function toConnection<T>(
  rows: T[],
  page: PageRequest,
  keyOf: (row: T) => unknown[],
  totalCount: number,
): ConnectionShape<T> {
  const nodes = rows.slice(0, page.limit);
  const edges = nodes.map((node) => ({ node, cursor: encodeCursor(keyOf(node)) }));
  return {
    edges,
    totalCount,
    pageInfo: { hasNextPage: rows.length > page.limit, endCursor: edges.at(-1)?.cursor ?? null },
  };
}
