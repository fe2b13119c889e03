import type { INestApplicationContext } from '@nestjs/common';
import ICAL from 'ical.js';
import type { ParsedMail } from 'mailparser';
import { type Fixtures, useFixtures } from '../support/fixtures';
import { type GatewayUnderTest, ok, useGateway } from '../support/gateway-harness';
import {
  ANNOUNCE,
  APPROVE_MINUTES,
  CANCEL,
  CLOSE,
  SAVE_MINUTES,
  SCHEDULE,
  START,
  UPDATE_MEETING,
} from '../support/meeting-fixtures';
import { useDatabaseOfItsOwn } from '../support/own-database';
import { count, dueSoon, LEAD_MS, planned, reminderPolicy, settled, sleep, startWorker } from '../support/reminders';
import { SmtpSink } from '../support/smtp-sink';

useDatabaseOfItsOwn();

/** An initiative with a secretariat and a group: chair, vice-chair, member, observer, and a member who wants no e-mail. */
async function scene(fx: Fixtures) {
  const initiative = await fx.initiative({ timeZone: 'Europe/Zurich' });
  const group = await fx.group(initiative.id);
  const secretariat = await fx.person(initiative.id, 'SECRETARIAT');
  const chair = await fx.person(initiative.id, 'MEMBER', { name: 'Ana Chair', timeZone: 'Europe/Zurich' });
  const vice = await fx.person(initiative.id, 'MEMBER', { name: 'Vic Vice', timeZone: 'America/New_York' });
  const member = await fx.person(initiative.id, 'MEMBER', { name: 'Mo Member', timeZone: 'Asia/Tokyo' });
  const observer = await fx.person(initiative.id, 'OBSERVER', { name: 'Obi Observer' });
  const quiet = await fx.person(initiative.id, 'MEMBER', { name: 'Quinn Quiet' });
  await fx.groupRole(group.id, chair.id, 'CHAIR');
  await fx.groupRole(group.id, vice.id, 'VICE_CHAIR');
  await fx.groupRole(group.id, member.id, 'MEMBER');
  await fx.groupRole(group.id, observer.id, 'OBSERVER');
  await fx.groupRole(group.id, quiet.id, 'MEMBER');
  await fx.query(`INSERT INTO notification_preferences (person_id, email_mode) VALUES ($1, 'OFF')`, [quiet.id]);
  return { initiativeId: initiative.id, groupId: group.id, secretariat, chair, vice, member, observer, quiet };
}
type Scene = Awaited<ReturnType<typeof scene>>;
const mailed = (s: Scene) => [s.chair, s.vice, s.member, s.observer];

/** The .ics attachment of an e-mail, parsed with ical.js. */
function invitationOf(mail: ParsedMail, file = 'invitation.ics', files = ['invitation.ics']) {
  const attached = mail.attachments.filter((a) => a.filename?.endsWith('.ics'));
  expect(attached.map((f) => [f.filename, f.contentType])).toEqual(files.map((f) => [f, 'text/calendar']));
  const calendar = new ICAL.Component(ICAL.parse(attached.find((a) => a.filename === file)!.content.toString('utf8')));
  const zone = calendar.getFirstSubcomponent('vtimezone')!;
  ICAL.TimezoneService.reset();
  ICAL.TimezoneService.register(zone);
  const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  return {
    method: calendar.getFirstPropertyValue('method'),
    tzid: zone.getFirstPropertyValue('tzid'),
    events: events.map((e) => ({
      uid: e.uid,
      sequence: e.sequence,
      status: e.component.getFirstPropertyValue('status'),
      tzid: e.component.getFirstProperty('dtstart')!.getParameter('tzid'),
      local: `${e.startDate.toString()}/${e.endDate.toString()}`,
      utc: e.startDate.toJSDate().toISOString(),
      attendee: e.attendees.map((a) => a.getFirstValue()),
    })),
  };
}

