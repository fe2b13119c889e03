import pg from 'pg';
import type { Logger } from 'pino';
import { DATA_CHANGED_CHANNEL } from '../database/migrations/1790000009200-data-changed-notify';

export interface ChangeListener {
  /** A committed transaction changed `table` (one notice per table and transaction). */
  changed(table: string): void;
  /** Whether changes are heard; while false, nothing may be trusted to be current. */
  setLive(live: boolean): void;
}

/**
 * One dedicated PostgreSQL connection that LISTENs on data_changed (sent by the triggers of
 * migration DataChangedNotify). When the connection fails the listener is told at once
 * (setLive(false)) and the feed reconnects with a growing pause (0.5 s up to 10 s).
 */
export class DataChangeFeed {
  private client: pg.Client | null = null;
  private stopped = false;
  private retryMs = 500;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly connectionString: string,
    private readonly listener: ChangeListener,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.stopped = false;
    void this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.listener.setLive(false);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString, application_name: 'wgcollab-changes' });
    this.client = client;
    let lost = false;
    const onLost = (error?: Error) => {
      if (lost) return;
      lost = true;
      this.listener.setLive(false);
      if (this.client === client) this.client = null;
      void client.end().catch(() => undefined);
      if (this.stopped) return;
      this.logger.warn({ err: error?.message }, `change feed lost; response cache off, retrying in ${this.retryMs} ms`);
      this.timer = setTimeout(() => void this.connect(), this.retryMs);
      this.timer.unref();
      this.retryMs = Math.min(this.retryMs * 2, 10_000);
    };
    client.on('error', onLost);
    client.on('end', () => onLost());
    client.on('notification', (notice) => this.listener.changed(notice.payload ?? ''));
    try {
      await client.connect();
      await client.query(`LISTEN ${DATA_CHANGED_CHANNEL}`);
    } catch (error) {
      onLost(error as Error);
      return;
    }
    if (this.stopped || lost) return;
    this.retryMs = 500;
    this.listener.setLive(true);
  }
}
