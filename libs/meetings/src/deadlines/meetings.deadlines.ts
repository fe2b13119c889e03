import { Injectable } from '@nestjs/common';
import {
  type CalendarDeadline,
  type DeadlineDetails,
  type DeadlinePage,
  type DeadlineSource,
  type Invitation,
  type MeetingDeadline,
  ProvidesDeadlines,
  type Queryable,
  type RecipientFacts,
  TOPICS,
} from '@app/platform';
import { InitiativesReader, MembershipsReader, WorkingGroupsReader } from '@app/structure';
import { MeetingsRepository } from '../meetings/meetings.repository';
import { Invitees } from '../meetings/invitees';
import { type MeetingFacts, MeetingDeadlinesRepository } from './meeting-deadlines.repository';

/** The UID of a meeting's n-th session (by start): stable while the meeting is rescheduled. */
export const sessionUid = (meetingId: string, ordinal: number) => `meeting-${meetingId}-${ordinal}@wgcollab`;

/** Where a meeting takes place, as one line: its venue, its link, or both. */
const locationOf = (m: Pick<MeetingFacts, 'venue' | 'onlineUrl'>) =>
  [m.venue, m.onlineUrl].filter((part): part is string => !!part).join(' / ') || null;

/**
 * Meetings as subjects of reminders (`DeadlineSource`): MEETING_UPCOMING before the first session
 * of an ANNOUNCED meeting (to its invitees), MINUTES_MISSING 10 days after it CLOSED without FINAL
 * minutes (to its group's chairs, the SECRETARIAT for a plenary), the sessions of the meetings a
 * person is invited to for their calendar feed, and the invitation (events, revision, invitees)
 * that MEETING_ANNOUNCED, MEETING_UPDATED and MEETING_CANCELLED carry. Reminders read meetings
 * only through this class.
 */
@ProvidesDeadlines()
@Injectable()
export class MeetingDeadlines implements DeadlineSource<MeetingDeadline> {
  readonly type = 'MEETING';
  readonly topics = [
    TOPICS.meetingScheduled,
    TOPICS.meetingAnnounced,
    TOPICS.meetingUpdated,
    TOPICS.meetingStarted,
    TOPICS.meetingClosed,
    TOPICS.meetingCancelled,
    TOPICS.minutesApproved,
  ];

  constructor(
    private readonly repository: MeetingDeadlinesRepository,
    private readonly meetings: MeetingsRepository,
    private readonly invitees: Invitees,
    private readonly memberships: MembershipsReader,
    private readonly initiatives: InitiativesReader,
    private readonly groups: WorkingGroupsReader,
  ) {}

  async subjects(db: Queryable, ids: string[]): Promise<Map<string, MeetingDeadline>> {
    if (!ids.length) return new Map();
    const found = await this.repository.facts(ids, db);
    return new Map(
      found.map((m) => [
        m.id,
        {
          type: 'MEETING',
          id: m.id,
          initiativeId: m.initiativeId,
          status: m.status,
          startsAt: m.startsAt,
          closedAt: m.closedAt,
          minutesFinal: m.minutesFinal,
        },
      ]),
    );
  }

  /** Invitees, and who answers for the minutes: five statements at most. */
  async recipients(db: Queryable, ids: string[]): Promise<Map<string, RecipientFacts>> {
    const facts = new Map<string, RecipientFacts>();
    if (!ids.length) return facts;
    const found = await this.repository.facts(ids, db);
    const invited = await this.invitees.of(
      found.map((m) => m.id),
      null,
      db,
    );
    const chairs = await this.memberships.chairIds(
      found.flatMap((m) => (m.workingGroupId ? [m.workingGroupId] : [])),
      db,
    );
    const plenaries = found.filter((m) => !m.workingGroupId).map((m) => m.initiativeId);
    const secretariat = plenaries.length ? await this.memberships.secretariatIds(plenaries, db) : new Map<string, string[]>();
    for (const m of found)
      facts.set(m.id, {
        inviteeIds: invited.filter((i) => i.meetingId === m.id).map((i) => i.personId),
        minutesOwnerIds: (m.workingGroupId ? chairs.get(m.workingGroupId) : secretariat.get(m.initiativeId)) ?? [],
      });
    return facts;
  }

