import { ChangeAwareCache } from './change-aware-cache';
import type { DataChanges } from './data-changes.service';

/**
 * Reads that are the same for everybody allowed to make them (an initiative's progress, whoever
 * of its members asks), computed once and reused by every request until the data changes.
 *
 * The caller authorises first: what is kept here is never filtered by who asks. Correctness is
 * the ChangeAwareCache's: every committed change from any process empties it, a value computed
 * across a change is not kept, and nothing is kept while changes are not heard. The TTL bounds
 * what the clock changes (an item turning overdue). Requests that arrive while a value is being
 * computed wait for that computation instead of starting their own.
 */
export class SharedReads {
  private readonly cache: ChangeAwareCache<unknown>;
  private readonly inFlight = new Map<string, { epoch: number; value: Promise<unknown> }>();

  constructor(ttlMs: number, maxEntries: number, changes: DataChanges) {
    this.cache = new ChangeAwareCache<unknown>(ttlMs, maxEntries);
    changes.subscribe({ changed: () => this.cache.invalidate(), setLive: (live) => this.cache.setLive(live) });
  }

  /** The value of `key`, remembered or computed; `fresh` computes it again (and keeps the new value). */
  async get<T>(key: string, compute: () => Promise<T>, fresh = false): Promise<T> {
    if (!this.cache.enabled) return compute();
    const kept = fresh ? undefined : this.cache.get(key);
    if (kept !== undefined) return kept as T;
    const startedIn = this.cache.begin();
    const flight = this.inFlight.get(key);
    if (!fresh && flight?.epoch === startedIn) {
      const shared = (await flight.value) as T;
      // A change committed while it was computed: it may predate the change; compute afresh.
      return this.cache.begin() === startedIn ? shared : compute();
    }
    const value = compute();
    this.inFlight.set(key, { epoch: startedIn, value });
    try {
      const computed = await value;
      this.cache.set(key, computed, startedIn);
      return computed;
    } finally {
      if (this.inFlight.get(key)?.value === value) this.inFlight.delete(key);
    }
  }
}
