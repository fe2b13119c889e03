import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { one, type Queryable, rows, updated } from '@app/platform';
import type { InvitationEventDetails } from '../calendar/invitation-ical';
import type { EmailItem, NotificationDetails } from '../delivery/notification-text';
import type { NewNotification } from '../planning/firing';
import type { NotificationKind } from '../planning/reminder-plan';
import type { NotificationModel } from './notification.model';

/** The columns of a NotificationModel; cursorAt is the exact creation instant (microseconds) for pages. */
const NOTIFICATION_COLUMNS = `id, kind, subject_id AS "subjectId", title, body, due_at AS "dueAt", created_at AS "createdAt",
  emailed_at AS "emailedAt", read_at AS "readAt",
  to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "cursorAt"`;

/**
 * Rows of the watched people created by transactions that committed after each one's cursor (a
 * pg_snapshot, as text), read in one statement with the snapshot they were read in (the next
 * cursor). A snapshot sees a transaction only once it has committed, so a row is found exactly
 * once, whichever process inserted it and however late its transaction commits. The LATERAL join
 * walks notification_person_created_tx_idx once per watched person, never other people's rows.
 */
const CREATED_SINCE_SQL = `
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

/** A notification claimed for e-mail, with its recipient. */
export interface ClaimedNotification {
  id: string;
  kind: NotificationKind;
  details: NotificationDetails;
  personId: string;
}

/** An INVITATION notification: recorded as already e-mailed (identity sends the invitation itself). */
export interface InvitationNotification {
  personId: string;
  initiativeId: string;
  title: string;
  body: string;
  details: { initiativeName: string };
  /** When the invitation was issued: the notification's creation and e-mail time. */
  at: Date;
}

/** A notification of an event (a discussion's), with the outbox event it comes from. */
export interface EventNotification {
  personId: string;
  kind: NotificationKind;
  subjectId: string;
  initiativeId: string;
  title: string;
  body: string;
  details: NotificationDetails;
  eventId: string;
}

/** A row of `notification` as inserted: a reminder's, or an event's (its outbox event id as `leadMs`). */
type NotificationRow = Omit<NewNotification, 'kind' | 'leadMs'> & { kind: NotificationKind; leadMs: number | string | null };

/** The notification `n`'s person wants IMMEDIATE e-mail (the default: no preferences row, or that mode). */
const IMMEDIATE_RECIPIENT = `NOT EXISTS (SELECT 1 FROM notification_preferences np
  WHERE np.person_id = n.person_id AND np.email_mode <> 'IMMEDIATE')`;

/**
 * notification: one row per (kind, subject, recipient, lead time, deadline) (the notification_once
 * constraint: inserting is the exactly-once step), read by its recipient, e-mailed at most once
 * in normal operation (a claim with a lease, then the mark).
 */
@Injectable()
export class NotificationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A page of the person's notifications, newest first; `after` is the cursor (creation instant, id) of the previous page's last. */
  page(
    personId: string,
    filter: { unreadOnly: boolean; limit: number; after: [string, string] | null },
    db: Queryable = this.dataSource,
  ): Promise<NotificationModel[]> {
    const unread = filter.unreadOnly ? 'AND read_at IS NULL' : '';
    const after = filter.after ? 'AND (created_at, id) < ($3::timestamptz, $4::uuid)' : '';
    return rows<NotificationModel>(
      db,
      `SELECT ${NOTIFICATION_COLUMNS} FROM notification WHERE person_id = $1 ${unread} ${after}
        ORDER BY created_at DESC, id DESC LIMIT $2`,
      [personId, filter.limit, ...(filter.after ?? [])],
    );
  }

  async count(personId: string, unreadOnly: boolean, db: Queryable = this.dataSource): Promise<number> {
    const unread = unreadOnly ? 'AND read_at IS NULL' : '';
    const row = await one<{ total: number }>(
      db,
      `SELECT count(*)::int AS total FROM notification WHERE person_id = $1 ${unread}`,
      [personId],
    );
    return row!.total;
  }

  /** Marks the person's own unread notifications among `ids` read; returns how many changed. */
  async markRead(personId: string, ids: string[], db: Queryable = this.dataSource): Promise<number> {
    return (
      await updated(
        db,
        `UPDATE notification SET read_at = now() WHERE person_id = $1 AND id = ANY($2::uuid[]) AND read_at IS NULL RETURNING id`,
        [personId, ids],
      )
    ).length;
  }

  /** Inserts reminder notifications (a duplicate of the unique key is skipped); returns the new rows. */
  insertReminders(notifications: NotificationRow[], m: Queryable): Promise<{ id: string; personId: string }[]> {
    return rows(
      m,
      `INSERT INTO notification (person_id, kind, subject_id, initiative_id, title, body, details, due_at, lead_ms)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::jsonb[],
                            $8::timestamptz[], $9::bigint[])
       ON CONFLICT ON CONSTRAINT notification_once DO NOTHING
       RETURNING id, person_id AS "personId"`,
      [
        notifications.map((n) => n.personId),
        notifications.map((n) => n.kind),
        notifications.map((n) => n.subjectId),
        notifications.map((n) => n.initiativeId),
        notifications.map((n) => n.title),
        notifications.map((n) => n.body),
        notifications.map((n) => JSON.stringify(n.details)),
        notifications.map((n) => n.dueAt?.toISOString() ?? null),
        notifications.map((n) => n.leadMs),
      ],
    );
  }

  /** The events of the latest invitation notice of each meeting (MEETING_ANNOUNCED or MEETING_UPDATED), by meeting id. */
  async lastInvitationEvents(meetingIds: string[], m: Queryable): Promise<Map<string, InvitationEventDetails[]>> {
    const found = await rows<{ subjectId: string; events: InvitationEventDetails[] | null }>(
      m,
      `SELECT DISTINCT ON (subject_id) subject_id AS "subjectId", details->'invitation'->'events' AS events
         FROM notification WHERE kind IN ('MEETING_ANNOUNCED','MEETING_UPDATED') AND subject_id = ANY($1::uuid[])
        ORDER BY subject_id, lead_ms DESC, created_at DESC`,
      [meetingIds],
    );
    return new Map(found.map((r) => [r.subjectId, r.events ?? []]));
  }

  /**
   * Inserts notifications of events (discussions): `leadMs` holds the id of the outbox event that
   * caused each, so a drained event records its notifications once (a replay is skipped by the
   * unique key) while two events about the same subject each give one. Returns the new rows.
   */
  insertEvents(notifications: EventNotification[], m: Queryable): Promise<{ id: string; personId: string }[]> {
    return this.insertReminders(
      notifications.map(({ eventId, ...n }) => ({ ...n, dueAt: null, leadMs: eventId })),
      m,
    );
  }

  /** Inserts INVITATION notifications, once per person and initiative (the first wins), as already e-mailed. */
  async insertInvitations(invitations: InvitationNotification[], db: Queryable = this.dataSource): Promise<void> {
    await rows(
      db,
      `INSERT INTO notification (person_id, kind, subject_id, initiative_id, title, body, details, emailed_at, created_at)
       SELECT person_id, 'INVITATION', initiative_id, initiative_id, title, body, details, at, at
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::jsonb[], $6::timestamptz[])
              WITH ORDINALITY AS i (person_id, initiative_id, title, body, details, at, n)
        ORDER BY n
       ON CONFLICT ON CONSTRAINT notification_once DO NOTHING`,
      [
        invitations.map((i) => i.personId),
        invitations.map((i) => i.initiativeId),
        invitations.map((i) => i.title),
        invitations.map((i) => i.body),
        invitations.map((i) => JSON.stringify(i.details)),
        invitations.map((i) => i.at.toISOString()),
      ],
    );
  }

  /**
   * Claims the notifications among `ids` that are still to be e-mailed to an IMMEDIATE recipient and
   * not claimed by another sender, for `leaseSeconds` (one statement); returns them with their recipient's id.
   */
  claimForEmail(ids: string[], leaseSeconds: number, db: Queryable = this.dataSource): Promise<ClaimedNotification[]> {
    return updated<ClaimedNotification>(
      db,
      `UPDATE notification n
          SET email_attempts = n.email_attempts + 1, email_claimed_until = now() + make_interval(secs => $2)
        WHERE n.id = ANY($1::uuid[]) AND n.emailed_at IS NULL AND ${IMMEDIATE_RECIPIENT}
          AND (n.email_claimed_until IS NULL OR n.email_claimed_until < now())
        RETURNING n.id, n.kind, n.details, n.person_id AS "personId"`,
      [ids, leaseSeconds],
    );
  }

  async markEmailed(ids: string[], db: Queryable = this.dataSource): Promise<void> {
    await updated(db, `UPDATE notification SET emailed_at = now(), email_claimed_until = NULL WHERE id = ANY($1::uuid[])`, [ids]);
  }

  async releaseClaims(ids: string[], db: Queryable = this.dataSource): Promise<void> {
    await updated(db, `UPDATE notification SET email_claimed_until = NULL WHERE id = ANY($1::uuid[])`, [ids]);
  }

  /** Recent notifications of IMMEDIATE recipients never e-mailed and not claimed now (nobody wants a week-old burst). */
  async unsentImmediate(db: Queryable = this.dataSource): Promise<string[]> {
    const unsent = await rows<{ id: string }>(
      db,
      `SELECT n.id FROM notification n
        WHERE n.emailed_at IS NULL AND ${IMMEDIATE_RECIPIENT} AND n.kind <> 'INVITATION'
          AND n.created_at > now() - interval '1 day' AND n.email_attempts < 30
          AND (n.email_claimed_until IS NULL OR n.email_claimed_until < now())
        ORDER BY n.created_at LIMIT 5000`,
    );
    return unsent.map((u) => u.id);
  }

  /** Marks the person's recent notifications not e-mailed yet as e-mailed, and returns them for the digest. */
  takeForDigest(personId: string, m: Queryable): Promise<EmailItem[]> {
    return updated<EmailItem>(
      m,
      `UPDATE notification SET emailed_at = now()
        WHERE person_id = $1 AND emailed_at IS NULL AND kind <> 'INVITATION' AND created_at > now() - interval '2 days'
        RETURNING kind, details`,
      [personId],
    );
  }

  /** The current snapshot, as text: a cursor from which `createdSince` finds what commits later. */
  async snapshotNow(db: Queryable = this.dataSource): Promise<string> {
    return (await one<{ snapshot: string }>(db, `SELECT pg_current_snapshot()::text AS snapshot`))!.snapshot;
  }

  /**
   * The notifications of each person created since their cursor, in creation order (one statement),
   * and the snapshot they were read in (every person's next cursor).
   */
  async createdSince(
    cursors: { personId: string; since: string }[],
    db: Queryable = this.dataSource,
  ): Promise<{ snapshot: string; rows: (NotificationModel & { personId: string })[] }> {
    const found = await rows<NotificationModel & { snapshot: string; personId: string | null }>(db, CREATED_SINCE_SQL, [
      cursors.map((c) => c.personId),
      cursors.map((c) => c.since),
    ]);
    const created = found.flatMap(({ snapshot: _snapshot, personId, ...notification }) =>
      personId ? [{ ...notification, personId } as NotificationModel & { personId: string }] : [],
    );
    return { snapshot: found[0].snapshot, rows: created };
  }
}
