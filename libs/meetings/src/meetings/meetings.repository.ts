import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { one, type Queryable, rows, updated } from '@app/platform';
import type { MeetingStatus, RsvpResponse } from '../graphql-enums';
import type { SessionTimes } from '../rules/sessions';
import type { MeetingModel, MeetingParticipantModel, MeetingSessionModel } from './meeting.model';

/** Where a meeting lives, for the access policy, and its state. */
export interface MeetingScope {
  meetingId: string;
  initiativeId: string;
  groupId: string | null;
  status: MeetingStatus;
}

/** A meeting row locked for a change. */
export interface LockedMeeting extends MeetingScope {
  number: number;
  version: number;
}

export interface NewMeeting {
  initiativeId: string;
  workingGroupId: string | null;
  title: string;
  purpose: string | null;
  venue: string | null;
  onlineUrl: string | null;
  timeZone: string;
}

/** The columns updateMeeting may set; an absent field is left as it is. */
export type MeetingChanges = Partial<Pick<NewMeeting, 'title' | 'purpose' | 'venue' | 'onlineUrl' | 'timeZone'>>;

const CHANGE_COLUMNS: Record<keyof MeetingChanges, string> = {
  title: 'title',
  purpose: 'purpose',
  venue: 'venue',
  onlineUrl: 'online_url',
  timeZone: 'time_zone',
};

/** Columns of `meeting m` and its sessions' span `s` selected for a MeetingModel. */
const MEETING_COLUMNS = `m.id, m.initiative_id AS "initiativeId", m.working_group_id AS "workingGroupId", m.number, m.title,
  m.purpose, m.venue, m.online_url AS "onlineUrl", m.time_zone AS "timeZone", m.status, m.version,
  m.cancellation_reason AS "cancellationReason", s.starts_at AS "startsAt", s.ends_at AS "endsAt"`;
const SPAN = `CROSS JOIN LATERAL (SELECT min(starts_at) AS starts_at, max(ends_at) AS ends_at FROM meeting_session WHERE meeting_id = m.id) s`;

/** An invitee of a meeting with the name the participant lists sort by (see Invitees). */
export interface Invitee {
  meetingId: string;
  personId: string;
  name: string;
}

/** What decides a meeting's invitees: its scope while it is open to the memberships, else its fixed participants. */
export interface InviteeSource {
  meetingId: string;
  initiativeId: string;
  groupId: string | null;
  /** DRAFT or ANNOUNCED: the invitees are the scope's current members. */
  open: boolean;
  /** The participants fixed when the meeting started (empty while open). */
  participantIds: string[];
}

/** The invitees passed as $1..$3 (parallel arrays of meeting ids, person ids and names). */
const INVITEES = `SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS x (meeting_id, person_id, name)`;
const inviteeParams = (invitees: readonly Invitee[]) => [
  invitees.map((i) => i.meetingId),
  invitees.map((i) => i.personId),
  invitees.map((i) => i.name),
];

const PARTICIPANT_COLUMNS = `inv.meeting_id AS "meetingId", inv.person_id AS "personId", inv.name,
  coalesce(mp.response, 'NO_RESPONSE') AS response, mp.attended`;
const PARTICIPANTS_FROM = `invitees inv
  LEFT JOIN meeting_participant mp ON mp.meeting_id = inv.meeting_id AND mp.person_id = inv.person_id`;

/** meeting, meeting_session and meeting_participant: the meeting, its sessions and its invitees' answers. */
@Injectable()
export class MeetingsRepository {
  constructor(private readonly dataSource: DataSource) {}

  scopeOf(meetingId: string, db: Queryable = this.dataSource): Promise<MeetingScope | null> {
    return one<MeetingScope>(
      db,
      `SELECT id AS "meetingId", initiative_id AS "initiativeId", working_group_id AS "groupId", status FROM meeting WHERE id = $1`,
      [meetingId],
    );
  }

