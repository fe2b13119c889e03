export interface CacheLimits {
  /** Most bytes kept, as the sizes given to set(); an entry over a sixteenth of it is never kept. */
  maxBytes?: number;
  now?: () => number;
}

interface Entry<V> {
  value: V;
  expiresAt: number;
  bytes: number;
}

/**
 * Values computed from PostgreSQL, kept in memory until the data behind them changes
 * (the gateway's response cache and the access policy's roles).
 *
 * Correctness rests on the epoch: every committed change of the tables a cache depends on, from
 * any process, arrives as a PostgreSQL notice (DataChanges) and bumps it, which forgets every
 * value at once. A value is stored only if no change arrived while it was computed, so a request
 * that read old rows can never store them after the change. While changes are not heard (the
 * feed not started yet, or its connection lost) nothing is served or stored. The TTL bounds
 * what no write announces: values that move with the clock (overdue counts, a ballot passing its
 * closing time).
 *
 * Memory is bounded by the number of entries and, when the caller gives sizes, by their bytes:
 * the least recently used go first (a Map iterates in insertion order, and a read moves its entry
 * last). Expired entries are swept once per TTL, at the next store.
 */
export class ChangeAwareCache<V> {
  private epoch = 0;
  private live = false;
  private bytes = 0;
  private sweptAt: number;
  /** Every entry belongs to the current epoch: a change empties the map. */
  private readonly entries = new Map<string, Entry<V>>();
  private readonly maxBytes: number;
  private readonly now: () => number;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    limits: CacheLimits = {},
  ) {
    this.maxBytes = limits.maxBytes ?? Infinity;
    this.now = limits.now ?? Date.now;
    this.sweptAt = this.now();
  }

  get enabled(): boolean {
    return this.ttlMs > 0 && this.live;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Bytes of the entries kept (the sizes given to set()). */
  get byteSize(): number {
    return this.bytes;
  }

  /** The epoch an answer is computed in; pass it to set(). */
  begin(): number {
    return this.epoch;
  }

  get(key: string): V | undefined {
    if (!this.enabled) return undefined;
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.expiresAt <= this.now()) {
      this.bytes -= entry.bytes;
      return undefined;
    }
    this.entries.set(key, entry); // now the most recently used
    return entry.value;
  }

  /** Keeps a value computed in epoch `startedIn`; `bytes` is its size (and its key's) for the byte bound. */
  set(key: string, value: V, startedIn: number, bytes = 0): void {
    if (!this.enabled || startedIn !== this.epoch || bytes > this.maxBytes / 16) return;
    const now = this.now();
    if (now - this.sweptAt >= this.ttlMs) this.sweep(now);
    this.remove(key);
    this.entries.set(key, { value, expiresAt: now + this.ttlMs, bytes });
    this.bytes += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry.bytes;
    }
  }

  /** Data changed: forget everything, and refuse answers computed before now. */
  invalidate(): void {
    this.epoch++;
    this.entries.clear();
    this.bytes = 0;
  }

  /** Whether changes are being heard; either way the cache starts empty. */
  setLive(live: boolean): void {
    this.live = live;
    this.invalidate();
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }

  private sweep(now: number): void {
    this.sweptAt = now;
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.remove(key);
  }
}
