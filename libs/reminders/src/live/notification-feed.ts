import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { Logger } from 'pino';
import { DataChanges, LiveFeed, type LiveStream, PINO_LOGGER, type Watch } from '@app/platform';
import type { NotificationModel } from '../notifications/notification.model';
import { NotificationsRepository } from '../notifications/notifications.repository';

/** Notifications waiting for one slow subscriber before its subscription is ended (LiveStream). */
const MAX_QUEUED = 1000;

/**
 * notificationAdded on this gateway. Whoever creates notifications (the worker's reminder
 * batches of up to 500 rows, the outbox drain, a registration) commits, PostgreSQL announces
 * `data_changed 'notification'` once per transaction, and each gateway re-reads what is new for
 * the people subscribed to it, from a cursor per person (LiveFeed). So every replica delivers
 * every notification, and a burst of 100,000 reminders costs a gateway one statement per notice,
 * only while somebody is subscribed, and nothing for the rows of anybody else.
 */
@Injectable()
export class NotificationFeed implements OnModuleDestroy {
  /** By person; the state is the person's cursor (a pg_snapshot as text). */
  private readonly feed: LiveFeed<NotificationModel, string>;

  constructor(
    private readonly notifications: NotificationsRepository,
    changes: DataChanges,
    @Inject(PINO_LOGGER) logger: Logger,
  ) {
    this.feed = new LiveFeed<NotificationModel, string>(
      {
        name: 'notifications',
        tables: ['notification'],
        initialState: () => this.notifications.snapshotNow(),
        refresh: (watched) => this.deliverNew(watched),
        stream: { maxQueued: MAX_QUEUED },
      },
      changes,
      logger,
    );
  }

  /** The person's notifications created from now on. */
  watch(personId: string): Promise<LiveStream<NotificationModel>> {
    return this.feed.watch(personId);
  }

  onModuleDestroy(): void {
    this.feed.close();
  }

  private async deliverNew(watched: [string, Watch<NotificationModel, string>][]): Promise<void> {
    const { snapshot, rows } = await this.notifications.createdSince(
      watched.map(([personId, watch]) => ({ personId, since: watch.state })),
    );
    for (const { personId, ...notification } of rows) this.feed.push(personId, notification);
    // Only the watches this read covered move on (one started meanwhile has its own cursor).
    for (const [personId, watch] of watched) if (this.feed.isCurrent(personId, watch)) watch.state = snapshot;
  }
}