  async details(db: Queryable, ids: string[]): Promise<Map<string, DeadlineDetails>> {
    if (!ids.length) return new Map();
    const found = await this.repository.facts(ids, db);
    const names = await this.names(found, db);
    return new Map(
      found.flatMap((m) => {
        const where = names.get(m.id);
        if (!where) return [];
        const details: DeadlineDetails = {
          ...where,
          subjectTitle: m.title,
          deadline: m.status === 'CLOSED' ? m.closedAt : m.startsAt,
          path: `meetings/${m.id}`,
        };
        return [[m.id, details] as const];
      }),
    );
  }

  openOfInitiative(db: Queryable, initiativeId: string): Promise<string[]> {
    return this.repository.withDeadlineOf(initiativeId, db);
  }

  openPage(db: Queryable, page: DeadlinePage): Promise<{ id: string; deadline: Date }[]> {
    return this.repository.page(page, db);
  }

  /** The sessions of the meetings the person is invited to (DRAFT ones are nobody's yet); cancelled ones marked so. */
  async calendarOf(db: Queryable, personId: string): Promise<CalendarDeadline[]> {
    const scopes = await this.memberships.scopesOf(personId, db);
    const sessions = await this.repository.sessionsFor(personId, scopes, db);
    const names = await this.names(sessions, db);
    return sessions.flatMap((s) => {
      const where = names.get(s.id);
      if (!where) return [];
      const place = where.groupName ? `${where.initiativeName} / ${where.groupName}` : where.initiativeName;
      return [
        {
          id: `${s.id}-${s.ordinal}`,
          uid: sessionUid(s.id, s.ordinal),
          at: s.sessionStartsAt,
          endsAt: s.sessionEndsAt,
          title: s.sessionTitle ? `${s.title}: ${s.sessionTitle}` : s.title,
          where: place,
          location: locationOf(s),
          cancelled: s.status === 'CANCELLED',
          path: `meetings/${s.id}`,
        },
      ];
    });
  }

  /** What the invitees' calendars hold of each meeting: four statements plus the invitees'. */
  async invitations(db: Queryable, ids: string[]): Promise<Map<string, Invitation>> {
    if (!ids.length) return new Map();
    const found = await this.repository.facts(ids, db);
    const sessions = await this.meetings.sessionsOf(
      found.map((m) => m.id),
      db,
    );
    const invited = await this.invitees.of(
      found.map((m) => m.id),
      null,
      db,
    );
    return new Map(
      found.map((m) => [
        m.id,
        {
          id: m.id,
          initiativeId: m.initiativeId,
          status: m.status,
          sequence: m.sequence,
          timeZone: m.timeZone,
          location: locationOf(m),
          description: m.purpose,
          cancellationReason: m.cancellationReason,
          events: sessions
            .filter((s) => s.meetingId === m.id)
            .map((s, i) => ({
              uid: sessionUid(m.id, i + 1),
              startsAt: new Date(s.startsAt),
              endsAt: new Date(s.endsAt),
              title: s.title ? `${m.title}: ${s.title}` : m.title,
            })),
          inviteeIds: invited.filter((p) => p.meetingId === m.id).map((p) => p.personId),
        },
      ]),
    );
  }

  /** The initiative's name and the group's "<code> <name>" of each meeting (two statements). */
  private async names(
    found: Pick<MeetingFacts, 'id' | 'initiativeId' | 'workingGroupId'>[],
    db: Queryable,
  ): Promise<Map<string, { initiativeName: string; groupName: string | null }>> {
    const initiatives = await this.initiatives.byIds(
      found.map((m) => m.initiativeId),
      db,
    );
    const groupIds = found.flatMap((m) => (m.workingGroupId ? [m.workingGroupId] : []));
    const groups = groupIds.length ? await this.groups.byIds(groupIds, db) : new Map();
    const names = new Map<string, { initiativeName: string; groupName: string | null }>();
    for (const m of found) {
      const initiative = initiatives.get(m.initiativeId);
      if (!initiative) continue;
      const group = m.workingGroupId ? groups.get(m.workingGroupId) : null;
      names.set(m.id, { initiativeName: initiative.name, groupName: group ? `${group.code} ${group.name}` : null });
    }
    return names;
  }
}
