import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessPolicy, InitiativeRole } from '@app/identity';
import {
  type Caller,
  ConflictError,
  type ConnectionShape,
  ForbiddenError,
  InvalidInputError,
  isUuid,
  LoaderRegistry,
  NotFoundError,
  type OutboxTopic,
  pageRequest,
  type Queryable,
  toConnection,
  TOPICS,
  writeOutbox,
} from '@app/platform';
import { initiativeLoader, MembershipsReader, workingGroupLoader } from '@app/structure';
import type { ScheduleMeetingInput } from '../dto/schedule-meeting.input';
import type { UpdateMeetingInput } from '../dto/update-meeting.input';
import { MeetingStatus, type RsvpResponse } from '../graphql-enums';
import { isEditable, mayTransition } from '../rules/lifecycle';
import { sessionsProblem } from '../rules/sessions';
import { MeetingAccess } from './meeting-access';
import type { MeetingModel, MeetingParticipantModel } from './meeting.model';
import { Invitees } from './invitees';
import { type LockedMeeting, type MeetingChanges, MeetingsRepository } from './meetings.repository';

/** What the list fields Initiative.meetings and WorkingGroup.meetings are asked for. */
export interface MeetingsFilter {
  from: Date | null;
  to: Date | null;
  first: number;
  after: string | null;
}

/**
 * Meetings: scheduling, details and sessions, the lifecycle DRAFT -> ANNOUNCED -> IN_PROGRESS
 * -> CLOSED (or -> CANCELLED from DRAFT and ANNOUNCED), invitees' answers and attendance. Every
 * change locks the meeting row first and writes its outbox row in the same transaction.
 */
@Injectable()
export class MeetingsService {
  constructor(
    private readonly access: AccessPolicy,
    private readonly meetingAccess: MeetingAccess,
    private readonly meetings: MeetingsRepository,
    private readonly invitees: Invitees,
    private readonly memberships: MembershipsReader,
    private readonly dataSource: DataSource,
  ) {}

  async meeting(caller: Caller | null, id: string): Promise<MeetingModel> {
    const scope = await this.meetingAccess.scopeOf(id);
    await this.meetingAccess.authorize(caller, scope, 'initiative.read');
    return this.load(id, this.dataSource);
  }

  /** SECRETARIAT for any meeting; CHAIR or VICE_CHAIR for their group's. */
  async schedule(caller: Caller | null, input: ScheduleMeetingInput): Promise<MeetingModel> {
    const groupId = input.workingGroupId ?? null;
    const registry = new LoaderRegistry();
    if (groupId !== null) {
      const group = isUuid(groupId) ? await workingGroupLoader(registry, this.dataSource).load(groupId) : null;
      if (!group || group.initiativeId !== input.initiativeId) throw new NotFoundError('Working group', groupId);
    } else if (!isUuid(input.initiativeId)) throw new NotFoundError('Initiative', input.initiativeId);
    await this.access.authorize(
      caller,
      'meeting.schedule',
      { initiativeId: input.initiativeId, groupId },
      {
        kind: groupId ? 'Working group' : 'Initiative',
        id: groupId ?? input.initiativeId,
      },
    );
    requireSessions(input.sessions);
    const initiative = await initiativeLoader(registry, this.dataSource).load(input.initiativeId);
    if (!initiative) throw new NotFoundError('Initiative', input.initiativeId);
    return this.dataSource.transaction(async (m) => {
      const number = await this.meetings.nextNumber(input.initiativeId, m);
      const id = await this.meetings.insert(
        {
          initiativeId: input.initiativeId,
          workingGroupId: groupId,
          title: input.title,
          purpose: input.purpose ?? null,
          venue: input.venue ?? null,
          onlineUrl: input.onlineUrl ?? null,
          timeZone: input.timeZone ?? initiative.timeZone,
        },
        number,
        m,
      );
      await this.meetings.insertSessions(id, input.sessions, m);
      const meeting = await this.load(id, m);
      await this.event(m, TOPICS.meetingScheduled, meeting);
      return meeting;
    });
  }

