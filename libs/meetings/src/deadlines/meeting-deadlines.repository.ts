import { Injectable } from '@nestjs/common';
import type { MeetingDeadline, Queryable } from '@app/platform';
import { rows } from '@app/platform';

/** Days after a meeting closes at which its minutes should be FINAL (MINUTES_MISSING). */
export const MINUTES_DUE_DAYS = 10;

/** A meeting row as reminders see it (subjects, details and invitations). */
export interface MeetingFacts {
  id: string;
  initiativeId: string;
  workingGroupId: string | null;
  number: number;
  title: string;
  purpose: string | null;
  venue: string | null;
  onlineUrl: string | null;
  timeZone: string;
  status: MeetingDeadline['status'];
  sequence: number;
  cancellationReason: string | null;
  startsAt: Date;
  closedAt: Date | null;
  minutesFinal: boolean;
}

const FACTS = `m.id, m.initiative_id AS "initiativeId", m.working_group_id AS "workingGroupId", m.number, m.title, m.purpose,
  m.venue, m.online_url AS "onlineUrl", m.time_zone AS "timeZone", m.status, m.calendar_sequence AS sequence,
  m.cancellation_reason AS "cancellationReason", m.closed_at AS "closedAt",
  (SELECT min(starts_at) FROM meeting_session s WHERE s.meeting_id = m.id) AS "startsAt",
  EXISTS (SELECT 1 FROM minutes mi WHERE mi.meeting_id = m.id AND mi.status = 'FINAL') AS "minutesFinal"`;

/**
 * The deadline of a meeting as reminders plan it, in SQL: the first session's start while
 * ANNOUNCED (MEETING_UPCOMING), `closed_at + 10 days` while CLOSED without FINAL minutes
 * (MINUTES_MISSING); no deadline otherwise.
 */
const DEADLINE = `CASE
  WHEN m.status = 'ANNOUNCED' THEN (SELECT min(starts_at) FROM meeting_session s WHERE s.meeting_id = m.id)
  WHEN m.status = 'CLOSED' AND NOT EXISTS (SELECT 1 FROM minutes mi WHERE mi.meeting_id = m.id AND mi.status = 'FINAL')
    THEN m.closed_at + make_interval(days => ${MINUTES_DUE_DAYS})
END`;

/** The reads of meetings' deadline source: one statement each, whatever the number of meetings. */
@Injectable()
export class MeetingDeadlinesRepository {
  facts(ids: readonly string[], db: Queryable): Promise<MeetingFacts[]> {
    return rows<MeetingFacts>(db, `SELECT ${FACTS} FROM meeting m WHERE m.id = ANY($1::uuid[])`, [ids]);
  }

  /** Meetings of the initiative that have a deadline (see DEADLINE). */
  async withDeadlineOf(initiativeId: string, db: Queryable): Promise<string[]> {
    const found = await rows<{ id: string }>(
      db,
      `SELECT m.id FROM meeting m WHERE m.initiative_id = $1 AND m.status IN ('ANNOUNCED','CLOSED') AND ${DEADLINE} IS NOT NULL`,
      [initiativeId],
    );
    return found.map((r) => r.id);
  }

  /** A page of meetings with a deadline after `deadlineAfter`, by (deadline, id). */
  page(
    page: { deadlineAfter: Date; after: { deadline: Date; id: string } | null; limit: number },
    db: Queryable,
  ): Promise<{ id: string; deadline: Date }[]> {
    return rows(
      db,
      `SELECT id, deadline FROM (
         SELECT m.id, ${DEADLINE} AS deadline FROM meeting m WHERE m.status IN ('ANNOUNCED','CLOSED')
       ) d
        WHERE deadline > $1 AND ($2::timestamptz IS NULL OR (deadline, id) > ($2::timestamptz, $3::uuid))
        ORDER BY deadline, id LIMIT $4`,
      [page.deadlineAfter, page.after?.deadline ?? null, page.after?.id ?? null, page.limit],
    );
  }

  /**
   * The sessions of the meetings a person is invited to, for their calendar: ANNOUNCED meetings
   * of the scopes they belong to (the invitees follow the memberships until the start), and the
   * meetings whose fixed participants include them (started, closed or cancelled).
   */
  sessionsFor(
    personId: string,
    scopes: { initiativeIds: string[]; groupIds: string[] },
    db: Queryable,
  ): Promise<(MeetingFacts & { sessionStartsAt: Date; sessionEndsAt: Date; sessionTitle: string | null; ordinal: number })[]> {
    return rows(
      db,
      `WITH invited AS (
         SELECT m.id FROM meeting m
          WHERE m.status = 'ANNOUNCED'
            AND ((m.working_group_id IS NULL AND m.initiative_id = ANY($2::uuid[])) OR m.working_group_id = ANY($3::uuid[]))
         UNION
         SELECT mp.meeting_id FROM meeting_participant mp JOIN meeting m ON m.id = mp.meeting_id
          WHERE mp.person_id = $1 AND m.status IN ('IN_PROGRESS','CLOSED','CANCELLED')
       )
       SELECT ${FACTS}, s.starts_at AS "sessionStartsAt", s.ends_at AS "sessionEndsAt", s.title AS "sessionTitle",
              row_number() OVER (PARTITION BY m.id ORDER BY s.starts_at, s.id)::int AS ordinal
         FROM invited i JOIN meeting m ON m.id = i.id JOIN meeting_session s ON s.meeting_id = m.id
        ORDER BY s.starts_at, m.id`,
      [personId, scopes.initiativeIds, scopes.groupIds],
    );
  }
}
