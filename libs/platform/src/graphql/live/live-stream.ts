import { DomainError } from '../errors/domain-error';

export interface LiveStreamOptions {
  /**
   * Most events waiting for one subscriber. A client that stops reading (its socket's buffers
   * full) must not make the gateway hold an unbounded queue: beyond this the subscription ends
   * with FORBIDDEN (reason TOO_MANY_UNDELIVERED) and the client reloads and subscribes again.
   */
  maxQueued: number;
  /**
   * The events carry no data (the subscriber re-reads the current state for each): one
   * waiting event stands for any number, so a burst of votes on a ballot costs one re-read.
   */
  coalesce?: boolean;
  /** Called once when the stream ends, whoever ends it (the subscriber, the feed, an overflow). */
  onEnd?: () => void;
}

/**
 * The events of one subscription, pushed by a feed and pulled by the WebSocket server: an async
 * iterator whose return() takes effect at once, even while the subscriber waits for the next
 * event (an async generator would only see it after that event), so closing a subscription
 * always unregisters it from its feed.
 */
export class LiveStream<T> implements AsyncIterableIterator<T> {
  private readonly queue: T[] = [];
  private waiter: { resolve: (r: IteratorResult<T>) => void; reject: (e: Error) => void } | null = null;
  private failure: Error | null = null;
  private ended = false;

  constructor(private readonly options: LiveStreamOptions) {}

  get isEnded(): boolean {
    return this.ended;
  }

  push(value: T): void {
    if (this.ended || this.failure) return;
    if (this.waiter) {
      const { resolve } = this.waiter;
      this.waiter = null;
      resolve({ value, done: false });
      return;
    }
    if (this.options.coalesce && this.queue.length) return;
    if (this.queue.length >= this.options.maxQueued) {
      this.fail(
        new DomainError('FORBIDDEN', 'Too many events waiting for this subscription: reload, then subscribe again', {
          reason: 'TOO_MANY_UNDELIVERED',
        }),
      );
      return;
    }
    this.queue.push(value);
  }

  /** Ends the stream with an error, delivered to the subscriber before anything still queued. */
  fail(error: Error): void {
    if (this.ended || this.failure) return;
    this.queue.length = 0;
    if (this.waiter) {
      const { reject } = this.waiter;
      this.waiter = null;
      this.finish();
      reject(error);
      return;
    }
    this.failure = error;
  }

  next(): Promise<IteratorResult<T>> {
    if (this.failure) {
      const error = this.failure;
      this.failure = null;
      this.finish();
      return Promise.reject(error);
    }
    if (this.queue.length) return Promise.resolve({ value: this.queue.shift() as T, done: false });
    if (this.ended) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => (this.waiter = { resolve, reject }));
  }

  return(): Promise<IteratorResult<T>> {
    this.queue.length = 0;
    this.failure = null;
    this.finish();
    if (this.waiter) {
      const { resolve } = this.waiter;
      this.waiter = null;
      resolve({ value: undefined, done: true });
    }
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error?: unknown): Promise<IteratorResult<T>> {
    void this.return();
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private finish(): void {
    if (this.ended) return;
    this.ended = true;
    this.options.onEnd?.();
  }
}
