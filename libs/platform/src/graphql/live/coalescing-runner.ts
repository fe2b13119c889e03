/**
 * Runs a task one at a time however often it is asked for: asked while it runs, it runs once
 * more afterwards (covering every request made meanwhile), never twice at once. Feeds use it to
 * re-read "what changed for my subscribers" on change notices: a burst of a hundred notices
 * costs two reads, not a hundred. A failed run (database away) is retried after `retryMs`.
 */
export class CoalescingRunner {
  private running: Promise<void> | null = null;
  private again = false;
  private retry: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly task: () => Promise<void>,
    private readonly onError: (error: unknown) => void,
    private readonly retryMs = 1000,
  ) {}

  /** Asks for a run; resolves when a run that started after this call has finished. */
  request(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      // The loop runs the task once more before this promise settles.
      this.again = true;
      return this.running;
    }
    this.running = this.loop();
    return this.running;
  }

  stop(): void {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
  }

  private async loop(): Promise<void> {
    try {
      do {
        this.again = false;
        try {
          await this.task();
        } catch (error) {
          this.onError(error);
          this.scheduleRetry();
          return;
        }
      } while (this.again && !this.stopped);
    } finally {
      this.running = null;
    }
  }

  private scheduleRetry(): void {
    if (this.retry || this.stopped) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.request();
    }, this.retryMs);
    this.retry.unref();
  }
}
