import { useFixtures } from '../support/fixtures';
import { errorCodes, ok, useGateway } from '../support/gateway-harness';
import { addItem, createPlan, type PlanWorld, planWorld, UPDATE_ITEM } from '../support/work-plan-fixtures';

const PROGRESS = `total notStarted inProgress blocked done overdue percentComplete nextDue { title }`;
const INITIATIVE_PROGRESS = `query($id: ID!) { initiativeProgress(initiativeId: $id) {
  initiative { id } asOf
  workingGroups { workingGroup { code name } workPlan { id title status progress { total } } progress { ${PROGRESS} nextDue { owner { name } } } }
  totals { ${PROGRESS} } } }`;

interface ProgressShape {
  total: number;
  notStarted: number;
  inProgress: number;
  blocked: number;
  done: number;
  overdue: number;
  percentComplete: number;
  nextDue: { title: string }[];
}
interface InitiativeProgressShape {
  initiativeProgress: {
    initiative: { id: string };
    asOf: string;
    workingGroups: {
      workingGroup: { code: string };
      workPlan: { id: string; title: string; progress: { total: number } } | null;
      progress: ProgressShape;
    }[];
    totals: ProgressShape;
  };
}

const EMPTY = { total: 0, notStarted: 0, inProgress: 0, blocked: 0, done: 0, overdue: 0, percentComplete: 0, nextDue: [] };