  /** Whoever may schedule it; CONFLICT when CLOSED or CANCELLED or expectedVersion is stale. */
  async update(caller: Caller | null, input: UpdateMeetingInput): Promise<MeetingModel> {
    const scope = await this.meetingAccess.scopeOf(input.id);
    await this.meetingAccess.authorize(caller, scope, 'meeting.schedule');
    if (input.title === null) throw InvalidInputError.field('input.title', 'must not be null');
    if (input.timeZone === null) throw InvalidInputError.field('input.timeZone', 'must not be null');
    if (input.sessions) requireSessions(input.sessions);
    return this.dataSource.transaction(async (m) => {
      const locked = await this.lockEditable(input.id, m);
      if (locked.version !== input.expectedVersion)
        throw new ConflictError(
          `Meeting ${input.id} is at version ${locked.version}, not ${input.expectedVersion}: reload it and retry`,
        );
      const changes: MeetingChanges = {};
      for (const key of ['title', 'purpose', 'venue', 'onlineUrl', 'timeZone'] as const)
        if (input[key] !== undefined) (changes as Record<string, unknown>)[key] = input[key];
      if (input.sessions) await this.meetings.replaceSessions(input.id, input.sessions, m);
      await this.meetings.update(input.id, changes, m);
      const meeting = await this.load(input.id, m);
      await this.event(m, TOPICS.meetingUpdated, meeting);
      return meeting;
    });
  }

  /** DRAFT -> ANNOUNCED, ANNOUNCED -> IN_PROGRESS, IN_PROGRESS -> CLOSED, DRAFT or ANNOUNCED -> CANCELLED; CONFLICT otherwise. */
  async transition(caller: Caller | null, id: string, to: MeetingStatus, reason: string | null = null): Promise<MeetingModel> {
    const scope = await this.meetingAccess.scopeOf(id);
    await this.meetingAccess.authorize(caller, scope, 'meeting.schedule');
    if (to === MeetingStatus.CANCELLED && !reason?.trim()) throw InvalidInputError.field('reason', 'must not be blank');
    if (reason && reason.length > 2000) throw InvalidInputError.field('reason', 'must be at most 2000 characters');
    return this.dataSource.transaction(async (m) => {
      const locked = await this.lock(id, m);
      if (!mayTransition(locked.status, to)) throw new ConflictError(`Meeting ${id} is ${locked.status}; it cannot become ${to}`);
      // From the start (or a cancellation) on, the invitees no longer follow the memberships.
      if (to === MeetingStatus.IN_PROGRESS || to === MeetingStatus.CANCELLED)
        await this.meetings.fixInvitees(id, await this.invitees.currentMembers(locked, m), m);
      await this.meetings.setStatus(id, to, to === MeetingStatus.CANCELLED ? reason : null, m);
      const meeting = await this.load(id, m);
      await this.event(m, TOPIC_OF[to], meeting, to === MeetingStatus.CANCELLED ? { reason, from: locked.status } : {});
      return meeting;
    });
  }

  /** An invitee's answer; CONFLICT once CLOSED or CANCELLED, FORBIDDEN for a member who is not invited. */
  async respond(caller: Caller | null, meetingId: string, response: RsvpResponse): Promise<MeetingParticipantModel> {
    const scope = await this.meetingAccess.scopeOf(meetingId);
    await this.meetingAccess.authorize(caller, scope, 'meeting.respond');
    const personId = (caller as Caller).personId;
    return this.dataSource.transaction(async (m) => {
      const locked = await this.lock(meetingId, m);
      if (locked.status === MeetingStatus.CLOSED || locked.status === MeetingStatus.CANCELLED)
        throw new ConflictError(`Meeting ${meetingId} is ${locked.status}; answers can no longer change`);
      const invitee = await this.invitees.of([meetingId], [personId], m);
      if (!invitee.length) throw new ForbiddenError('Only the invitees of a meeting may answer its invitation');
      await this.meetings.respond(meetingId, personId, response, m);
      const [participant] = await this.meetings.participants(invitee, m);
      return participant;
    });
  }

