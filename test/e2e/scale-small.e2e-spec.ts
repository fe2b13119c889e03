import { useFixtures } from '../support/fixtures';
import { ok, useGateway } from '../support/gateway-harness';

const GROUP_PAGE = `query($id: ID!) { workingGroup(id: $id) { workPlan {
  progress { total done overdue percentComplete nextDue { title dueAt } }
  items(first: 100) { edges { node { title owner { name } dependsOn { title } } } } } } }`;
const INITIATIVE_PROGRESS = `query($id: ID!) { initiativeProgress(initiativeId: $id) { asOf
  workingGroups { workingGroup { code } workPlan { title } progress { total done overdue percentComplete nextDue { title dueAt owner { name } } } }
  totals { total done overdue percentComplete } } }`;

/**
 * Small scale: 5 groups x 200 items, bulk-inserted. The statement counts of the
 * initiative's progress and of a group's page must not depend on the number of groups or
 * items (they are the same as for a 1-group, 3-item initiative).
 */
describe('small scale: 5 groups x 200 items', () => {
  const gw = useGateway();
  const fx = useFixtures();

  /** An initiative with `groups` groups, each with a plan of `items` items (owners, dependencies). */
  async function build(groups: number, items: number) {
    const initiative = await fx.initiative();
    const reader = await fx.person(initiative.id, 'OBSERVER');
    const owners = await Promise.all([1, 2, 3].map(() => fx.person(initiative.id, 'MEMBER')));
    await fx.query(
      `INSERT INTO working_group (initiative_id, code, name, mandate)
       SELECT $1, 'S' || lpad(n::text, 3, '0'), 'Group ' || n, 'Mandate' FROM generate_series(1, $2) n`,
      [initiative.id, groups],
    );
    await fx.query(
      `INSERT INTO group_member (working_group_id, initiative_id, person_id, role)
       SELECT g.id, g.initiative_id, p, 'MEMBER' FROM working_group g, unnest($2::uuid[]) p WHERE g.initiative_id = $1`,
      [initiative.id, owners.map((o) => o.id)],
    );
    await fx.query(
      `INSERT INTO work_plan (working_group_id, title, period_start, period_end)
       SELECT id, 'Plan ' || code, '2016-07-01', '2017-06-30' FROM working_group WHERE initiative_id = $1`,
      [initiative.id],
    );
    // status by n: every 5th DONE, every 7th (not 5th) IN_PROGRESS at 40, the rest NOT_STARTED;
    // due dates from 2016-07-02 on, one day apart: items 1..N are all past due.
    await fx.query(
      `INSERT INTO work_item (work_plan_id, kind, title, owner_id, due_at, status, percent_complete)
       SELECT p.id, 'TASK', 'Item ' || n, ($2::uuid[])[1 + n % 3], timestamptz '2016-07-01T00:00:00Z' + n * interval '1 day',
              CASE WHEN n % 5 = 0 THEN 'DONE' WHEN n % 7 = 0 THEN 'IN_PROGRESS' ELSE 'NOT_STARTED' END,
              CASE WHEN n % 5 = 0 THEN 100 WHEN n % 7 = 0 THEN 40 ELSE 0 END
         FROM work_plan p JOIN working_group g ON g.id = p.working_group_id, generate_series(1, $3) n
        WHERE g.initiative_id = $1`,
      [initiative.id, owners.map((o) => o.id), items],
    );
    // each item (but the first) depends on its predecessor in the plan
    await fx.query(
      `INSERT INTO work_item_dependency (item_id, depends_on_id, work_plan_id)
       SELECT i.id, prev.id, i.work_plan_id FROM work_item i
         JOIN work_plan p ON p.id = i.work_plan_id JOIN working_group g ON g.id = p.working_group_id
         JOIN work_item prev ON prev.work_plan_id = i.work_plan_id AND prev.seq = (SELECT max(seq) FROM work_item x WHERE x.work_plan_id = i.work_plan_id AND x.seq < i.seq)
        WHERE g.initiative_id = $1`,
      [initiative.id],
    );
    const [firstGroup] = await fx.query<{ id: string }>(
      `SELECT id FROM working_group WHERE initiative_id = $1 ORDER BY code LIMIT 1`,
      [initiative.id],
    );
    return { initiativeId: initiative.id, slug: initiative.slug, groupId: firstGroup.id, token: reader.token };
  }

  it('keeps the statement counts of initiativeProgress and of a group page constant', async () => {
    const tiny = await build(1, 3);
    const big = await build(5, 200);

    const tinyProgress = await gw.gql(INITIATIVE_PROGRESS, { id: tiny.initiativeId }, tiny.token);
    const bigProgress = await gw.gql<{
      initiativeProgress: {
        workingGroups: unknown[];
        totals: { total: number; done: number; overdue: number; percentComplete: number };
      };
    }>(INITIATIVE_PROGRESS, { id: big.initiativeId }, big.token);
    ok(tinyProgress);
    const progress = ok(bigProgress).initiativeProgress;
    expect(progress.workingGroups).toHaveLength(5);
    // per plan of 200: 40 DONE (n % 5 = 0), 23 IN_PROGRESS (n % 7 = 0, not % 35), 137 NOT_STARTED, all past due
    expect(progress.totals).toEqual({ total: 1000, done: 200, overdue: 800, percentComplete: (40 * 100 + 23 * 40) / 200 });

    const tinyPage = await gw.gql(GROUP_PAGE, { id: tiny.groupId }, tiny.token);
    const bigPage = await gw.gql<{
      workingGroup: { workPlan: { items: { edges: { node: { dependsOn: unknown[]; owner: unknown } }[] } } };
    }>(GROUP_PAGE, { id: big.groupId }, big.token);
    ok(tinyPage);
    const edges = ok(bigPage).workingGroup.workPlan.items.edges;
    expect(edges).toHaveLength(100);
    expect(edges.filter((e) => e.node.dependsOn.length === 1)).toHaveLength(99);
    expect(edges.every((e) => e.node.owner !== null)).toBe(true);

    expect(bigProgress.sqlStatements).toBe(tinyProgress.sqlStatements);
    expect(bigPage.sqlStatements).toBe(tinyPage.sqlStatements);

    // every group's plan, progress and first items at once: constant too
    const allGroups = `query($slug: String!) { initiative(slug: $slug) { workingGroups { code workPlan {
      version progress { total overdue nextDue { title owner { name } } }
      items(first: 20) { totalCount edges { node { title overdue owner { name } dependsOn { title } parent { title } workPlan { title } } } } } } } }`;
    const tinyAll = await gw.gql(allGroups, { slug: tiny.slug }, tiny.token);
    const bigAll = await gw.gql<{
      initiative: { workingGroups: { workPlan: { items: { totalCount: number; edges: unknown[] } } }[] };
    }>(allGroups, { slug: big.slug }, big.token);
    ok(tinyAll);
    const all = ok(bigAll).initiative.workingGroups;
    expect(all.map((g) => [g.workPlan.items.totalCount, g.workPlan.items.edges.length])).toEqual(Array(5).fill([200, 20]));
    expect(bigAll.sqlStatements).toBe(tinyAll.sqlStatements);
    // recorded exact counts — initiativeProgress: policy, groups (structure's reader), plans + counts + nextDue, owners;
    // group page: group + its policy check (structure), current plan with its progress (one statement: the
    // resolver looks ahead), items (count + page), owners, dependsOn
    expect({ initiativeProgress: bigProgress.sqlStatements, groupPage: bigPage.sqlStatements }).toEqual({
      initiativeProgress: 4,
      groupPage: 7,
    });
  });
  /** A plenary of the initiative with `items` agenda items, each linked to the group's plan, with a decision each. */
  async function meetingWith(initiativeId: string, groupId: string, items: number): Promise<string> {
    const [meeting] = await fx.query<{ id: string }>(
      `INSERT INTO meeting (initiative_id, number, title, time_zone, status)
       SELECT $1, coalesce(max(number), 0) + 1, 'Plenary', 'Europe/Zurich', 'IN_PROGRESS' FROM meeting WHERE initiative_id = $1 RETURNING id`,
      [initiativeId],
    );
    await fx.query(
      `INSERT INTO meeting_session (meeting_id, starts_at, ends_at) VALUES ($1, '2016-07-21T15:00:00Z', '2016-07-21T17:00:00Z')`,
      [meeting.id],
    );
    await fx.query(
      `INSERT INTO agenda_item (meeting_id, position, title, kind, work_plan_id, session_id)
       SELECT $1, n, 'Item ' || n, 'DISCUSSION', (SELECT id FROM work_plan WHERE working_group_id = $2),
              (SELECT id FROM meeting_session WHERE meeting_id = $1)
         FROM generate_series(1, $3) n`,
      [meeting.id, groupId, items],
    );
    await fx.query(
      `INSERT INTO decision (meeting_id, seq, number, text, agenda_item_id, recorded_by)
       SELECT $1, a.position, 'S-1/' || a.position, 'Decided', a.id, (SELECT person_id FROM initiative_member WHERE initiative_id = $2 LIMIT 1)
         FROM agenda_item a WHERE a.meeting_id = $1`,
      [meeting.id, initiativeId],
    );
    // Each item is about the initiative's two KPIs.
    await fx.query(
      `WITH k AS (INSERT INTO kpi (initiative_id, code, name, dimension, sub_dimension, category, level)
                  SELECT $2, 'EC:ICT:' || n, 'KPI ' || n, 'ECONOMY', 'ICT', 'ICT', 'CORE' FROM generate_series(1, 2) n
                  ON CONFLICT (initiative_id, code) DO UPDATE SET name = EXCLUDED.name RETURNING id)
       INSERT INTO agenda_item_kpi (agenda_item_id, kpi_id) SELECT a.id, k.id FROM agenda_item a CROSS JOIN k WHERE a.meeting_id = $1`,
      [meeting.id, initiativeId],
    );
    return meeting.id;
  }

  it('keeps the statement count of meeting(id) with its agenda and links constant', async () => {
    const tiny = await build(1, 3);
    const big = await build(1, 3);
    const query = `query($id: ID!) { meeting(id: $id) { title sessions { startsAt } decisions { number }
      agenda { position title session { id } workPlan { title } kpis { code } decisions { number } actions { title } } } }`;
    const tinyMeeting = await gw.gql(query, { id: await meetingWith(tiny.initiativeId, tiny.groupId, 3) }, tiny.token);
    const bigResult = await gw.gql<{ meeting: { agenda: { kpis: { code: string }[] }[]; decisions: unknown[] } }>(
      query,
      { id: await meetingWith(big.initiativeId, big.groupId, 150) },
      big.token,
    );
    ok(tinyMeeting);
    expect(ok(bigResult).meeting.agenda).toHaveLength(150);
    expect(ok(bigResult).meeting.agenda[149].kpis).toEqual([{ code: 'EC:ICT:1' }, { code: 'EC:ICT:2' }]);
    expect(bigResult.sqlStatements).toBe(tinyMeeting.sqlStatements);
  });
});