  /** Locks the meeting row (FOR UPDATE) until the transaction ends: changes to one meeting run one after the other. */
  lock(meetingId: string, m: Queryable): Promise<LockedMeeting | null> {
    return one<LockedMeeting>(
      m,
      `SELECT id AS "meetingId", initiative_id AS "initiativeId", working_group_id AS "groupId", status, number, version
         FROM meeting WHERE id = $1 FOR UPDATE`,
      [meetingId],
    );
  }

  byIds(ids: string[], db: Queryable = this.dataSource): Promise<MeetingModel[]> {
    return rows<MeetingModel>(db, `SELECT ${MEETING_COLUMNS} FROM meeting m ${SPAN} WHERE m.id = ANY($1::uuid[])`, [ids]);
  }

  async byId(id: string, db: Queryable = this.dataSource): Promise<MeetingModel | null> {
    return (await this.byIds([id], db))[0] ?? null;
  }

  /**
   * Meetings of an initiative (groupId null) or of one group, by first session then id, after
   * the cursor; DRAFT ones only where `draftsOf` allows: 'all' (SECRETARIAT), or those of these
   * groups (the ones the caller chairs). `from`/`to` bound the first session's start.
   */
  page(
    filter: { initiativeId: string; groupId: string | null; from: Date | null; to: Date | null; draftsOf: 'all' | string[] },
    after: { startsAt: string; id: string } | null,
    limit: number,
  ): Promise<MeetingModel[]> {
    return rows<MeetingModel>(
      this.dataSource,
      `SELECT ${MEETING_COLUMNS} FROM meeting m ${SPAN}
        WHERE ${VISIBLE}
          AND ($7::timestamptz IS NULL OR (s.starts_at, m.id) > ($7::timestamptz, $8::uuid))
        ORDER BY s.starts_at, m.id LIMIT $9`,
      [...visibleParams(filter), after?.startsAt ?? null, after?.id ?? null, limit],
    );
  }

  async count(filter: {
    initiativeId: string;
    groupId: string | null;
    from: Date | null;
    to: Date | null;
    draftsOf: 'all' | string[];
  }) {
    const row = await one<{ n: number }>(
      this.dataSource,
      `SELECT count(*)::int AS n FROM meeting m ${SPAN} WHERE ${VISIBLE}`,
      visibleParams(filter),
    );
    return row?.n ?? 0;
  }

  /** The next meeting number of the initiative; holds a transaction-scoped lock on that counter. */
  async nextNumber(initiativeId: string, m: Queryable): Promise<number> {
    await rows(m, `SELECT pg_advisory_xact_lock(hashtextextended('meeting.number:' || $1::text, 0))`, [initiativeId]);
    const row = await one<{ n: number }>(
      m,
      `SELECT coalesce(max(number), 0)::int + 1 AS n FROM meeting WHERE initiative_id = $1`,
      [initiativeId],
    );
    return row?.n ?? 1;
  }

