import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { DataChanges, LiveFeed, type LiveStream, PINO_LOGGER, type Watch } from '@app/platform';
import { NOTIFICATION_COLUMNS, type NotificationModel } from '../notifications/notification.model';

/** Notifications waiting for one slow subscriber before its subscription is ended (LiveStream). */
const MAX_QUEUED = 1000;

type NewRow = NotificationModel & { snapshot: string; personId: string | null };

/**
 * Rows of the watched people created by transactions that committed after each one's cursor (a
 * pg_snapshot, as text), read in one statement with the snapshot they were read in (the next
 * cursor). A snapshot sees a transaction only once it has committed, so a row is found exactly
 * once, whichever process inserted it and however late its transaction commits. The LATERAL join
 * walks notification_person_created_tx_idx once per watched person, never other people's rows.
 */
const NEW_ROWS_SQL = `
  SELECT s.snapshot, n.*
    FROM (SELECT pg_current_snapshot()::text AS snapshot) s
    LEFT JOIN LATERAL (
      SELECT c.person_id AS "personId", ${NOTIFICATION_COLUMNS}
        FROM unnest($1::uuid[], $2::pg_snapshot[]) AS c (person_id, since)
        JOIN notification ON notification.person_id = c.person_id
         AND notification.created_tx >= pg_snapshot_xmin(c.since)
         AND NOT pg_visible_in_snapshot(notification.created_tx, c.since)
    ) n ON true
   ORDER BY n."createdAt", n.id`;

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
    private readonly dataSource: DataSource,
    changes: DataChanges,
    @Inject(PINO_LOGGER) logger: Logger,
  ) {
    this.feed = new LiveFeed<NotificationModel, string>(
      {
        name: 'notifications',
        tables: ['notification'],
        initialState: () => this.snapshotNow(),
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

  private async snapshotNow(): Promise<string> {
    const [row] = (await this.dataSource.query(`SELECT pg_current_snapshot()::text AS snapshot`)) as { snapshot: string }[];
    return row.snapshot;
  }

  private async deliverNew(watched: [string, Watch<NotificationModel, string>][]): Promise<void> {
    const rows = (await this.dataSource.query(NEW_ROWS_SQL, [
      watched.map(([personId]) => personId),
      watched.map(([, watch]) => watch.state),
    ])) as NewRow[];
    for (const { snapshot: _snapshot, personId, ...notification } of rows) {
      if (personId) this.feed.push(personId, notification);
    }
    // Only the watches this read covered move on (one started meanwhile has its own cursor).
    for (const [personId, watch] of watched) if (this.feed.isCurrent(personId, watch)) watch.state = rows[0].snapshot;
  }
}
