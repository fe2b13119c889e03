import { setBounded } from './bounded-map';

/**
 * Values computed from PostgreSQL, kept in memory until the data behind them changes
 * (issue 7: the gateway's response cache and the access policy's roles).
 *
 * Correctness rests on the epoch: every committed change of the tables a cache depends on, from
 * any process, arrives as a PostgreSQL notice (DataChanges) and bumps it, which forgets every
 * value at once. A value is stored only if no change arrived while it was computed, so a request
 * that read old rows can never store them after the change. While changes are not heard (the
 * feed not started yet, or its connection lost) nothing is served or stored. The TTL bounds
 * what no write announces: values that move with the clock (overdue counts, a ballot passing its
 * closing time).
 */
export class ChangeAwareCache<V> {
  private epoch = 0;
  private live = false;
  /** Every entry belongs to the current epoch: a change empties the map. */
  private readonly entries = new Map<string, { value: V; expiresAt: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
  ) {}

  get enabled(): boolean {
    return this.ttlMs > 0 && this.live;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The epoch an answer is computed in; pass it to set(). */
  begin(): number {
    return this.epoch;
  }

  get(key: string): V | undefined {
    if (!this.enabled) return undefined;
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    setBounded(this.entries, key, entry, this.maxEntries); // now the most recently used
    return entry.value;
  }

  set(key: string, value: V, startedIn: number): void {
    if (!this.enabled || startedIn !== this.epoch) return;
    setBounded(this.entries, key, { value, expiresAt: this.now() + this.ttlMs }, this.maxEntries);
  }

  /** Data changed: forget everything, and refuse answers computed before now. */
  invalidate(): void {
    this.epoch++;
    this.entries.clear();
  }

  /** Whether changes are being heard; either way the cache starts empty. */
  setLive(live: boolean): void {
    this.live = live;
    this.invalidate();
  }
}
