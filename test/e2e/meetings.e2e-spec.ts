import { useFixtures } from '../support/fixtures';
import { errorCodes, ok, useGateway } from '../support/gateway-harness';
import {
  ANNOUNCE,
  CANCEL,
  CLOSE,
  GET_MEETING,
  meetingWorld,
  type MeetingWorld,
  RESPOND,
  scheduleMeeting,
  SCHEDULE,
  session,
  START,
  UPDATE_MEETING,
  ATTENDANCE,
  advance,
} from '../support/meeting-fixtures';

describe('meetings: scheduling, lifecycle, sessions and invitees', () => {
  let w: MeetingWorld;

  const gw = useGateway();
  const fx = useFixtures();
  beforeAll(async () => {
    w = await meetingWorld(fx);
  });

  const outboxTopics = async (subjectId: string) =>
    (await fx.query<{ topic: string }>(`SELECT topic FROM outbox_event WHERE subject_id = $1 ORDER BY id`, [subjectId])).map(
      (r) => r.topic,
    );

  describe('scheduleMeeting', () => {
    it('lets the group’s chairs and the SECRETARIAT schedule a group meeting, numbered within the initiative', async () => {
      const initiative = await fx.initiative({ timeZone: 'America/New_York' });
      const group = await fx.group(initiative.id);
      const secretariat = await fx.person(initiative.id, 'SECRETARIAT');
      const chair = await fx.person(initiative.id, 'MEMBER');
      const vice = await fx.person(initiative.id, 'MEMBER');
      await fx.groupRole(group.id, chair.id, 'CHAIR');
      await fx.groupRole(group.id, vice.id, 'VICE_CHAIR');
      const numbers = [];
      for (const caller of [chair, vice, secretariat]) {
        const meeting = await scheduleMeeting(gw, caller.token, { initiativeId: initiative.id, workingGroupId: group.id });
        expect(meeting).toMatchObject({
          status: 'DRAFT',
          version: 1,
          timeZone: 'America/New_York',
          workingGroup: { id: group.id },
        });
        numbers.push(meeting.number);
      }
      const plenary = await scheduleMeeting(gw, secretariat.token, { initiativeId: initiative.id, timeZone: 'Europe/Zurich' });
      expect(plenary).toMatchObject({ workingGroup: null, timeZone: 'Europe/Zurich', number: 4 });
      expect(numbers).toEqual([1, 2, 3]);
      expect(await outboxTopics(plenary.id)).toEqual(['meeting.scheduled']);
    });

    it('refuses others: chairs for a plenary, members, outsiders, other initiatives’ groups', async () => {
      const input = (fields: Record<string, unknown> = {}) => ({
        input: {
          initiativeId: w.initiativeId,
          workingGroupId: w.groupId,
          title: 'T',
          sessions: [session('2030-01-01T09:00:00Z')],
          ...fields,
        },
      });
      expect(errorCodes(await gw.gql(SCHEDULE, input({ workingGroupId: null }), w.chair.token))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await gw.gql(SCHEDULE, input(), w.member.token))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await gw.gql(SCHEDULE, input(), w.observer.token))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await gw.gql(SCHEDULE, input(), w.outsider.token))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await gw.gql(SCHEDULE, input()))).toEqual(['UNAUTHENTICATED']);
      const other = await fx.initiative();
      const otherGroup = await fx.group(other.id);
      expect(errorCodes(await gw.gql(SCHEDULE, input({ workingGroupId: otherGroup.id }), w.secretariat.token))).toEqual([
        'NOT_FOUND',
      ]);
      expect(
        errorCodes(await gw.gql(SCHEDULE, input({ initiativeId: 'nope', workingGroupId: null }), w.secretariat.token)),
      ).toEqual(['NOT_FOUND']);
      expect(errorCodes(await gw.gql(SCHEDULE, input({ timeZone: 'Mars/Olympus' }), w.chair.token))).toEqual(['BAD_USER_INPUT']);
    });
  });

  describe('sessions', () => {
    const schedule = (sessions: unknown[]) =>
      gw.gql<{ scheduleMeeting: { sessions: { startsAt: string; endsAt: string }[] } }>(
        SCHEDULE,
        { input: { initiativeId: w.initiativeId, workingGroupId: w.groupId, title: 'S', timeZone: 'Europe/Zurich', sessions } },
        w.chair.token,
      );

    it('stores sessions across the daylight-saving changes of Europe/Zurich in UTC', async () => {
      // 27 March 2016, 02:00 CET -> 03:00 CEST; 30 October 2016, 03:00 CEST -> 02:00 CET.
      const spring = { startsAt: '2016-03-27T01:30:00+01:00', endsAt: '2016-03-27T03:30:00+02:00', title: 'Spring forward' };
      const autumn = { startsAt: '2016-10-30T02:30:00+02:00', endsAt: '2016-10-30T02:30:00+01:00', title: 'Fall back' };
      const meeting = ok(await schedule([autumn, spring])).scheduleMeeting;
      expect(meeting.sessions).toEqual([
        {
          id: expect.any(String),
          startsAt: '2016-03-27T00:30:00.000Z',
          endsAt: '2016-03-27T01:30:00.000Z',
          title: 'Spring forward',
        },
        { id: expect.any(String), startsAt: '2016-10-30T00:30:00.000Z', endsAt: '2016-10-30T01:30:00.000Z', title: 'Fall back' },
      ]);
      const rows = await fx.query<{ local: string; hours: string }>(
        `SELECT to_char(s.starts_at AT TIME ZONE m.time_zone, 'YYYY-MM-DD HH24:MI') || '-' ||
                to_char(s.ends_at AT TIME ZONE m.time_zone, 'HH24:MI') AS local,
                extract(epoch FROM s.ends_at - s.starts_at) / 3600 AS hours
           FROM meeting_session s JOIN meeting m ON m.id = s.meeting_id
          WHERE s.meeting_id = $1 ORDER BY s.starts_at`,
        [(meeting as unknown as { id: string }).id],
      );
      expect(rows.map((r) => [r.local, Number(r.hours)])).toEqual([
        ['2016-03-27 01:30-03:30', 1],
        ['2016-10-30 02:30-02:30', 1],
      ]);
    });

    it('refuses no sessions, more than 14, empty or inverted ones, and overlaps', async () => {
      const fields = async (sessions: unknown[]) => (await schedule(sessions)).errors?.[0].extensions.fields;
      expect(await fields([])).toEqual([{ field: 'input.sessions', message: 'must list 1 to 14 sessions' }]);
      const fifteen = Array.from({ length: 15 }, (_, i) => session(`2030-08-${String(i + 1).padStart(2, '0')}T09:00:00Z`));
      expect(errorCodes(await schedule(fifteen))).toEqual(['BAD_USER_INPUT']);
      expect(ok(await schedule(fifteen.slice(0, 14))).scheduleMeeting.sessions).toHaveLength(14);
      expect(await fields([{ startsAt: '2030-01-01T09:00:00Z', endsAt: '2030-01-01T09:00:00Z' }])).toEqual([
        { field: 'input.sessions', message: 'each session must end after it starts' },
      ]);
      expect(await fields([session('2030-01-01T09:00:00Z'), session('2030-01-01T10:00:00Z')])).toEqual([
        { field: 'input.sessions', message: 'sessions must not overlap' },
      ]);
      expect(
        ok(await schedule([session('2030-01-01T09:00:00Z'), session('2030-01-01T11:00:00Z')])).scheduleMeeting.sessions,
      ).toHaveLength(2);
    });
  });

  describe('lifecycle', () => {
    it('goes DRAFT -> ANNOUNCED -> IN_PROGRESS -> CLOSED, refusing every other transition with CONFLICT', async () => {
      const meeting = await scheduleMeeting(gw, w.chair.token, { initiativeId: w.initiativeId, workingGroupId: w.groupId });
      const run = async (op: string, token = w.chair.token) =>
        gw.gql<Record<string, { status: string }>>(op, { id: meeting.id }, token);
      expect(errorCodes(await run(START))).toEqual(['CONFLICT']);
      expect(errorCodes(await run(CLOSE))).toEqual(['CONFLICT']);
      expect(Object.values(ok(await run(ANNOUNCE)))[0].status).toBe('ANNOUNCED');
      expect(errorCodes(await run(ANNOUNCE))).toEqual(['CONFLICT']);
      expect(errorCodes(await run(CLOSE))).toEqual(['CONFLICT']);
      expect(Object.values(ok(await run(START)))[0].status).toBe('IN_PROGRESS');
      expect(errorCodes(await gw.gql(CANCEL, { id: meeting.id, reason: 'x' }, w.chair.token))).toEqual(['CONFLICT']);
      expect(Object.values(ok(await run(CLOSE)))[0].status).toBe('CLOSED');
      for (const op of [ANNOUNCE, START, CLOSE]) expect(errorCodes(await run(op))).toEqual(['CONFLICT']);
      expect(errorCodes(await gw.gql(CANCEL, { id: meeting.id, reason: 'x' }, w.chair.token))).toEqual(['CONFLICT']);
      expect(
        errorCodes(await gw.gql(UPDATE_MEETING, { input: { id: meeting.id, expectedVersion: 4, title: 'Late' } }, w.chair.token)),
      ).toEqual(['CONFLICT']);
      expect(await outboxTopics(meeting.id)).toEqual([
        'meeting.scheduled',
        'meeting.announced',
        'meeting.started',
        'meeting.closed',
      ]);
      const version = ok(await gw.gql<{ meeting: { version: number } }>(GET_MEETING, { id: meeting.id }, w.member.token)).meeting
        .version;
      expect(version).toBe(4);
    });

    it('cancels a DRAFT or ANNOUNCED meeting with a reason, after which nothing changes', async () => {
      for (const announced of [false, true]) {
        const meeting = await scheduleMeeting(gw, w.vice.token, { initiativeId: w.initiativeId, workingGroupId: w.groupId });
        if (announced) ok(await gw.gql(ANNOUNCE, { id: meeting.id }, w.vice.token));
        expect(errorCodes(await gw.gql(CANCEL, { id: meeting.id, reason: '  ' }, w.vice.token))).toEqual(['BAD_USER_INPUT']);
        const cancelled = ok(
          await gw.gql<{ cancelMeeting: unknown }>(CANCEL, { id: meeting.id, reason: 'No quorum' }, w.vice.token),
        );
        expect(cancelled.cancelMeeting).toEqual({ id: meeting.id, status: 'CANCELLED', cancellationReason: 'No quorum' });
        for (const op of [ANNOUNCE, START, CLOSE])
          expect(errorCodes(await gw.gql(op, { id: meeting.id }, w.vice.token))).toEqual(['CONFLICT']);
        expect(errorCodes(await gw.gql(RESPOND, { meetingId: meeting.id, response: 'ATTENDING' }, w.member.token))).toEqual([
          'CONFLICT',
        ]);
      }
    });

    it('updates details and sessions at expectedVersion; a stale version is a CONFLICT and changes nothing', async () => {
      const meeting = await scheduleMeeting(gw, w.chair.token, { initiativeId: w.initiativeId, workingGroupId: w.groupId });
      const updated = ok(
        await gw.gql<{
          updateMeeting: { title: string; version: number; sessions: unknown[]; startsAt: string; endsAt: string };
        }>(
          UPDATE_MEETING,
          {
            input: {
              id: meeting.id,
              expectedVersion: 1,
              title: 'Renamed',
              sessions: [session('2030-09-02T07:00:00Z', 7), session('2030-09-01T15:00:00Z')],
            },
          },
          w.chair.token,
        ),
      ).updateMeeting;
      expect(updated).toMatchObject({
        title: 'Renamed',
        version: 2,
        startsAt: '2030-09-01T15:00:00.000Z',
        endsAt: '2030-09-02T14:00:00.000Z',
      });
      expect(updated.sessions).toHaveLength(2);
      const stale = await gw.gql(UPDATE_MEETING, { input: { id: meeting.id, expectedVersion: 1, title: 'Lost' } }, w.chair.token);
      expect(errorCodes(stale)).toEqual(['CONFLICT']);
      expect(
        errorCodes(await gw.gql(UPDATE_MEETING, { input: { id: meeting.id, expectedVersion: 2, title: 'X' } }, w.member.token)),
      ).toEqual(['NOT_FOUND']);
      const now = ok(await gw.gql<{ meeting: { title: string } }>(GET_MEETING, { id: meeting.id }, w.chair.token)).meeting;
      expect(now.title).toBe('Renamed');
      expect(await outboxTopics(meeting.id)).toEqual(['meeting.scheduled', 'meeting.updated']);
    });

    it('shows a DRAFT only to the SECRETARIAT and the group’s chairs; others see it once announced', async () => {
      const meeting = await scheduleMeeting(gw, w.chair.token, { initiativeId: w.initiativeId, workingGroupId: w.groupId });
      for (const caller of [w.secretariat, w.chair, w.vice])
        expect(ok(await gw.gql<{ meeting: { id: string } }>(GET_MEETING, { id: meeting.id }, caller.token)).meeting.id).toBe(
          meeting.id,
        );
      for (const caller of [w.member, w.groupObserver, w.initiativeMember, w.observer, w.outsider])
        expect(errorCodes(await gw.gql(GET_MEETING, { id: meeting.id }, caller.token))).toEqual(['NOT_FOUND']);
      const list = `query($slug: String!) { initiative(slug: $slug) { meetings(first: 200) { edges { node { id } } } } }`;
      const ids = async (token: string) =>
        ok(
          await gw.gql<{ initiative: { meetings: { edges: { node: { id: string } }[] } } }>(list, { slug: w.slug }, token),
        ).initiative.meetings.edges.map((e) => e.node.id);
      expect(await ids(w.chair.token)).toContain(meeting.id);
      expect(await ids(w.member.token)).not.toContain(meeting.id);
      ok(await gw.gql(ANNOUNCE, { id: meeting.id }, w.chair.token));
      expect(await ids(w.member.token)).toContain(meeting.id);
      for (const caller of [w.member, w.observer])
        expect(ok(await gw.gql<{ meeting: { id: string } }>(GET_MEETING, { id: meeting.id }, caller.token)).meeting.id).toBe(
          meeting.id,
        );
      expect(errorCodes(await gw.gql(GET_MEETING, { id: meeting.id }, w.outsider.token))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await gw.gql(GET_MEETING, { id: 'nope' }, w.member.token))).toEqual(['NOT_FOUND']);
    });
  });

  describe('invitees', () => {
    const PARTICIPANTS = `query($id: ID!, $response: RsvpResponse) { meeting(id: $id) {
      participants(response: $response, first: 200) { totalCount edges { node { person { id } response attended } } }
      myParticipation { response } } }`;
    const invitees = async (id: string, token = w.secretariat.token, response: string | null = null) =>
      ok(
        await gw.gql<{
          meeting: { participants: { totalCount: number; edges: { node: { person: { id: string }; response: string } }[] } };
        }>(PARTICIPANTS, { id, response }, token),
      ).meeting.participants;

    it('invites the group’s members (observers too) to a group meeting and every initiative member to a plenary', async () => {
      const group = await scheduleMeeting(gw, w.chair.token, { initiativeId: w.initiativeId, workingGroupId: w.groupId });
      const groupIds = [w.chair, w.vice, w.member, w.member2, w.groupObserver].map((p) => p.id).sort();
      expect((await invitees(group.id)).edges.map((e) => e.node.person.id).sort()).toEqual(groupIds);
      const plenary = await scheduleMeeting(gw, w.secretariat.token, { initiativeId: w.initiativeId });
      const all = [w.secretariat, w.chair, w.vice, w.member, w.member2, w.groupObserver, w.initiativeMember, w.observer];
      expect((await invitees(plenary.id)).totalCount).toBe(all.length);
    });

    it('takes invitees’ answers, follows memberships until the start and then fixes the list', async () => {
      const meeting = await scheduleMeeting(gw, w.chair.token, { initiativeId: w.initiativeId, workingGroupId: w.groupId });
      await advance(gw, w.chair.token, meeting.id, 'ANNOUNCED');
      const answer = await gw.gql<{ respondToMeeting: unknown }>(
        RESPOND,
        { meetingId: meeting.id, response: 'ATTENDING' },
        w.member.token,
      );
      expect(ok(answer).respondToMeeting).toEqual({ person: { id: w.member.id }, response: 'ATTENDING', attended: null });
      ok(await gw.gql(RESPOND, { meetingId: meeting.id, response: 'TENTATIVE' }, w.groupObserver.token));
      expect(
        errorCodes(await gw.gql(RESPOND, { meetingId: meeting.id, response: 'ATTENDING' }, w.initiativeMember.token)),
      ).toEqual(['FORBIDDEN']);
      expect(errorCodes(await gw.gql(RESPOND, { meetingId: meeting.id, response: 'ATTENDING' }, w.outsider.token))).toEqual([
        'NOT_FOUND',
      ]);
      expect((await invitees(meeting.id, w.member.token, 'ATTENDING')).edges.map((e) => e.node.person.id)).toEqual([w.member.id]);

      const newcomer = await fx.person(w.initiativeId, 'MEMBER');
      await fx.groupRole(w.groupId, newcomer.id, 'MEMBER');
      expect((await invitees(meeting.id)).totalCount).toBe(6);
      ok(await gw.gql(START, { id: meeting.id }, w.chair.token));
      await fx.query(`DELETE FROM group_member WHERE working_group_id = $1 AND person_id = $2`, [w.groupId, newcomer.id]);
      const late = await fx.person(w.initiativeId, 'MEMBER');
      await fx.groupRole(w.groupId, late.id, 'MEMBER');
      const fixed = await invitees(meeting.id);
      expect(fixed.totalCount).toBe(6);
      expect(fixed.edges.map((e) => e.node.person.id)).toContain(newcomer.id);
      expect(fixed.edges.map((e) => e.node.person.id)).not.toContain(late.id);
      await fx.query(`DELETE FROM group_member WHERE working_group_id = $1 AND person_id = $2`, [w.groupId, late.id]);

      const marked = ok(
        await gw.gql<{ recordAttendance: { person: { id: string }; attended: boolean }[] }>(
          ATTENDANCE,
          { meetingId: meeting.id, personIds: [w.member.id, w.chair.id], attended: true },
          w.chair.token,
        ),
      ).recordAttendance;
      expect(marked.map((p) => [p.person.id, p.attended]).sort()).toEqual(
        [
          [w.chair.id, true],
          [w.member.id, true],
        ].sort(),
      );
      const stranger = await gw.gql(
        ATTENDANCE,
        { meetingId: meeting.id, personIds: [w.initiativeMember.id], attended: true },
        w.chair.token,
      );
      expect(errorCodes(stranger)).toEqual(['BAD_USER_INPUT']);
      expect(
        errorCodes(await gw.gql(ATTENDANCE, { meetingId: meeting.id, personIds: [w.member.id], attended: true }, w.member.token)),
      ).toEqual(['FORBIDDEN']);
    });
  });
});
