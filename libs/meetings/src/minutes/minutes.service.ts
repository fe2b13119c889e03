import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type Caller, ConflictError, InvalidInputError, NotFoundError, TOPICS, writeOutbox } from '@app/platform';
import { MeetingStatus } from '../graphql-enums';
import { MeetingAccess } from '../meetings/meeting-access';
import type { MinutesModel } from '../meetings/meeting.model';
import { MeetingsRepository } from '../meetings/meetings.repository';
import { MinutesRepository } from './minutes.repository';

const MAX_BODY = 200_000;

/** Minutes in Markdown: drafted while IN_PROGRESS or CLOSED, each save at expectedVersion; FINAL locks them. */
@Injectable()
export class MinutesService {
  constructor(
    private readonly meetingAccess: MeetingAccess,
    private readonly meetings: MeetingsRepository,
    private readonly minutes: MinutesRepository,
    private readonly dataSource: DataSource,
  ) {}

  /** CONFLICT once FINAL or when expectedVersion is stale (0 for the first save). */
  async save(caller: Caller | null, meetingId: string, body: string, expectedVersion: number): Promise<MinutesModel> {
    const scope = await this.meetingAccess.scopeOf(meetingId);
    await this.meetingAccess.authorize(caller, scope, 'meeting.record');
    if (body.length > MAX_BODY) throw InvalidInputError.field('body', `must be at most ${MAX_BODY} characters`);
    if (!Number.isInteger(expectedVersion) || expectedVersion < 0)
      throw InvalidInputError.field('expectedVersion', 'must be 0 or more');
    return this.dataSource.transaction(async (m) => {
      const meeting = await this.meetings.lock(meetingId, m);
      if (!meeting) throw new NotFoundError('Meeting', meetingId);
      if (meeting.status !== MeetingStatus.IN_PROGRESS && meeting.status !== MeetingStatus.CLOSED)
        throw new ConflictError(`Meeting ${meetingId} is ${meeting.status}; minutes are written once it has started`);
      const saved =
        expectedVersion === 0
          ? await this.minutes.insertFirst(meetingId, body, m)
          : await this.minutes.save(meetingId, body, expectedVersion, m);
      if (!saved) {
        const [current] = await this.minutes.ofMeetings([meetingId], m);
        throw new ConflictError(
          current?.status === 'FINAL'
            ? `The minutes of meeting ${meetingId} are FINAL`
            : `The minutes of meeting ${meetingId} are at version ${current?.version ?? 0}, not ${expectedVersion}: reload them and retry`,
        );
      }
      return saved;
    });
  }

  /** CLOSED meetings only: DRAFT -> FINAL. */
  async approve(caller: Caller | null, meetingId: string): Promise<MinutesModel> {
    const scope = await this.meetingAccess.scopeOf(meetingId);
    await this.meetingAccess.authorize(caller, scope, 'meeting.record');
    return this.dataSource.transaction(async (m) => {
      const meeting = await this.meetings.lock(meetingId, m);
      if (!meeting) throw new NotFoundError('Meeting', meetingId);
      if (meeting.status !== MeetingStatus.CLOSED)
        throw new ConflictError(`Meeting ${meetingId} is ${meeting.status}; only a CLOSED meeting's minutes are approved`);
      const approved = await this.minutes.approve(meetingId, (caller as Caller).personId, m);
      if (!approved) throw new ConflictError(`Meeting ${meetingId} has no DRAFT minutes to approve`);
      await writeOutbox(m, TOPICS.minutesApproved, meetingId, {
        initiativeId: meeting.initiativeId,
        workingGroupId: meeting.groupId,
      });
      return approved;
    });
  }
}