const ZURICH_SESSIONS = [
  { startsAt: '2030-07-21T15:00:00.000Z', endsAt: '2030-07-21T17:00:00.000Z' },
  { startsAt: '2030-07-22T07:00:00.000Z', endsAt: '2030-07-22T14:00:00.000Z', title: 'Day two' },
];

async function notificationsOf(fx: Fixtures, meetingId: string, personId: string) {
  return fx.query<{ kind: string; emailed: boolean; title: string }>(
    `SELECT kind, emailed_at IS NOT NULL AS emailed, title FROM notification WHERE subject_id = $1 AND person_id = $2 ORDER BY created_at, kind`,
    [meetingId, personId],
  );
}

async function feedOf(gateway: GatewayUnderTest, token: string) {
  const url = ok(await gateway.gql<{ myCalendarFeedUrl: string }>(`{ myCalendarFeedUrl }`, {}, token)).myCalendarFeedUrl;
  const response = await fetch(gateway.url + new URL(url).pathname);
  expect(response.status).toBe(200);
  const calendar = new ICAL.Component(ICAL.parse(await response.text()));
  return calendar.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid,
      summary: e.summary,
      start: e.startDate.toJSDate().toISOString(),
      end: e.endDate.toJSDate().toISOString(),
      status: v.getFirstPropertyValue('status'),
    };
  });
}

