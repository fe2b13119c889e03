/**
 * Puts `key` last in a Map (Maps iterate in insertion order) and drops the first entries beyond
 * `max`: with reads also moved last, the least recently used go first.
 */
export function setBounded<K, V>(map: Map<K, V>, key: K, value: V, max: number): void {
  map.delete(key);
  map.set(key, value);
  for (const oldest of map.keys()) {
    if (map.size <= max) break;
    map.delete(oldest);
  }
}
