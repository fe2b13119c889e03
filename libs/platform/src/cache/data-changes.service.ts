import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import pg from 'pg';
import type { Logger } from 'pino';
import { AppConfig } from '../config/app-config';
import { DATA_CHANGED_CHANNEL } from '../database/migrations/1790000009200-data-changed-notify';
import { listen } from '../database/sql';
import { PINO_LOGGER } from '../logging/logging.module';

export interface ChangeListener {
  /** A committed transaction changed `table` (one notice per table and transaction). */
  changed(table: string): void;
  /** Whether changes are heard; while false, nothing may be trusted to be current. */
  setLive(live: boolean): void;
}

/**
 * The process's one subscription to PostgreSQL's data_changed notices (sent by the triggers of
 * migration DataChangedNotify), shared by its caches: one dedicated connection that LISTENs,
 * opened by the first subscriber, so processes without caches (workers, CLI) never open it.
 * A subscriber hears every table and decides which matter. When the connection fails the
 * subscribers are told at once (setLive(false)) and it reconnects with a growing pause (0.5 s
 * up to 10 s); once it listens again they are told setLive(true).
 */
@Injectable()
export class DataChanges implements OnModuleDestroy {
  private readonly listeners = new Set<ChangeListener>();
  private live = false;
  private started = false;
  private stopped = false;
  private client: pg.Client | null = null;
  private retryMs = 500;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly config: AppConfig,
    @Inject(PINO_LOGGER) private readonly logger: Logger,
  ) {}

  /** Starts hearing changes (told at once whether they are heard); returns the unsubscribe. */
  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    listener.setLive(this.live);
    if (!this.started) {
      this.started = true;
      void this.connect();
    }
    return () => this.listeners.delete(listener);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.setLive(false);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private setLive(live: boolean): void {
    this.live = live;
    this.listeners.forEach((l) => l.setLive(live));
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.config.DATABASE_URL, application_name: 'wgcollab-changes' });
    this.client = client;
    let lost = false;
    const onLost = (error?: Error) => {
      if (lost) return;
      lost = true;
      this.setLive(false);
      if (this.client === client) this.client = null;
      void client.end().catch(() => undefined);
      if (this.stopped) return;
      this.logger.warn({ err: error?.message }, `change notices lost; caches off, reconnecting in ${this.retryMs} ms`);
      this.timer = setTimeout(() => void this.connect(), this.retryMs);
      this.timer.unref();
      this.retryMs = Math.min(this.retryMs * 2, 10_000);
    };
    client.on('error', onLost);
    client.on('end', () => onLost());
    client.on('notification', (notice) => this.listeners.forEach((l) => l.changed(notice.payload ?? '')));
    try {
      await client.connect();
      await listen(client, DATA_CHANGED_CHANNEL);
    } catch (error) {
      onLost(error as Error);
      return;
    }
    if (this.stopped || lost) return;
    this.retryMs = 500;
    this.setLive(true);
  }
}
