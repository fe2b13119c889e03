import type { Logger } from 'pino';
import type { DataChanges } from '../../cache/data-changes.service';
import { CoalescingRunner } from './coalescing-runner';
import { LiveStream, type LiveStreamOptions } from './live-stream';

/** What a feed keeps for one watched key, and the subscriptions to it. */
export interface Watch<T, S> {
  state: S;
  readonly streams: Set<LiveStream<T>>;
}

export interface LiveFeedSource<T, S> {
  /** For the logs. */
  name: string;
  /** The tables whose committed changes may change what the feed delivers. */
  tables: string[];
  /** The state a new watch starts from (a cursor, a version): one statement, read when the first subscriber comes. */
  initialState(key: string): Promise<S>;
  /**
   * Reads what changed since their states for all `watched` keys, at once, pushes it, and moves
   * the states on (only of watches still current: see LiveFeed.isCurrent).
   */
  refresh(watched: [string, Watch<T, S>][]): Promise<void>;
  stream: Omit<LiveStreamOptions, 'onEnd'>;
}

/**
 * The subscriptions of one kind of live event on this gateway, by key (a person, a ballot), fed
 * from the data_changed notices every gateway already hears (DataChanges: PostgreSQL sends them
 * only when a transaction commits, whoever wrote). A notice for one of the source's tables asks
 * for a refresh: one read for all watched keys, run one at a time (CoalescingRunner), so a burst
 * of notices costs two reads, and nothing at all while nobody is subscribed. When the listening
 * connection comes back after an outage, a refresh catches up with what was missed, because
 * reads start from each key's state rather than from the notices.
 *
 * A key is watched while at least one subscription to it runs: its state is read once when the
 * first one arrives, shared by those that follow, and dropped with the last.
 */
export class LiveFeed<T, S> {
  private readonly watches = new Map<string, Watch<T, S>>();
  private readonly starting = new Map<string, Promise<Watch<T, S>>>();
  private readonly refreshes: CoalescingRunner;
  private readonly stopListening: () => void;

  constructor(
    private readonly source: LiveFeedSource<T, S>,
    changes: DataChanges,
    logger: Logger,
  ) {
    const tables = new Set(source.tables);
    this.refreshes = new CoalescingRunner(
      async () => {
        const watched = [...this.watches.entries()];
        if (watched.length) await source.refresh(watched);
      },
      (error) => logger.warn({ err: error, feed: source.name }, 'live feed: refresh failed; retrying'),
    );
    this.stopListening = changes.subscribe({
      changed: (table) => {
        if (tables.has(table) && this.watches.size) void this.refreshes.request();
      },
      setLive: (live) => {
        if (live && this.watches.size) void this.refreshes.request();
      },
    });
  }

  /** A new subscription to `key`: a stream of what the feed pushes from now on. */
  async watch(key: string): Promise<LiveStream<T>> {
    const watch = await this.watchOf(key);
    const stream: LiveStream<T> = new LiveStream<T>({
      ...this.source.stream,
      onEnd: () => {
        watch.streams.delete(stream);
        if (!watch.streams.size && this.watches.get(key) === watch) this.watches.delete(key);
      },
    });
    watch.streams.add(stream);
    return stream;
  }

  /** Whether `watch` is still the key's: not dropped, nor replaced by one started after a refresh began. */
  isCurrent(key: string, watch: Watch<T, S>): boolean {
    return this.watches.get(key) === watch;
  }

  push(key: string, value: T): void {
    this.watches.get(key)?.streams.forEach((stream) => stream.push(value));
  }

  /** Stops hearing changes and ends every subscription (gateway shutdown). */
  close(): void {
    this.stopListening();
    this.refreshes.stop();
    for (const watch of [...this.watches.values()]) watch.streams.forEach((stream) => void stream.return());
  }

  private watchOf(key: string): Promise<Watch<T, S>> {
    const known = this.watches.get(key);
    if (known) return Promise.resolve(known);
    let pending = this.starting.get(key);
    if (!pending) {
      pending = this.source
        .initialState(key)
        .then((state) => {
          const watch = this.watches.get(key) ?? { state, streams: new Set<LiveStream<T>>() };
          this.watches.set(key, watch);
          return watch;
        })
        .finally(() => this.starting.delete(key));
      this.starting.set(key, pending);
    }
    return pending;
  }
}
