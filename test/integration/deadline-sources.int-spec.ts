import { createHash, randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type DeadlineSource, type DeadlineSubjectType, TOPICS } from '@app/platform';
import { DeadlineSources, OutboxDrain } from '@app/reminders';
import { useFixtures } from '../support/fixtures';
import { useDatabaseOfItsOwn } from '../support/own-database';
import { startWorker } from '../support/reminders';
import { testConfig, uniqueId } from '../support/test-config';

const hex = (s: string) => createHash('sha256').update(s).digest('hex');

useDatabaseOfItsOwn();

/**
 * Reminders read work items and ballots only through the DeadlineSource each domain provides
 * (libs/platform/src/deadlines): the worker must find both, and each must answer for its
 * subjects exactly as the reminders planner, firing, reconciliation and calendar feed need.
 */
describe('deadline sources and the outbox drain (a real worker, PostgreSQL and Redis)', () => {
  const fx = useFixtures();
  let worker: INestApplicationContext;
  let sources: DeadlineSources;
  let db: DataSource;
  const source = (type: DeadlineSubjectType): DeadlineSource => sources.all().find((s) => s.type === type)!;

  beforeAll(async () => {
    const config = testConfig();
    worker = await startWorker({ QUEUE_PREFIX: config.QUEUE_PREFIX, RECONCILE_EVERY_MS: '3600000' });
    sources = worker.get(DeadlineSources);
    db = worker.get(DataSource);
  });
  afterAll(async () => {
    await worker?.close();
  });

  /** An initiative with a group (a chair, an owner, a plain member) and a plan. */
  async function scene() {
    const name = `Initiative ${uniqueId()}`;
    const initiative = await fx.initiative({ name });
    const chair = await fx.person(initiative.id);
    const owner = await fx.person(initiative.id);
    const member = await fx.person(initiative.id);
    const group = await fx.group(initiative.id, { name: 'Indicators' });
    await fx.groupRole(group.id, chair.id, 'CHAIR');
    await fx.groupRole(group.id, owner.id, 'MEMBER');
    await fx.groupRole(group.id, member.id, 'MEMBER');
    const [plan] = await fx.query<{ id: string }>(
      `INSERT INTO work_plan (working_group_id, title, period_start, period_end) VALUES ($1, 'Plan', '2016-07-01', '2099-06-30') RETURNING id`,
      [group.id],
    );
    return { initiative: { ...initiative, name }, group, plan, chair, owner, member };
  }

  async function item(planId: string, title: string, ownerId: string | null, dueAt: Date | null): Promise<string> {
    const [row] = await fx.query<{ id: string }>(
      `INSERT INTO work_item (work_plan_id, kind, title, owner_id, due_at) VALUES ($1, 'TASK', $2, $3, $4) RETURNING id`,
      [planId, title, ownerId, dueAt],
    );
    return row.id;
  }

  it('finds the work-plans, terms-of-reference and meetings sources, each claiming the outbox topics of its subjects', () => {
    expect(
      sources
        .all()
        .map((s) => s.type)
        .sort(),
    ).toEqual(['BALLOT', 'MEETING', 'WORK_ITEM']);
    expect(Object.values(TOPICS).map((topic) => [topic, sources.typeOfTopic(topic)])).toEqual([
      ['ballot.opened', 'BALLOT'],
      ['ballot.closed', 'BALLOT'],
      ['ballot.closing_time_changed', 'BALLOT'],
      ['ballot.cancelled', 'BALLOT'],
      ['workitem.created', 'WORK_ITEM'],
      ['workitem.changed', 'WORK_ITEM'],
      ['workitem.removed', 'WORK_ITEM'],
      ['reminders.policy_changed', null],
      ['invitation.created', null],
      ['meeting.scheduled', 'MEETING'],
      ['meeting.announced', 'MEETING'],
      ['meeting.updated', 'MEETING'],
      ['meeting.started', 'MEETING'],
      ['meeting.closed', 'MEETING'],
      ['meeting.cancelled', 'MEETING'],
      ['meeting.minutes_approved', 'MEETING'],
      // Discussion notices are recorded as they come, not planned.
      ['discussion.notice', null],
    ]);
    expect(sources.typeOfTopic('work_item.created')).toBeNull();
  });

  it('reads work items: state, recipients, details, the open ones of an initiative, pages by due date, calendars', async () => {
    const s = await scene();
    const dueAt = new Date('2091-03-04T09:00:00.000Z');
    const id = await item(s.plan.id, 'KPI report', s.owner.id, dueAt);
    const undated = await item(s.plan.id, 'Someday', s.owner.id, null);
    const items = source('WORK_ITEM');
    const gone = randomUUID();

    expect(await items.subjects(db, [id, undated, gone])).toEqual(
      new Map([
        [id, { type: 'WORK_ITEM', id, initiativeId: s.initiative.id, ownerId: s.owner.id, dueAt, open: true }],
        [
          undated,
          { type: 'WORK_ITEM', id: undated, initiativeId: s.initiative.id, ownerId: s.owner.id, dueAt: null, open: true },
        ],
      ]),
    );
    expect(await items.recipients(db, [id])).toEqual(
      new Map([[id, { ownerId: s.owner.id, ownerInGroup: true, chairIds: [s.chair.id] }]]),
    );
    expect(await items.details(db, [id, gone])).toEqual(
      new Map([
        [
          id,
          {
            initiativeName: s.initiative.name,
            groupName: `${s.group.code} Indicators`,
            subjectTitle: 'KPI report',
            deadline: dueAt,
            path: `work-items/${id}`,
          },
        ],
      ]),
    );
    expect(await items.openOfInitiative(db, s.initiative.id)).toEqual([id]);
    const entry = {
      id,
      at: dueAt,
      title: 'KPI report',
      where: `${s.initiative.name} / ${s.group.code} Indicators`,
      path: `work-items/${id}`,
    };
    expect(await items.calendarOf(db, s.owner.id)).toEqual([entry]);
    expect(await items.calendarOf(db, s.chair.id)).toEqual([entry]);
    expect(await items.calendarOf(db, s.member.id)).toEqual([]);

    // The owner leaves the group as an observer: no longer a recipient; the item is done: closed everywhere.
    await fx.groupRole(s.group.id, s.owner.id, 'OBSERVER');
    expect((await items.recipients(db, [id])).get(id)).toEqual({
      ownerId: s.owner.id,
      ownerInGroup: false,
      chairIds: [s.chair.id],
    });
    await fx.query(`UPDATE work_item SET status = 'DONE', percent_complete = 100 WHERE id = $1`, [id]);
    expect((await items.subjects(db, [id])).get(id)).toMatchObject({ open: false });
    expect(await items.openOfInitiative(db, s.initiative.id)).toEqual([]);
    expect(await items.calendarOf(db, s.owner.id)).toEqual([]);
  });

  it('pages open subjects by (deadline, id) after a cursor, work items and ballots alike', async () => {
    const s = await scene();
    const after = new Date(`2093-0${1 + Math.floor(Math.random() * 9)}-1${Math.floor(Math.random() * 9)}T00:00:00.000Z`);
    const at = (hours: number) => new Date(after.getTime() + hours * 3_600_000);
    const ids = [
      await item(s.plan.id, 'a', null, at(1)),
      await item(s.plan.id, 'b', null, at(2)),
      await item(s.plan.id, 'c', null, at(3)),
    ];
    const done = await item(s.plan.id, 'd', null, at(1));
    await fx.query(`UPDATE work_item SET status = 'CANCELLED' WHERE id = $1`, [done]);
    const items = source('WORK_ITEM');
    const first = await items.openPage(db, { deadlineAfter: after, after: null, limit: 2 });
    expect(first).toEqual([
      { id: ids[0], deadline: at(1) },
      { id: ids[1], deadline: at(2) },
    ]);
    const second = await items.openPage(db, { deadlineAfter: after, after: first[1], limit: 2 });
    expect(second[0]).toEqual({ id: ids[2], deadline: at(3) });
    expect(await items.openPage(db, { deadlineAfter: at(3), after: null, limit: 2 })).not.toContainEqual({
      id: ids[2],
      deadline: at(3),
    });
  });

  it('reads ballots: state, electorate and voters, details, the open ones of an initiative, pages, calendars', async () => {
    const s = await scene();
    const secretariat = await fx.person(s.initiative.id, 'SECRETARIAT');
    const electors = [s.chair, s.owner].sort((a, b) => (a.id < b.id ? -1 : 1));
    const [tor] = await fx.query<{ id: string }>(
      `INSERT INTO terms_of_reference (initiative_id, title) VALUES ($1, 'Charter') RETURNING id`,
      [s.initiative.id],
    );
    const [version] = await fx.query<{ id: string }>(
      `INSERT INTO tor_version (tor_id, number, body, content_hash, author_id) VALUES ($1, 1, 'Text', $2, $3) RETURNING id`,
      [tor.id, hex('Text'), secretariat.id],
    );
    const closesAt = new Date('2092-05-06T07:00:00.000Z');
    const [ballot] = await fx.query<{ id: string; opensAt: Date }>(
      `INSERT INTO ballot (tor_id, version_id, opened_by, closes_at, rule, quorum, electorate_size)
       VALUES ($1, $2, $3, $4, 'MAJORITY', 0.5, 2) RETURNING id, opens_at AS "opensAt"`,
      [tor.id, version.id, secretariat.id, closesAt],
    );
    for (const e of electors)
      await fx.query(`INSERT INTO ballot_elector (ballot_id, person_id) VALUES ($1, $2)`, [ballot.id, e.id]);
    await fx.query(`SELECT inserted FROM cast_vote($1, $2, 'APPROVE', NULL)`, [ballot.id, electors[0].id]);
    const ballots = source('BALLOT');
    const id = ballot.id;

    expect(await ballots.subjects(db, [id, randomUUID()])).toEqual(
      new Map([
        [
          id,
          { type: 'BALLOT', id, initiativeId: s.initiative.id, state: 'OPEN', opensAt: ballot.opensAt, closesAt, closedAt: null },
        ],
      ]),
    );
    const unknown = randomUUID();
    expect(await ballots.recipients(db, [id, unknown])).toEqual(
      new Map([
        [id, { electorIds: electors.map((e) => e.id), voterIds: [electors[0].id] }],
        [unknown, { electorIds: [], voterIds: [] }],
      ]),
    );
    expect(await ballots.details(db, [id])).toEqual(
      new Map([
        [
          id,
          {
            initiativeName: s.initiative.name,
            groupName: null,
            subjectTitle: 'Charter',
            deadline: closesAt,
            outcome: null,
            path: `ballots/${id}`,
          },
        ],
      ]),
    );
    expect(await ballots.openOfInitiative(db, s.initiative.id)).toEqual([id]);
    expect(
      await ballots.openPage(db, { deadlineAfter: new Date(closesAt.getTime() - 1), after: null, limit: 10 }),
    ).toContainEqual({
      id,
      deadline: closesAt,
    });
    const entry = { id, at: closesAt, title: 'Charter', where: s.initiative.name, path: `ballots/${id}` };
    expect(await ballots.calendarOf(db, electors[1].id)).toEqual([entry]);
    expect(await ballots.calendarOf(db, s.member.id)).toEqual([]);

    await fx.query(`UPDATE ballot SET state = 'CANCELLED', cancelled_at = now(), cancel_reason = 'test' WHERE id = $1`, [id]);
    expect((await ballots.subjects(db, [id])).get(id)).toMatchObject({ state: 'CANCELLED' });
    expect(await ballots.openOfInitiative(db, s.initiative.id)).toEqual([]);
    expect(await ballots.calendarOf(db, electors[1].id)).toEqual([]);
  });

  it('drains invitation.created into one INVITATION notification per person and initiative, and passes over topics nobody handles', async () => {
    const s = await scene();
    const invited = await fx.person(s.initiative.id);
    const events = await fx.query<{ id: string; createdAt: Date }>(
      `WITH i AS (INSERT INTO invitation (person_id, initiative_id, token_hash, expires_at)
                  SELECT $1, $2, md5(random()::text), now() + interval '7 days' FROM generate_series(1, 2) RETURNING id)
       INSERT INTO outbox_event (topic, subject_id, payload)
       SELECT 'invitation.created', id, jsonb_build_object('personId', $1::uuid, 'initiativeId', $2::uuid) FROM i
       UNION ALL SELECT 'nobody.handles_this', $2, '{}'::jsonb
       RETURNING id, created_at AS "createdAt"`,
      [invited.id, s.initiative.id],
    );
    await worker.get(OutboxDrain).drain();
    const pending = async () =>
      (
        await fx.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM outbox_event WHERE id = ANY($1::bigint[]) AND processed_at IS NULL`,
          [events.map((e) => e.id)],
        )
      )[0].n;
    // The worker's own scheduled drain may hold a row a moment longer.
    for (let i = 0; i < 100 && (await pending()) > 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await pending()).toBe(0);
    expect(
      await fx.query(
        `SELECT kind, subject_id AS "subjectId", initiative_id AS "initiativeId", title, body, details,
                emailed_at = created_at AND created_at = $2 AS "emailedAtInvitation"
           FROM notification WHERE person_id = $1`,
        [invited.id, events[0].createdAt],
      ),
    ).toEqual([
      {
        kind: 'INVITATION',
        subjectId: s.initiative.id,
        initiativeId: s.initiative.id,
        title: `Invitation to ${s.initiative.name}`,
        body: `You have been registered in ${s.initiative.name}. Check your e-mail for the link to choose your password.`,
        details: { initiativeName: s.initiative.name },
        emailedAtInvitation: true,
      },
    ]);
  });
});