  /** While IN_PROGRESS or CLOSED; the people must be invitees. */
  async recordAttendance(
    caller: Caller | null,
    meetingId: string,
    personIds: string[],
    attended: boolean,
  ): Promise<MeetingParticipantModel[]> {
    const scope = await this.meetingAccess.scopeOf(meetingId);
    await this.meetingAccess.authorize(caller, scope, 'meeting.record');
    const ids = [...new Set(personIds)];
    if (ids.length > 1000) throw InvalidInputError.field('personIds', 'must list at most 1000 people');
    return this.dataSource.transaction(async (m) => {
      const locked = await this.lock(meetingId, m);
      if (locked.status !== MeetingStatus.IN_PROGRESS && locked.status !== MeetingStatus.CLOSED)
        throw new ConflictError(`Meeting ${meetingId} is ${locked.status}; attendance is recorded while IN_PROGRESS or CLOSED`);
      const valid = ids.filter(isUuid);
      const invited = valid.length ? await this.invitees.of([meetingId], valid, m) : [];
      const known = new Set(invited.map((p) => p.personId));
      const bad = ids.filter((id) => !known.has(id));
      if (bad.length) throw InvalidInputError.field('personIds', `must name invitees of the meeting; not: ${bad.join(', ')}`);
      await this.meetings.recordAttendance(meetingId, ids, attended, m);
      return invited.length ? this.meetings.participants(invited, m) : [];
    });
  }

  /** Meetings of the initiative (groupId null) or of one of its groups, soonest first; DRAFT ones only to those who may schedule them. */
  async list(
    caller: Caller | null,
    initiativeId: string,
    groupId: string | null,
    filter: MeetingsFilter,
  ): Promise<ConnectionShape<MeetingModel>> {
    const roles = await this.access.authorize(
      caller,
      'initiative.read',
      { initiativeId, groupId },
      {
        kind: groupId ? 'Working group' : 'Initiative',
        id: groupId ?? initiativeId,
      },
    );
    const page = pageRequest(filter.first, filter.after);
    const [afterStart, afterId] = (page.after ?? [null, null]) as [unknown, unknown];
    const validAfter = typeof afterStart === 'string' && !Number.isNaN(Date.parse(afterStart)) && isUuid(afterId);
    if (page.after && !validAfter) throw InvalidInputError.field('after', 'is not a cursor returned by this API');
    const draftsOf: 'all' | string[] =
      roles.initiative === InitiativeRole.SECRETARIAT
        ? 'all'
        : await this.memberships.groupsChairedBy((caller as Caller).personId);
    const where = { initiativeId, groupId, from: filter.from, to: filter.to, draftsOf };
    const total = await this.meetings.count(where);
    const found =
      page.limit === 0
        ? []
        : await this.meetings.page(
            where,
            validAfter ? { startsAt: afterStart as string, id: afterId as string } : null,
            page.limit + 1,
          );
    return toConnection(found, page, (r) => [new Date(r.startsAt).toISOString(), r.id], total);
  }

  /** The meeting row, locked; NOT_FOUND when there is none. */
  private async lock(id: string, m: Queryable): Promise<LockedMeeting> {
    const locked = await this.meetings.lock(id, m);
    if (!locked) throw new NotFoundError('Meeting', id);
    return locked;
  }

  /** The meeting row, locked; CONFLICT once CLOSED or CANCELLED. */
  async lockEditable(id: string, m: Queryable): Promise<LockedMeeting> {
    const locked = await this.lock(id, m);
    if (!isEditable(locked.status)) throw new ConflictError(`Meeting ${id} is ${locked.status}; it can no longer change`);
    return locked;
  }

  private async load(id: string, db: Queryable): Promise<MeetingModel> {
    const meeting = await this.meetings.byId(id, db);
    if (!meeting) throw new NotFoundError('Meeting', id);
    return meeting;
  }

  private async event(
    m: EntityManager,
    topic: OutboxTopic,
    meeting: MeetingModel,
    extra: Record<string, unknown> = {},
  ): Promise<void> {
    await writeOutbox(m, topic, meeting.id, {
      initiativeId: meeting.initiativeId,
      workingGroupId: meeting.workingGroupId,
      number: meeting.number,
      status: meeting.status,
      version: meeting.version,
      startsAt: new Date(meeting.startsAt).toISOString(),
      ...extra,
    });
  }
}

const TOPIC_OF: Record<MeetingStatus, OutboxTopic> = {
  [MeetingStatus.DRAFT]: TOPICS.meetingScheduled,
  [MeetingStatus.ANNOUNCED]: TOPICS.meetingAnnounced,
  [MeetingStatus.IN_PROGRESS]: TOPICS.meetingStarted,
  [MeetingStatus.CLOSED]: TOPICS.meetingClosed,
  [MeetingStatus.CANCELLED]: TOPICS.meetingCancelled,
};

function requireSessions(sessions: { startsAt: Date; endsAt: Date }[]): void {
  const problem = sessionsProblem(sessions);
  if (problem) throw InvalidInputError.field('input.sessions', problem);
}