  async insert(meeting: NewMeeting, number: number, m: Queryable): Promise<string> {
    const [{ id }] = await rows<{ id: string }>(
      m,
      `INSERT INTO meeting (initiative_id, working_group_id, number, title, purpose, venue, online_url, time_zone)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        meeting.initiativeId,
        meeting.workingGroupId,
        number,
        meeting.title,
        meeting.purpose,
        meeting.venue,
        meeting.onlineUrl,
        meeting.timeZone,
      ],
    );
    return id;
  }

  /**
   * Applies the changes and bumps the version; the calendar sequence too when the invitees hold
   * the invitation (ANNOUNCED or IN_PROGRESS): their calendars replace the events they imported.
   */
  async update(meetingId: string, changes: MeetingChanges, m: Queryable): Promise<void> {
    const keys = Object.keys(changes) as (keyof MeetingChanges)[];
    const sets = keys.map((k, i) => `${CHANGE_COLUMNS[k]} = $${i + 2}`);
    const sequence = `calendar_sequence = calendar_sequence + CASE WHEN status IN ('ANNOUNCED','IN_PROGRESS') THEN 1 ELSE 0 END`;
    await updated(m, `UPDATE meeting SET ${[...sets, 'version = version + 1', sequence].join(', ')} WHERE id = $1`, [
      meetingId,
      ...keys.map((k) => changes[k]),
    ]);
  }

  /**
   * Sets the status (the version + 1); CLOSED records when, and cancelling an ANNOUNCED meeting
   * raises the calendar sequence (the invitees' calendars cancel the events they imported).
   */
  async setStatus(meetingId: string, status: MeetingStatus, reason: string | null, m: Queryable): Promise<void> {
    await updated(
      m,
      `UPDATE meeting SET status = $2, version = version + 1, cancellation_reason = coalesce($3, cancellation_reason),
              closed_at = CASE WHEN $2 = 'CLOSED' THEN now() ELSE closed_at END,
              calendar_sequence = calendar_sequence + CASE WHEN $2 = 'CANCELLED' AND status = 'ANNOUNCED' THEN 1 ELSE 0 END
        WHERE id = $1`,
      [meetingId, status, reason],
    );
  }

  async bumpVersion(meetingId: string, m: Queryable): Promise<void> {
    await updated(m, `UPDATE meeting SET version = version + 1 WHERE id = $1`, [meetingId]);
  }

  /** Replaces every session of the meeting (agenda items lose the session they were in). */
  async replaceSessions(meetingId: string, sessions: (SessionTimes & { title?: string | null })[], m: Queryable): Promise<void> {
    await updated(m, `DELETE FROM meeting_session WHERE meeting_id = $1`, [meetingId]);
    await this.insertSessions(meetingId, sessions, m);
  }

  async insertSessions(meetingId: string, sessions: (SessionTimes & { title?: string | null })[], m: Queryable): Promise<void> {
    await rows(
      m,
      `INSERT INTO meeting_session (meeting_id, starts_at, ends_at, title)
       SELECT $1, s, e, t FROM unnest($2::timestamptz[], $3::timestamptz[], $4::text[]) AS x(s, e, t)`,
      [
        meetingId,
        sessions.map((s) => s.startsAt.toISOString()),
        sessions.map((s) => s.endsAt.toISOString()),
        sessions.map((s) => s.title ?? null),
      ],
    );
  }

  sessionsOf(meetingIds: string[], db: Queryable = this.dataSource): Promise<MeetingSessionModel[]> {
    return rows<MeetingSessionModel>(
      db,
      `SELECT id, meeting_id AS "meetingId", starts_at AS "startsAt", ends_at AS "endsAt", title
         FROM meeting_session WHERE meeting_id = ANY($1::uuid[]) ORDER BY meeting_id, starts_at`,
      [meetingIds],
    );
  }

  /** What decides the invitees of each meeting (one statement). */
  inviteeSources(meetingIds: readonly string[], db: Queryable = this.dataSource): Promise<InviteeSource[]> {
    return rows<InviteeSource>(
      db,
      `SELECT m.id AS "meetingId", m.initiative_id AS "initiativeId", m.working_group_id AS "groupId",
              m.status IN ('DRAFT','ANNOUNCED') AS open,
              CASE WHEN m.status IN ('DRAFT','ANNOUNCED') THEN '{}'::uuid[]
                   ELSE coalesce((SELECT array_agg(mp.person_id) FROM meeting_participant mp WHERE mp.meeting_id = m.id), '{}')
              END AS "participantIds"
         FROM meeting m WHERE m.id = ANY($1::uuid[])`,
      [meetingIds],
    );
  }

  /** Fixes the invitees: `personIds` (the current members) become the participants, former members' answers go. */
  async fixInvitees(meetingId: string, personIds: readonly string[], m: Queryable): Promise<void> {
    await rows(
      m,
      `WITH gone AS (DELETE FROM meeting_participant mp WHERE mp.meeting_id = $1 AND NOT mp.person_id = ANY($2::uuid[]))
       INSERT INTO meeting_participant (meeting_id, person_id) SELECT $1, person_id FROM unnest($2::uuid[]) AS x (person_id)
       ON CONFLICT DO NOTHING`,
      [meetingId, personIds],
    );
  }

  /** The invitees with their answers, by meeting then name. */
  participants(invitees: readonly Invitee[], db: Queryable = this.dataSource): Promise<MeetingParticipantModel[]> {
    return rows<MeetingParticipantModel>(
      db,
      `WITH invitees AS (${INVITEES})
       SELECT ${PARTICIPANT_COLUMNS} FROM ${PARTICIPANTS_FROM}
        ORDER BY inv.meeting_id, inv.name, inv.person_id`,
      inviteeParams(invitees),
    );
  }

  /** A page of each meeting's invitees (by name), optionally of one response: `limit` rows per meeting after the cursor. */
  participantsPage(
    invitees: readonly Invitee[],
    response: RsvpResponse | null,
    after: { name: string; personId: string } | null,
    limit: number,
  ): Promise<(MeetingParticipantModel & { total: number })[]> {
    return rows<MeetingParticipantModel & { total: number }>(
      this.dataSource,
      `WITH invitees AS (${INVITEES}),
            chosen AS (SELECT ${PARTICIPANT_COLUMNS}, inv.person_id AS pid,
                              count(*) OVER (PARTITION BY inv.meeting_id)::int AS total
                         FROM ${PARTICIPANTS_FROM}
                        WHERE ($4::text IS NULL OR coalesce(mp.response, 'NO_RESPONSE') = $4)),
            ranked AS (SELECT *, row_number() OVER (PARTITION BY "meetingId" ORDER BY name, pid) AS rn FROM chosen
                        WHERE $5::text IS NULL OR (name, pid) > ($5::text, $6::uuid))
       SELECT "meetingId", "personId", name, response, attended, total FROM ranked WHERE rn <= $7 ORDER BY "meetingId", rn`,
      [...inviteeParams(invitees), response, after?.name ?? null, after?.personId ?? null, limit],
    );
  }

  /** Counts of each meeting's invitees (for pages that came back empty). */
  participantCounts(
    invitees: readonly Invitee[],
    response: RsvpResponse | null,
  ): Promise<{ meetingId: string; total: number }[]> {
    return rows<{ meetingId: string; total: number }>(
      this.dataSource,
      `WITH invitees AS (${INVITEES})
       SELECT inv.meeting_id AS "meetingId", count(*)::int AS total FROM ${PARTICIPANTS_FROM}
        WHERE $4::text IS NULL OR coalesce(mp.response, 'NO_RESPONSE') = $4
        GROUP BY inv.meeting_id`,
      [...inviteeParams(invitees), response],
    );
  }

  async respond(meetingId: string, personId: string, response: RsvpResponse, m: Queryable): Promise<void> {
    await rows(
      m,
      `INSERT INTO meeting_participant (meeting_id, person_id, response) VALUES ($1, $2, $3)
       ON CONFLICT (meeting_id, person_id) DO UPDATE SET response = EXCLUDED.response`,
      [meetingId, personId, response],
    );
  }

  async recordAttendance(meetingId: string, personIds: string[], attended: boolean, m: Queryable): Promise<void> {
    await updated(m, `UPDATE meeting_participant SET attended = $3 WHERE meeting_id = $1 AND person_id = ANY($2::uuid[])`, [
      meetingId,
      personIds,
      attended,
    ]);
  }
}

/** The visibility and range filter of page() and count(): parameters $1..$6. */
const VISIBLE = `m.initiative_id = $1 AND ($2::uuid IS NULL OR m.working_group_id = $2)
  AND ($3::timestamptz IS NULL OR s.starts_at >= $3) AND ($4::timestamptz IS NULL OR s.starts_at < $4)
  AND (m.status <> 'DRAFT' OR $5::boolean OR m.working_group_id = ANY($6::uuid[]))`;

function visibleParams(filter: {
  initiativeId: string;
  groupId: string | null;
  from: Date | null;
  to: Date | null;
  draftsOf: 'all' | string[];
}) {
  const all = filter.draftsOf === 'all';
  return [filter.initiativeId, filter.groupId, filter.from, filter.to, all, filter.draftsOf === 'all' ? [] : filter.draftsOf];
}