describe('meetings’ notifications (real worker, Redis and SMTP sink)', () => {
  const sink = new SmtpSink();
  beforeAll(() => sink.start());
  const gateway = useGateway(() => ({ SMTP_URL: sink.url }));
  const env = () => ({ QUEUE_PREFIX: gateway.config.QUEUE_PREFIX, SMTP_URL: sink.url });
  let worker: INestApplicationContext | null = null;
  beforeAll(async () => {
    worker = await startWorker(env());
  });
  afterAll(async () => {
    await worker?.close();
  });
  const fx = useFixtures();
  afterAll(() => sink.stop());

  it('announce, update, cancel: each invitee is told once, by their e-mail mode, with an iCalendar invitation that calendars replace', async () => {
    const s = await scene(fx);
    const meeting = ok(
      await gateway.gql<{ scheduleMeeting: { id: string; version: number } }>(
        SCHEDULE,
        {
          input: {
            initiativeId: s.initiativeId,
            workingGroupId: s.groupId,
            title: 'WG meeting 2',
            venue: 'ITU headquarters, Rue de Varembé 2, Geneva',
            timeZone: 'Europe/Zurich',
            sessions: ZURICH_SESSIONS,
          },
        },
        s.chair.token,
      ),
    ).scheduleMeeting;
    // A DRAFT tells nobody, even when it changes.
    ok(await gateway.gql(UPDATE_MEETING, { input: { id: meeting.id, expectedVersion: 1, purpose: 'Work plan' } }, s.chair.token));
    await planned(fx, [meeting.id]);
    expect(await fx.query(`SELECT 1 FROM notification WHERE subject_id = $1`, [meeting.id])).toEqual([]);

    ok(await gateway.gql(ANNOUNCE, { id: meeting.id }, s.chair.token));
    await sink.waitFor(() => mailed(s).every((p) => count(sink.to(p.email), 'Meeting announced') === 1), 45_000);
    const announced = invitationOf(sink.to(s.member.email)[0]);
    const uids = [`meeting-${meeting.id}-1@wgcollab`, `meeting-${meeting.id}-2@wgcollab`];
    expect(announced).toEqual({
      method: 'REQUEST',
      tzid: 'Europe/Zurich',
      events: [
        {
          uid: uids[0],
          sequence: 0,
          status: 'CONFIRMED',
          tzid: 'Europe/Zurich',
          local: '2030-07-21T17:00:00/2030-07-21T19:00:00',
          utc: '2030-07-21T15:00:00.000Z',
          attendee: [`mailto:${s.member.email}`],
        },
        {
          uid: uids[1],
          sequence: 0,
          status: 'CONFIRMED',
          tzid: 'Europe/Zurich',
          local: '2030-07-22T09:00:00/2030-07-22T16:00:00',
          utc: '2030-07-22T07:00:00.000Z',
          attendee: [`mailto:${s.member.email}`],
        },
      ],
    });
    // The e-mail speaks the reader's zone and links to the meeting page.
    const text = sink.to(s.member.email)[0].text ?? '';
    expect(text).toContain('Mon, 22 Jul 2030, 00:00 (Asia/Tokyo)');
    expect(text).toContain(`/meetings/${meeting.id}`);

    // Updated while announced: the same UIDs, SEQUENCE + 1, the new times.
    ok(
      await gateway.gql(
        UPDATE_MEETING,
        {
          input: {
            id: meeting.id,
            expectedVersion: 3,
            sessions: [{ ...ZURICH_SESSIONS[0], startsAt: '2030-07-21T14:00:00.000Z' }, ZURICH_SESSIONS[1]],
          },
        },
        s.chair.token,
      ),
    );
    await sink.waitFor(() => mailed(s).every((p) => count(sink.to(p.email), 'Meeting updated') === 1), 45_000);
    const update = invitationOf(sink.to(s.vice.email).find((m) => m.subject?.startsWith('Meeting updated'))!);
    expect(update.method).toBe('REQUEST');
    expect(update.events.map((e) => [e.uid, e.sequence, e.local])).toEqual([
      [uids[0], 1, '2030-07-21T16:00:00/2030-07-21T19:00:00'],
      [uids[1], 1, '2030-07-22T09:00:00/2030-07-22T16:00:00'],
    ]);

    // The second session removed: the first is requested again, the second cancelled in a file of its own.
    ok(
      await gateway.gql(
        UPDATE_MEETING,
        {
          input: {
            id: meeting.id,
            expectedVersion: 4,
            sessions: [{ ...ZURICH_SESSIONS[0], startsAt: '2030-07-21T14:00:00.000Z' }],
          },
        },
        s.chair.token,
      ),
    );
    await sink.waitFor(() => mailed(s).every((p) => count(sink.to(p.email), 'Meeting updated') === 2), 45_000);
    const shorter = sink.to(s.chair.email).filter((m) => m.subject?.startsWith('Meeting updated'))[1];
    const both = ['invitation.ics', 'cancelled.ics'];
    const kept = invitationOf(shorter, 'invitation.ics', both);
    const dropped = invitationOf(shorter, 'cancelled.ics', both);
    expect([kept.method, kept.events.map((e) => [e.uid, e.sequence, e.status])]).toEqual([
      'REQUEST',
      [[uids[0], 2, 'CONFIRMED']],
    ]);
    expect([dropped.method, dropped.events.map((e) => [e.uid, e.sequence, e.status])]).toEqual([
      'CANCEL',
      [[uids[1], 2, 'CANCELLED']],
    ]);

    // Cancelled: METHOD:CANCEL for the same UIDs, SEQUENCE + 1 again.
    ok(await gateway.gql(CANCEL, { id: meeting.id, reason: 'Venue unavailable' }, s.chair.token));
    await sink.waitFor(() => mailed(s).every((p) => count(sink.to(p.email), 'Meeting cancelled') === 1), 45_000);
    const cancel = invitationOf(sink.to(s.observer.email).find((m) => m.subject?.startsWith('Meeting cancelled'))!);
    expect(cancel.method).toBe('CANCEL');
    expect(cancel.events.map((e) => [e.uid, e.sequence, e.status])).toEqual([[uids[0], 3, 'CANCELLED']]);

    await settled(fx, [meeting.id]);
    await sleep(1500);
    for (const p of mailed(s)) {
      expect(sink.to(p.email).map((m) => m.subject)).toEqual([
        'Meeting announced: WG meeting 2',
        'Meeting updated: WG meeting 2',
        'Meeting updated: WG meeting 2',
        'Meeting cancelled: WG meeting 2',
      ]);
      expect((await notificationsOf(fx, meeting.id, p.id)).map((n) => [n.kind, n.emailed])).toEqual([
        ['MEETING_ANNOUNCED', true],
        ['MEETING_UPDATED', true],
        ['MEETING_UPDATED', true],
        ['MEETING_CANCELLED', true],
      ]);
    }
    // E-mail OFF: in-app only, seen in GraphQL like every notification.
    expect(sink.to(s.quiet.email)).toEqual([]);
    const inApp = ok(
      await gateway.gql<{ myNotifications: { edges: { node: { kind: string; subjectId: string; title: string } }[] } }>(
        `{ myNotifications(first: 10) { edges { node { kind subjectId title } } } }`,
        {},
        s.quiet.token,
      ),
    ).myNotifications.edges.map((e) => [e.node.kind, e.node.subjectId, e.node.title]);
    expect(inApp).toEqual([
      ['MEETING_CANCELLED', meeting.id, 'Meeting cancelled: WG meeting 2'],
      ['MEETING_UPDATED', meeting.id, 'Meeting updated: WG meeting 2'],
      ['MEETING_UPDATED', meeting.id, 'Meeting updated: WG meeting 2'],
      ['MEETING_ANNOUNCED', meeting.id, 'Meeting announced: WG meeting 2'],
    ]);
    // The secretariat is not invited to a group meeting.
    expect(sink.to(s.secretariat.email)).toEqual([]);

    // The calendar feed shows the meeting's session with its invitation's UID, cancelled.
    expect(await feedOf(gateway, s.member.token)).toEqual([
      {
        uid: uids[0],
        summary: 'WG meeting 2',
        start: '2030-07-21T14:00:00.000Z',
        end: '2030-07-21T17:00:00.000Z',
        status: 'CANCELLED',
      },
    ]);
    expect(await feedOf(gateway, s.secretariat.token)).toEqual([]);
  }, 150_000);

  it('the calendar feed lists the sessions of announced meetings to their invitees, not DRAFT ones', async () => {
    const s = await scene(fx);
    const input = { initiativeId: s.initiativeId, title: 'Plenary', timeZone: 'Europe/Zurich', sessions: [ZURICH_SESSIONS[0]] };
    const plenary = ok(
      await gateway.gql<{ scheduleMeeting: { id: string } }>(SCHEDULE, { input }, s.secretariat.token),
    ).scheduleMeeting;
    expect(await feedOf(gateway, s.member.token)).toEqual([]);
    ok(await gateway.gql(ANNOUNCE, { id: plenary.id }, s.secretariat.token));
    const expected = [
      {
        uid: `meeting-${plenary.id}-1@wgcollab`,
        summary: 'Plenary',
        start: ZURICH_SESSIONS[0].startsAt,
        end: ZURICH_SESSIONS[0].endsAt,
        status: null,
      },
    ];
    // A plenary invites every member of the initiative, the secretariat too.
    expect(await feedOf(gateway, s.member.token)).toEqual(expected);
    expect(await feedOf(gateway, s.secretariat.token)).toEqual(expected);
    await planned(fx, [plenary.id]);
  }, 90_000);

  it('MEETING_UPCOMING at the lead time, exactly once per invitee across a worker restart', async () => {
    const s = await scene(fx);
    await reminderPolicy(fx, s.initiativeId, [LEAD_MS], false);
    // 10 s more than other reminder tests: the announcement's e-mails are delivered before the restart.
    const startsAt = dueSoon(10_000);
    const meeting = ok(
      await gateway.gql<{ scheduleMeeting: { id: string } }>(
        SCHEDULE,
        {
          input: {
            initiativeId: s.initiativeId,
            workingGroupId: s.groupId,
            title: 'Soon',
            sessions: [{ startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString() }],
          },
        },
        s.chair.token,
      ),
    ).scheduleMeeting;
    ok(await gateway.gql(ANNOUNCE, { id: meeting.id }, s.chair.token));
    await planned(fx, [meeting.id]);
    expect(
      await fx.query(`SELECT kind, lead_ms::int AS "leadMs", recipient_key AS key FROM planned_reminder WHERE subject_id = $1`, [
        meeting.id,
      ]),
    ).toEqual([{ kind: 'MEETING_UPCOMING', leadMs: 6000, key: 'invitees' }]);
    // A restart before the reminder is due (once the announcement is delivered): the new worker fires it from PostgreSQL's plan.
    await sink.waitFor(() => mailed(s).every((p) => count(sink.to(p.email), 'Meeting announced') === 1), 45_000);
    await worker!.close();
    worker = null;
    await sleep(1000);
    worker = await startWorker(env());
    await sink.waitFor(() => mailed(s).every((p) => count(sink.to(p.email), 'Meeting in 6 seconds') === 1), 45_000);
    await settled(fx, [meeting.id]);
    await sleep(2000);
    for (const p of mailed(s))
      expect(sink.to(p.email).map((m) => m.subject)).toEqual(['Meeting announced: Soon', 'Meeting in 6 seconds: Soon']);
    expect((await notificationsOf(fx, meeting.id, s.quiet.id)).map((n) => n.kind)).toEqual([
      'MEETING_ANNOUNCED',
      'MEETING_UPCOMING',
    ]);
    expect(sink.to(s.secretariat.email)).toEqual([]);
  }, 120_000);

  it('MINUTES_MISSING to the group’s chairs 10 days after closing without FINAL minutes, once; none when FINAL', async () => {
    const s = await scene(fx);
    const meetings: string[] = [];
    for (const title of ['Without minutes', 'With minutes']) {
      const { id } = ok(
        await gateway.gql<{ scheduleMeeting: { id: string } }>(
          SCHEDULE,
          { input: { initiativeId: s.initiativeId, workingGroupId: s.groupId, title, sessions: [ZURICH_SESSIONS[0]] } },
          s.chair.token,
        ),
      ).scheduleMeeting;
      for (const step of [ANNOUNCE, START, CLOSE]) ok(await gateway.gql(step, { id }, s.chair.token));
      meetings.push(id);
    }
    ok(await gateway.gql(SAVE_MINUTES, { meetingId: meetings[1], body: '# Minutes', expectedVersion: 0 }, s.chair.token));
    ok(await gateway.gql(APPROVE_MINUTES, { meetingId: meetings[1] }, s.chair.token));
    await planned(fx, meetings);
    // Time passes by the database clock: both closed 10 days ago (less 2 s), as the service records a close.
    await fx.query(
      `WITH m AS (UPDATE meeting SET closed_at = now() - interval '10 days' + interval '2 seconds' WHERE id = ANY($1::uuid[]) RETURNING id)
       INSERT INTO outbox_event (topic, subject_id) SELECT 'meeting.closed', id FROM m`,
      [meetings],
    );
    await sink.waitFor(() => [s.chair, s.vice].every((p) => count(sink.to(p.email), 'Minutes missing') === 1), 45_000);
    await settled(fx, meetings);
    await sleep(2000);
    for (const p of [s.chair, s.vice]) {
      expect(
        sink
          .to(p.email)
          .filter((m) => m.subject?.startsWith('Minutes missing'))
          .map((m) => m.subject),
      ).toEqual(['Minutes missing: Without minutes']);
      expect(sink.to(p.email).find((m) => m.subject?.startsWith('Minutes missing'))!.text).toContain(`/meetings/${meetings[0]}`);
    }
    for (const p of [s.member, s.observer, s.secretariat]) expect(count(sink.to(p.email), 'Minutes missing')).toBe(0);
    const [{ n }] = await fx.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM notification WHERE kind = 'MINUTES_MISSING' AND subject_id = ANY($1::uuid[])`,
      [meetings],
    );
    expect(n).toBe(2);
  }, 120_000);
});