describe('progress', () => {
  let w: PlanWorld;
  let planId: string;

  const gw = useGateway();
  const fx = useFixtures();
  beforeAll(async () => {
    w = await planWorld(fx);
    // one DONE, one IN_PROGRESS at 50, one NOT_STARTED past due, one CANCELLED (also past due)
    planId = (await createPlan(gw, w.chair.token, w.groupId)).id;
    const done = await addItem(gw, w.chair.token, { workPlanId: planId, title: 'Done', dueAt: '2016-08-01T00:00:00Z' });
    const doing = await addItem(gw, w.chair.token, {
      workPlanId: planId,
      title: 'Doing',
      dueAt: '2099-01-01T00:00:00Z',
      ownerId: w.member.id,
    });
    await addItem(gw, w.chair.token, { workPlanId: planId, title: 'Late', dueAt: '2016-09-01T00:00:00Z' });
    const cancelled = await addItem(gw, w.chair.token, { workPlanId: planId, title: 'Cancelled', dueAt: '2016-07-15T00:00:00Z' });
    for (const [id, change] of [
      [done.id, { status: 'DONE' }],
      [doing.id, { status: 'IN_PROGRESS', percentComplete: 50 }],
      [cancelled.id, { status: 'CANCELLED', percentComplete: 30 }],
    ] as const) {
      ok(await gw.gql(UPDATE_ITEM, { input: { id, expectedVersion: 1, ...change } }, w.chair.token));
    }
  });

  it('computes a plan’s progress exactly', async () => {
    const data = ok(
      await gw.gql<{ workPlan: { progress: ProgressShape } }>(
        `query($id: ID!) { workPlan(id: $id) { progress { ${PROGRESS} } } }`,
        { id: planId },
        w.member.token,
      ),
    );
    expect(data.workPlan.progress).toEqual({
      total: 3,
      notStarted: 1,
      inProgress: 1,
      blocked: 0,
      done: 1,
      overdue: 1,
      percentComplete: 50,
      nextDue: [{ title: 'Late' }, { title: 'Doing' }],
    });
  });

  it('reports WorkItem.overdue per item', async () => {
    const data = ok(
      await gw.gql<{ workPlan: { items: { edges: { node: { title: string; overdue: boolean } }[] } } }>(
        `query($id: ID!) { workPlan(id: $id) { items { edges { node { title overdue } } } } }`,
        { id: planId },
        w.member.token,
      ),
    );
    expect(data.workPlan.items.edges.map((e) => e.node)).toEqual([
      { title: 'Done', overdue: false },
      { title: 'Doing', overdue: false },
      { title: 'Late', overdue: true },
      { title: 'Cancelled', overdue: false },
    ]);
  });

  it('lists at most five nextDue items, soonest first, never DONE or CANCELLED or undated', async () => {
    const group = await fx.group(w.initiativeId);
    await fx.groupRole(group.id, w.chair.id, 'CHAIR');
    const plan = await createPlan(gw, w.chair.token, group.id);
    for (const [title, due] of [
      ['m7', '2020-07-01'],
      ['m2', '2020-02-01'],
      ['m5', '2020-05-01'],
      ['m1', '2020-01-01'],
      ['m6', '2020-06-01'],
      ['m3', '2020-03-01'],
      ['m4', '2020-04-01'],
    ]) {
      await addItem(gw, w.chair.token, { workPlanId: plan.id, title, dueAt: `${due}T00:00:00Z` });
    }
    const undated = await addItem(gw, w.chair.token, { workPlanId: plan.id, title: 'undated' });
    const early = await addItem(gw, w.chair.token, {
      workPlanId: plan.id,
      title: 'early but done',
      dueAt: '2019-01-01T00:00:00Z',
    });
    ok(await gw.gql(UPDATE_ITEM, { input: { id: early.id, expectedVersion: 1, status: 'DONE' } }, w.chair.token));
    expect(undated.dueAt).toBeNull();
    const data = ok(
      await gw.gql<{ workPlan: { progress: ProgressShape } }>(
        `query($id: ID!) { workPlan(id: $id) { progress { ${PROGRESS} } } }`,
        { id: plan.id },
        w.member.token,
      ),
    );
    expect(data.workPlan.progress.nextDue.map((i) => i.title)).toEqual(['m1', 'm2', 'm3', 'm4', 'm5']);
    expect(data.workPlan.progress).toMatchObject({ total: 9, done: 1, notStarted: 8, overdue: 7, percentComplete: 11.11 });
  });

  it('gives initiativeProgress one row per group ordered by code, the current plans and exact totals', async () => {
    const initiative = await fx.initiative();
    const chair = await fx.person(initiative.id, 'MEMBER');
    const observer = await fx.person(initiative.id, 'OBSERVER');
    const wg2 = await fx.group(initiative.id, { code: 'WG2' });
    const wg1 = await fx.group(initiative.id, { code: 'WG1' });
    await fx.group(initiative.id, { code: 'WG3' });
    await fx.groupRole(wg1.id, chair.id, 'CHAIR');
    await fx.groupRole(wg2.id, chair.id, 'CHAIR');
    await createPlan(gw, chair.token, wg1.id, 'Old WG1 plan');
    const p1 = await createPlan(gw, chair.token, wg1.id, 'WG1 plan');
    const p2 = await createPlan(gw, chair.token, wg2.id, 'WG2 plan');
    const a = await addItem(gw, chair.token, { workPlanId: p1.id, title: 'a', dueAt: '2016-09-01T00:00:00Z', ownerId: chair.id });
    await addItem(gw, chair.token, { workPlanId: p1.id, title: 'b', dueAt: '2099-09-01T00:00:00Z' });
    await addItem(gw, chair.token, { workPlanId: p2.id, title: 'c', dueAt: '2016-08-01T00:00:00Z' });
    const d = await addItem(gw, chair.token, { workPlanId: p2.id, title: 'd' });
    ok(
      await gw.gql(UPDATE_ITEM, { input: { id: a.id, expectedVersion: 1, status: 'BLOCKED', percentComplete: 20 } }, chair.token),
    );
    ok(await gw.gql(UPDATE_ITEM, { input: { id: d.id, expectedVersion: 1, status: 'DONE' } }, chair.token));

    const result = await gw.gql<InitiativeProgressShape>(INITIATIVE_PROGRESS, { id: initiative.id }, observer.token);
    const data = ok(result).initiativeProgress;
    expect(data.initiative.id).toBe(initiative.id);
    expect(Math.abs(Date.parse(data.asOf) - Date.now())).toBeLessThan(60_000);
    expect(
      data.workingGroups.map((g) => [g.workingGroup.code, g.workPlan?.title ?? null, g.workPlan?.progress.total ?? null]),
    ).toEqual([
      ['WG1', 'WG1 plan', 2],
      ['WG2', 'WG2 plan', 2],
      ['WG3', null, null],
    ]);
    expect(data.workingGroups[0].progress).toMatchObject({
      total: 2,
      notStarted: 1,
      blocked: 1,
      overdue: 1,
      percentComplete: 10,
    });
    expect(data.workingGroups[0].progress.nextDue).toEqual([
      { title: 'a', owner: { name: expect.any(String) } },
      { title: 'b', owner: null },
    ]);
    expect(data.workingGroups[1].progress).toMatchObject({ total: 2, notStarted: 1, done: 1, overdue: 1, percentComplete: 50 });
    expect(data.workingGroups[2].progress).toEqual(EMPTY);
    expect(data.totals).toEqual({
      total: 4,
      notStarted: 2,
      inProgress: 0,
      blocked: 1,
      done: 1,
      overdue: 2,
      percentComplete: 30,
      nextDue: [{ title: 'c' }, { title: 'a' }, { title: 'b' }],
    });
  });

  it('lists the initiative’s open ballots (not expired, not cancelled), closing soonest first, in one statement', async () => {
    const initiative = await fx.initiative();
    const secretariat = await fx.person(initiative.id, 'SECRETARIAT');
    const group = await fx.group(initiative.id);
    const query = `query($id: ID!) { initiativeProgress(initiativeId: $id) { openBallots { id status closesAt } } }`;
    const none = await gw.gql<{ initiativeProgress: { openBallots: unknown[] } }>(
      query,
      { id: initiative.id },
      secretariat.token,
    );
    expect(ok(none).initiativeProgress.openBallots).toEqual([]);
    // The same, computed again with the caller's roles remembered (as they are below).
    const noneAgain = await gw.gql(query, { id: initiative.id }, secretariat.token, { 'cache-control': 'no-cache' });
    const group2 = await fx.group(initiative.id);
    const ballots: Record<string, string> = {};
    // one OPEN ballot per document at most: the initiative's has an expired OPEN one (CLOSED by
    // time) and a CANCELLED one; each group's has an OPEN one
    for (const [name, groupId, ballotsOfTor] of [
      [
        'initiative',
        null,
        [
          ['expired', '2021-01-01T00:00:00Z', 'OPEN'],
          ['cancelled', '2099-06-01T00:00:00Z', 'CANCELLED'],
        ],
      ],
      ['group', group.id, [['open', '2098-01-01T00:00:00Z', 'OPEN']]],
      ['group2', group2.id, [['open', '2099-01-01T00:00:00Z', 'OPEN']]],
    ] as const) {
      const [tor] = await fx.query<{ id: string }>(
        `INSERT INTO terms_of_reference (initiative_id, working_group_id, title, status, status_before_ballot) VALUES ($1, $2, 'ToR', 'UNDER_BALLOT', 'DRAFT') RETURNING id`,
        [initiative.id, groupId],
      );
      const [version] = await fx.query<{ id: string }>(
        `INSERT INTO tor_version (tor_id, number, body, content_hash, author_id) VALUES ($1, 1, 'Body', repeat('a', 64), $2) RETURNING id`,
        [tor.id, secretariat.id],
      );
      for (const [label, closesAt, state] of ballotsOfTor) {
        const [row] = await fx.query<{ id: string }>(
          `INSERT INTO ballot (tor_id, version_id, opened_by, opens_at, closes_at, rule, quorum, electorate_size, state, cancelled_at)
           VALUES ($1, $2, $3, '2020-01-01', $4, 'CONSENSUS', 0.5, 3, $5, CASE WHEN $5 = 'CANCELLED' THEN now() END) RETURNING id`,
          [tor.id, version.id, secretariat.id, closesAt, state],
        );
        ballots[`${name}-${label}`] = row.id;
      }
    }
    const result = await gw.gql<{ initiativeProgress: { openBallots: { id: string; status: string; closesAt: string }[] } }>(
      query,
      { id: initiative.id },
      secretariat.token,
    );
    expect(ok(result).initiativeProgress.openBallots).toEqual([
      { id: ballots['group-open'], status: 'OPEN', closesAt: '2098-01-01T00:00:00.000Z' },
      { id: ballots['group2-open'], status: 'OPEN', closesAt: '2099-01-01T00:00:00.000Z' },
    ]);
    // the ballots' status needs their live counts: one batched statement of the ballots library
    expect(result.sqlStatements).toBe(noneAgain.sqlStatements + 1);
  });

  it('refuses initiativeProgress to outsiders and unknown ids', async () => {
    expect(errorCodes(await gw.gql(INITIATIVE_PROGRESS, { id: w.initiativeId }, w.outsider.token))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await gw.gql(INITIATIVE_PROGRESS, { id: w.initiativeId }))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await gw.gql(INITIATIVE_PROGRESS, { id: 'bad' }, w.member.token))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await gw.gql(INITIATIVE_PROGRESS, { id: '00000000-0000-4000-8000-000000000000' }, w.member.token))).toEqual(
      ['NOT_FOUND'],
    );
  });

  it('costs the same number of SQL statements for 3 and for 30 groups', async () => {
    const counts: number[] = [];
    for (const groups of [3, 30]) {
      const initiative = await fx.initiative();
      const reader = await fx.person(initiative.id, 'MEMBER');
      const owner = await fx.person(initiative.id, 'MEMBER');
      await fx.query(
        `INSERT INTO working_group (initiative_id, code, name, mandate)
         SELECT $1, 'G' || lpad(n::text, 3, '0'), 'Group ' || n, 'Mandate' FROM generate_series(1, $2) n`,
        [initiative.id, groups],
      );
      await fx.query(
        `INSERT INTO group_member (working_group_id, initiative_id, person_id, role) SELECT id, initiative_id, $2, 'MEMBER' FROM working_group WHERE initiative_id = $1`,
        [initiative.id, owner.id],
      );
      await fx.query(
        `INSERT INTO work_plan (working_group_id, title, period_start, period_end) SELECT id, 'Plan ' || code, '2016-07-01', '2017-06-30' FROM working_group WHERE initiative_id = $1`,
        [initiative.id],
      );
      await fx.query(
        `INSERT INTO work_item (work_plan_id, kind, title, owner_id, due_at, status, percent_complete)
         SELECT p.id, 'TASK', 'Item ' || n, $2, timestamptz '2016-07-01' + n * interval '9 days',
                CASE WHEN n % 4 = 0 THEN 'DONE' ELSE 'NOT_STARTED' END, CASE WHEN n % 4 = 0 THEN 100 ELSE 0 END
           FROM work_plan p JOIN working_group g ON g.id = p.working_group_id, generate_series(1, 8) n
          WHERE g.initiative_id = $1`,
        [initiative.id, owner.id],
      );
      const result = await gw.gql<InitiativeProgressShape>(INITIATIVE_PROGRESS, { id: initiative.id }, reader.token);
      const data = ok(result).initiativeProgress;
      expect(data.workingGroups).toHaveLength(groups);
      expect(data.totals).toMatchObject({ total: 8 * groups, done: 2 * groups, notStarted: 6 * groups, percentComplete: 25 });
      expect(data.totals.nextDue).toHaveLength(5);
      counts.push(result.sqlStatements);
    }
    expect(counts[0]).toBeGreaterThan(0);
    expect(counts[1]).toBe(counts[0]);
    // policy, groups (structure's reader), plans + counts + nextDue (one statement), initiative, owners of nextDue
    expect(counts[0]).toBe(5);
  });

  describe('overdueItems', () => {
    const OVERDUE = `query($id: ID!, $first: Int, $after: String) { overdueItems(initiativeId: $id, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { title overdue dueAt workPlan { workingGroup { code } } } } } }`;
    type Page = {
      overdueItems: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        edges: { node: { title: string; overdue: boolean; dueAt: string } }[];
      };
    };

    it('lists overdue items of the current plans, oldest dueAt first, page by page', async () => {
      const initiative = await fx.initiative();
      const chair = await fx.person(initiative.id, 'MEMBER');
      const g1 = await fx.group(initiative.id, { code: 'A1' });
      const g2 = await fx.group(initiative.id, { code: 'A2' });
      await fx.groupRole(g1.id, chair.id, 'CHAIR');
      await fx.groupRole(g2.id, chair.id, 'CHAIR');
      const old = await createPlan(gw, chair.token, g1.id, 'superseded');
      await addItem(gw, chair.token, { workPlanId: old.id, title: 'superseded item', dueAt: '2016-01-01T00:00:00Z' });
      const p1 = await createPlan(gw, chair.token, g1.id);
      const p2 = await createPlan(gw, chair.token, g2.id);
      await addItem(gw, chair.token, { workPlanId: p1.id, title: 'x3', dueAt: '2016-12-01T00:00:00Z' });
      await addItem(gw, chair.token, { workPlanId: p2.id, title: 'x1', dueAt: '2016-08-01T00:00:00Z' });
      await addItem(gw, chair.token, { workPlanId: p2.id, title: 'x2', dueAt: '2016-10-01T00:00:00Z' });
      await addItem(gw, chair.token, { workPlanId: p1.id, title: 'future', dueAt: '2099-10-01T00:00:00Z' });
      await addItem(gw, chair.token, { workPlanId: p1.id, title: 'undated' });
      const done = await addItem(gw, chair.token, { workPlanId: p1.id, title: 'done', dueAt: '2016-07-02T00:00:00Z' });
      const cancelled = await addItem(gw, chair.token, { workPlanId: p2.id, title: 'cancelled', dueAt: '2016-07-03T00:00:00Z' });
      ok(await gw.gql(UPDATE_ITEM, { input: { id: done.id, expectedVersion: 1, status: 'DONE' } }, chair.token));
      ok(await gw.gql(UPDATE_ITEM, { input: { id: cancelled.id, expectedVersion: 1, status: 'CANCELLED' } }, chair.token));

      const first = ok(await gw.gql<Page>(OVERDUE, { id: initiative.id, first: 2 }, chair.token)).overdueItems;
      expect(first.totalCount).toBe(3);
      expect(first.edges.map((e) => e.node)).toEqual([
        { title: 'x1', overdue: true, dueAt: '2016-08-01T00:00:00.000Z', workPlan: { workingGroup: { code: 'A2' } } },
        { title: 'x2', overdue: true, dueAt: '2016-10-01T00:00:00.000Z', workPlan: { workingGroup: { code: 'A2' } } },
      ]);
      expect(first.pageInfo.hasNextPage).toBe(true);
      const second = ok(
        await gw.gql<Page>(OVERDUE, { id: initiative.id, first: 2, after: first.pageInfo.endCursor }, chair.token),
      ).overdueItems;
      expect(second.edges.map((e) => e.node.title)).toEqual(['x3']);
      expect(second.pageInfo.hasNextPage).toBe(false);
      expect(second.totalCount).toBe(3);
    });

    it('refuses outsiders, unknown initiatives and forged cursors', async () => {
      expect(errorCodes(await gw.gql(OVERDUE, { id: w.initiativeId }, w.outsider.token))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await gw.gql(OVERDUE, { id: 'bad' }, w.member.token))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await gw.gql(OVERDUE, { id: w.initiativeId }))).toEqual(['UNAUTHENTICATED']);
      expect(
        errorCodes(
          await gw.gql(OVERDUE, { id: w.initiativeId, after: Buffer.from('["x"]').toString('base64url') }, w.member.token),
        ),
      ).toEqual(['BAD_USER_INPUT']);
    });
  });
});
