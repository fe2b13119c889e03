import DataLoader from 'dataloader';

/**
 * A fresh set of DataLoaders per request (created with the GraphQL context), so batching
 * and caching never leak between callers. Domain modules ask for a loader by a unique
 * name and give its batch function; the first call in a request creates it.
 */
export class LoaderRegistry {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();
  /**
   * The request asked for a fresh answer (`Cache-Control: no-cache`): reads remembered across
   * requests (SharedReads) are computed again for it too, not only its answer.
   */
  fresh = false;

  get<K extends string | number, V>(name: string, batch: (keys: readonly K[]) => Promise<(V | Error)[]>): DataLoader<K, V> {
    let loader = this.loaders.get(name);
    if (!loader) {
      loader = new DataLoader<K, V>(batch, { maxBatchSize: 1000 }) as DataLoader<unknown, unknown>;
      this.loaders.set(name, loader);
    }
    return loader as DataLoader<K, V>;
  }
}

/** Orders batch results to match the keys; missing keys yield `fallback`. */
export function byKeys<K, V, F = null>(keys: readonly K[], rows: V[], keyOf: (row: V) => K, fallback: F = null as F): (V | F)[] {
  const map = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => map.get(key) ?? fallback);
}

/** Groups batch results per key, for one-to-many loaders. */
export function groupedByKeys<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const map = new Map<K, V[]>(keys.map((key) => [key, []]));
  for (const row of rows) map.get(keyOf(row))?.push(row);
  return keys.map((key) => map.get(key) ?? []);
}
