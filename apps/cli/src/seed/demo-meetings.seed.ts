import type { EntityManager } from 'typeorm';
import { TOPICS, writeOutbox } from '@app/platform';
import { DEMO_INITIATIVE_SLUG } from './demo-structure.seed';
import type { SeedStep } from './seed-step';

type Kind = 'INFORMATION' | 'DISCUSSION' | 'DECISION';
interface DemoAgendaItem {
  title: string;
  kind: Kind;
  /** 1 (21 July) or 2 (22 July). */
  session: 1 | 2;
  /** What it links to: the initiative's terms of reference (and their ballot), or a group's work plan. */
  link?: 'tor' | 'WG1' | 'WG2' | 'WG3';
  /** Linked to the catalogue's first core KPI of each dimension (the seed's KPI step runs before). */
  kpis?: boolean;
}

const ZONE = 'Europe/Zurich';

/** U4SSC's first meeting: ITU headquarters, Geneva, 21 July 2016 17:00-19:00 and 22 July 2016 09:00-16:00 (Geneva time). */
export const DEMO_FIRST_MEETING = {
  title: 'First meeting of U4SSC',
  purpose:
    'Approve the structure and the terms of reference of U4SSC, start the work plans of its three working groups and discuss the KPIs for smart sustainable cities.',
  venue: 'ITU headquarters, Rue de Varembé 2, Geneva',
  sessions: [
    { startsAt: '2016-07-21 17:00', endsAt: '2016-07-21 19:00', title: 'Opening session' },
    { startsAt: '2016-07-22 09:00', endsAt: '2016-07-22 16:00', title: 'Working session' },
  ],
  agenda: [
    { title: 'Opening of the meeting', kind: 'INFORMATION', session: 1 },
    { title: 'Approval of the structure', kind: 'DECISION', session: 1 },
    { title: 'Terms of reference of U4SSC', kind: 'DECISION', session: 2, link: 'tor' },
    { title: 'Work plan of WG1', kind: 'DISCUSSION', session: 2, link: 'WG1' },
    { title: 'Work plan of WG2', kind: 'DISCUSSION', session: 2, link: 'WG2' },
    { title: 'Work plan of WG3', kind: 'DISCUSSION', session: 2, link: 'WG3' },
    { title: 'The KPIs for smart sustainable cities', kind: 'DISCUSSION', session: 2, kpis: true },
    { title: 'Any other business', kind: 'INFORMATION', session: 2 },
  ] as DemoAgendaItem[],
  /** Decisions U4SSC-1/1..4, by the agenda position they were taken at, recorded on 22 July. */
  decisions: [
    { at: 2, text: 'The meeting approved the structure of U4SSC: a secretariat and three working groups, WG1, WG2 and WG3.' },
    {
      at: 3,
      text: 'The meeting agreed the draft terms of reference and asked the secretariat to put them to a ballot of the members.',
    },
    { at: 4, text: 'The meeting asked the chairs of WG1, WG2 and WG3 to submit their work plans for July 2016 - June 2017.' },
    {
      at: 7,
      text: 'The meeting agreed that WG1 drafts the KPIs for smart sustainable cities, to be presented at the next plenary.',
    },
  ],
  minutes: `# Minutes of the first meeting of U4SSC

Geneva, ITU headquarters, 21-22 July 2016.

## 1. Opening of the meeting
The secretariat opened the meeting and welcomed the participants.

## 2. Approval of the structure
Decision U4SSC-1/1.

## 3. Terms of reference
Decision U4SSC-1/2.

## 4-6. Work plans of WG1, WG2 and WG3
The chairs presented the outlines of their work plans. Decision U4SSC-1/3.

## 7. The KPIs for smart sustainable cities
Decision U4SSC-1/4.

## 8. Any other business
None.
`,
};

/**
 * Meetings of the demo: U4SSC meeting 1 (CLOSED, with its agenda, decisions U4SSC-1/1..4,
 * attendance and FINAL minutes) and one upcoming ANNOUNCED meeting per working group, three to
 * five weeks after the seed first runs. Idempotent: meeting 1 is written when the initiative
 * has no meeting 1, a group's meeting when the group has no meeting.
 */
