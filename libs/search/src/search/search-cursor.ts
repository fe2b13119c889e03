import { InvalidInputError, isUuid } from '@app/platform';
import { SearchHitKind } from './search-hit.model';

/** A hit's place in the order: its rank as PostgreSQL printed it, its kind and entry id. */
export type SearchKey = [string, string, string];

const KINDS = new Set<string>(Object.values(SearchHitKind));
const RANK = /^\d+(\.\d+)?(e[-+]?\d+)?$/i;

/** The decoded `after` key, checked so that nothing a client invents reaches SQL as anything but a value. */
export function searchKey(key: unknown[] | null): SearchKey | null {
  if (key === null) return null;
  const [rank, kind, id] = key;
  if (
    key.length !== 3 ||
    typeof rank !== 'string' ||
    !RANK.test(rank) ||
    typeof kind !== 'string' ||
    !KINDS.has(kind) ||
    typeof id !== 'string' ||
    !isUuid(id)
  ) {
    throw InvalidInputError.field('after', 'is not a cursor returned by this API');
  }
  return [rank, kind, id];
}
