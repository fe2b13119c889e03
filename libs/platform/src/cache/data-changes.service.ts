import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { Logger } from 'pino';
import { AppConfig } from '../config/app-config';
import { PINO_LOGGER } from '../logging/logging.module';
import { type ChangeListener, DataChangeFeed } from './data-change-feed';

/**
 * The process's one subscription to PostgreSQL's data_changed notices, shared by its caches.
 * The listening connection is opened by the first subscriber, so processes without caches
 * (workers, CLI) never open it. A subscriber hears every table; it decides which matter.
 */
@Injectable()
export class DataChanges implements OnModuleDestroy {
  private readonly listeners = new Set<ChangeListener>();
  private feed: DataChangeFeed | null = null;
  private live = false;

  constructor(
    private readonly config: AppConfig,
    @Inject(PINO_LOGGER) private readonly logger: Logger,
  ) {}

  /** Starts hearing changes (told at once whether they are heard); returns the unsubscribe. */
  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    listener.setLive(this.live);
    this.feed ??= this.startFeed();
    return () => this.listeners.delete(listener);
  }

  async onModuleDestroy(): Promise<void> {
    const feed = this.feed;
    this.feed = null;
    await feed?.stop();
  }

  private startFeed(): DataChangeFeed {
    const feed = new DataChangeFeed(
      this.config.DATABASE_URL,
      {
        changed: (table) => this.listeners.forEach((l) => l.changed(table)),
        setLive: (live) => {
          this.live = live;
          this.listeners.forEach((l) => l.setLive(live));
        },
      },
      this.logger,
    );
    feed.start();
    return feed;
  }
}