export const demoMeetingsSeed: SeedStep = {
  name: 'demo meetings',
  async run(m: EntityManager): Promise<void> {
    const [initiative] = (await m.query(`SELECT id FROM initiative WHERE slug = $1`, [DEMO_INITIATIVE_SLUG])) as { id: string }[];
    if (!initiative) return;
    // Meeting numbers are taken under the same lock as scheduleMeeting's.
    await m.query(`SELECT pg_advisory_xact_lock(hashtextextended('meeting.number:' || $1::text, 0))`, [initiative.id]);
    await firstMeeting(m, initiative.id);
    await groupMeetings(m, initiative.id);
  },
};

async function firstMeeting(m: EntityManager, initiativeId: string): Promise<void> {
  const [exists] = (await m.query(`SELECT 1 FROM meeting WHERE initiative_id = $1 AND number = 1`, [initiativeId])) as unknown[];
  if (exists) return;
  const meeting = DEMO_FIRST_MEETING;
  const [secretariat] = (await m.query(`SELECT id FROM person WHERE lower(email) = 'secretariat@u4ssc.example'`)) as {
    id: string;
  }[];
  const [{ id: meetingId }] = (await m.query(
    `INSERT INTO meeting (initiative_id, number, title, purpose, venue, time_zone, status, version, created_at, closed_at)
     VALUES ($1, 1, $2, $3, $4, $5, 'CLOSED', $6, '2016-07-01T09:00:00Z', $7::timestamp AT TIME ZONE $5) RETURNING id`,
    [initiativeId, meeting.title, meeting.purpose, meeting.venue, ZONE, 4 + meeting.agenda.length, meeting.sessions[1].endsAt],
  )) as { id: string }[];
  const sessionIds: string[] = [];
  for (const s of meeting.sessions) {
    const [row] = (await m.query(
      `INSERT INTO meeting_session (meeting_id, starts_at, ends_at, title)
       VALUES ($1, $2::timestamp AT TIME ZONE $4, $3::timestamp AT TIME ZONE $4, $5) RETURNING id`,
      [meetingId, s.startsAt, s.endsAt, ZONE, s.title],
    )) as { id: string }[];
    sessionIds.push(row.id);
  }
  const [tor] = (await m.query(
    `SELECT t.id, (SELECT b.id FROM ballot b WHERE b.tor_id = t.id ORDER BY b.opens_at DESC LIMIT 1) AS "ballotId"
       FROM terms_of_reference t WHERE t.initiative_id = $1 AND t.working_group_id IS NULL`,
    [initiativeId],
  )) as { id: string; ballotId: string | null }[];
  const itemIds: string[] = [];
  for (const [i, item] of meeting.agenda.entries()) {
    const plan = item.link && item.link !== 'tor' ? await currentPlan(m, initiativeId, item.link) : null;
    const [row] = (await m.query(
      `INSERT INTO agenda_item (meeting_id, position, title, kind, session_id, terms_of_reference_id, ballot_id, work_plan_id, presenter_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        meetingId,
        i + 1,
        item.title,
        item.kind,
        sessionIds[item.session - 1],
        item.link === 'tor' ? (tor?.id ?? null) : null,
        item.link === 'tor' ? (tor?.ballotId ?? null) : null,
        plan,
        item.link?.startsWith('WG') ? await chairOf(m, initiativeId, item.link) : (secretariat?.id ?? null),
      ],
    )) as { id: string }[];
    itemIds.push(row.id);
    if (item.kpis)
      await m.query(
        `INSERT INTO agenda_item_kpi (agenda_item_id, kpi_id)
         SELECT $1, id FROM (SELECT DISTINCT ON (dimension) id FROM kpi WHERE initiative_id = $2 AND level = 'CORE'
                               ORDER BY dimension, code) k`,
        [row.id, initiativeId],
      );
  }
  for (const [i, decision] of meeting.decisions.entries()) {
    await m.query(
      `INSERT INTO decision (meeting_id, seq, number, text, agenda_item_id, recorded_by, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        meetingId,
        i + 1,
        `U4SSC-1/${i + 1}`,
        decision.text,
        itemIds[decision.at - 1],
        secretariat.id,
        `2016-07-22T13:${10 + i}:00Z`,
      ],
    );
  }
  // A plenary: every member of the initiative was invited; all but the observer attended.
  await m.query(
    `INSERT INTO meeting_participant (meeting_id, person_id, response, attended)
     SELECT $1, person_id, CASE WHEN role = 'OBSERVER' THEN 'NOT_ATTENDING' ELSE 'ATTENDING' END, role <> 'OBSERVER'
       FROM initiative_member WHERE initiative_id = $2`,
    [meetingId, initiativeId],
  );
  await m.query(
    `INSERT INTO minutes (meeting_id, body, status, version, updated_at, approved_at, approved_by)
     VALUES ($1, $2, 'FINAL', 2, '2016-08-15T10:00:00Z', '2016-09-01T10:00:00Z', $3)`,
    [meetingId, meeting.minutes, secretariat.id],
  );
}

/** For each group without a meeting: an ANNOUNCED two-hour online meeting, weeks ahead, with a short agenda. */
async function groupMeetings(m: EntityManager, initiativeId: string): Promise<void> {
  const groups = (await m.query(
    `SELECT g.id, g.code FROM working_group g WHERE g.initiative_id = $1
        AND NOT EXISTS (SELECT 1 FROM meeting mt WHERE mt.working_group_id = g.id) ORDER BY g.code`,
    [initiativeId],
  )) as { id: string; code: string }[];
  for (const [i, group] of groups.entries()) {
    const [{ id: meetingId, number }] = (await m.query(
      `INSERT INTO meeting (initiative_id, working_group_id, number, title, purpose, online_url, time_zone, status, version)
       SELECT $1, $2, coalesce(max(number), 0) + 1, $3, $4, $5, $6, 'ANNOUNCED', 4 FROM meeting WHERE initiative_id = $1
       RETURNING id, number`,
      [
        initiativeId,
        group.id,
        `${group.code} progress meeting`,
        `Review the progress of the ${group.code} work plan.`,
        `https://meet.example.org/u4ssc-${group.code.toLowerCase()}`,
        ZONE,
      ],
    )) as { id: string; number: number }[];
    const [session] = (await m.query(
      `INSERT INTO meeting_session (meeting_id, starts_at, ends_at)
       SELECT $1, (d + time '14:00') AT TIME ZONE $3, (d + time '16:00') AT TIME ZONE $3
         FROM (SELECT date_trunc('day', now() AT TIME ZONE $3) + make_interval(days => $2::int) AS d) x
       RETURNING id, starts_at AS "startsAt"`,
      [meetingId, 21 + 7 * i, ZONE],
    )) as { id: string; startsAt: Date }[];
    const plan = await currentPlan(m, initiativeId, group.code);
    await m.query(
      `INSERT INTO agenda_item (meeting_id, position, title, kind, session_id, work_plan_id)
       VALUES ($1, 1, $2, 'DISCUSSION', $3, $4), ($1, 2, 'Any other business', 'INFORMATION', $3, NULL)`,
      [meetingId, `Progress of the ${group.code} work plan`, session.id, plan],
    );
    await writeOutbox(m, TOPICS.meetingAnnounced, meetingId, {
      initiativeId,
      workingGroupId: group.id,
      number,
      status: 'ANNOUNCED',
      version: 4,
      startsAt: session.startsAt.toISOString(),
    });
  }
}

async function currentPlan(m: EntityManager, initiativeId: string, code: string): Promise<string | null> {
  const [plan] = (await m.query(
    `SELECT p.id FROM work_plan p JOIN working_group g ON g.id = p.working_group_id
      WHERE g.initiative_id = $1 AND g.code = $2 ORDER BY p.created_at DESC, p.id DESC LIMIT 1`,
    [initiativeId, code],
  )) as { id: string }[];
  return plan?.id ?? null;
}

async function chairOf(m: EntityManager, initiativeId: string, code: string): Promise<string | null> {
  const [chair] = (await m.query(
    `SELECT gm.person_id AS id FROM group_member gm JOIN working_group g ON g.id = gm.working_group_id
      WHERE g.initiative_id = $1 AND g.code = $2 AND gm.role = 'CHAIR' LIMIT 1`,
    [initiativeId, code],
  )) as { id: string }[];
  return chair?.id ?? null;
}
