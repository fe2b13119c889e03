import { useFixtures } from '../support/fixtures';
import { errorCodes, ok, useGateway } from '../support/gateway-harness';
import {
  ADD_ITEM,
  addItem,
  APPROVE_PLAN,
  CREATE_PLAN,
  createPlan,
  GET_ITEM,
  GET_PLAN,
  type ItemShape,
  planWorld,
  type PlanWorld,
  REMOVE_ITEM,
  SUBMIT_PLAN,
  UPDATE_ITEM,
} from '../support/work-plan-fixtures';

describe('work plans: mutations, rules and queries', () => {
  let w: PlanWorld;

  const gw = useGateway();
  const fx = useFixtures();
  beforeAll(async () => {
    w = await planWorld(fx);
  });

  const planCount = async (groupId: string) =>
    Number((await fx.query<{ n: string }>(`SELECT count(*) AS n FROM work_plan WHERE working_group_id = $1`, [groupId]))[0].n);
  const itemRow = async (id: string) => (await fx.query(`SELECT * FROM work_item WHERE id = $1`, [id]))[0];
  const planRow = async (id: string) =>
    (await fx.query<{ status: string; version: number }>(`SELECT status, version FROM work_plan WHERE id = $1`, [id]))[0];
  const outbox = (subjectId: string) =>
    fx.query<{ topic: string; payload: Record<string, unknown> }>(
      `SELECT topic, payload FROM outbox_event WHERE subject_id = $1 ORDER BY id`,
      [subjectId],
    );
  const update = (token: string, input: Record<string, unknown>) =>
    gw.gql<{ updateWorkItem: ItemShape }>(UPDATE_ITEM, { input }, token);

  describe('createWorkPlan', () => {
    const input = (fields: Record<string, unknown> = {}) => ({
      input: {
        workingGroupId: w.groupId,
        title: 'Work plan 2016-2017',
        periodStart: '2016-07-01',
        periodEnd: '2017-06-30',
        ...fields,
      },
    });

    it('lets the CHAIR, the VICE_CHAIR and the SECRETARIAT create a DRAFT plan at version 1', async () => {
      for (const caller of [w.chair, w.vice, w.secretariat]) {
        const result = await gw.gql<{ createWorkPlan: Record<string, unknown> }>(CREATE_PLAN, input(), caller.token);
        expect(result.errors).toBeUndefined();
        expect(result.data!.createWorkPlan).toMatchObject({
          title: 'Work plan 2016-2017',
          periodStart: '2016-07-01',
          periodEnd: '2017-06-30',
          status: 'DRAFT',
          version: 1,
          workingGroup: { id: w.groupId },
        });
      }
    });

    it('refuses others and bad input, creating nothing', async () => {
      const before = await planCount(w.groupId);
      expect(errorCodes(await gw.gql(CREATE_PLAN, input(), w.member.token))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await gw.gql(CREATE_PLAN, input(), w.groupObserver.token))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await gw.gql(CREATE_PLAN, input(), w.initiativeMember.token))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await gw.gql(CREATE_PLAN, input(), w.outsider.token))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await gw.gql(CREATE_PLAN, input()))).toEqual(['UNAUTHENTICATED']);
      expect(errorCodes(await gw.gql(CREATE_PLAN, input({ workingGroupId: 'nope' }), w.chair.token))).toEqual(['NOT_FOUND']);
      expect(
        errorCodes(await gw.gql(CREATE_PLAN, input({ workingGroupId: '00000000-0000-4000-8000-000000000000' }), w.chair.token)),
      ).toEqual(['NOT_FOUND']);
      const inverted = await gw.gql(CREATE_PLAN, input({ periodStart: '2017-07-01', periodEnd: '2017-06-30' }), w.chair.token);
      expect(errorCodes(inverted)).toEqual(['BAD_USER_INPUT']);
      expect(inverted.errors![0].extensions.fields).toEqual([
        { field: 'input.periodEnd', message: 'must not be before periodStart' },
      ]);
      expect(errorCodes(await gw.gql(CREATE_PLAN, input({ title: '' }), w.chair.token))).toEqual(['BAD_USER_INPUT']);
      expect(errorCodes(await gw.gql(CREATE_PLAN, input({ periodStart: '2016-13-01' }), w.chair.token))).toEqual([
        'BAD_USER_INPUT',
      ]);
      expect(await planCount(w.groupId)).toBe(before);
    });

    it('accepts a one-day period (periodEnd = periodStart)', async () => {
      const group = await fx.group(w.initiativeId);
      await fx.groupRole(group.id, w.chair.id, 'CHAIR');
      const result = await gw.gql(
        CREATE_PLAN,
        input({ workingGroupId: group.id, periodStart: '2016-07-01', periodEnd: '2016-07-01' }),
        w.chair.token,
      );
      expect(result.errors).toBeUndefined();
    });

    it('makes the newest plan the group’s workPlan', async () => {
      const group = await fx.group(w.initiativeId);
      await fx.groupRole(group.id, w.chair.id, 'CHAIR');
      const query = `query($id: ID!) { workingGroup(id: $id) { workPlan { id title } } }`;
      expect(
        ok(await gw.gql<{ workingGroup: { workPlan: null } }>(query, { id: group.id }, w.member.token)).workingGroup.workPlan,
      ).toBeNull();
      await createPlan(gw, w.chair.token, group.id, 'First');
      const second = await createPlan(gw, w.chair.token, group.id, 'Second');
      const data = ok(
        await gw.gql<{ workingGroup: { workPlan: { id: string; title: string } } }>(query, { id: group.id }, w.member.token),
      );
      expect(data.workingGroup.workPlan).toEqual({ id: second.id, title: 'Second' });
    });
  });

  describe('addWorkItem', () => {
    let planId: string;
    beforeAll(async () => {
      planId = (await createPlan(gw, w.chair.token, w.groupId)).id;
    });

    it('adds an item with owner, due date, parent and dependencies, bumping the plan and writing work_item.created', async () => {
      const parent = await addItem(gw, w.chair.token, { workPlanId: planId, kind: 'DELIVERABLE', title: 'Framework report' });
      const first = await addItem(gw, w.vice.token, { workPlanId: planId, title: 'Draft outline' });
      const item = await addItem(gw, w.secretariat.token, {
        workPlanId: planId,
        parentId: parent.id,
        kind: 'MILESTONE',
        title: 'Outline agreed',
        description: 'At the plenary',
        ownerId: w.member.id,
        dueAt: '2016-10-01T09:00:00+02:00',
        dependsOnIds: [first.id],
      });
      expect(item).toMatchObject({
        title: 'Outline agreed',
        kind: 'MILESTONE',
        description: 'At the plenary',
        status: 'NOT_STARTED',
        percentComplete: 0,
        version: 1,
        overdue: true,
        dueAt: '2016-10-01T07:00:00.000Z',
        owner: { id: w.member.id },
        parent: { id: parent.id },
        dependsOn: [{ id: first.id }],
        workPlan: { id: planId, version: 4 },
      });
      expect(await outbox(item.id)).toEqual([
        {
          topic: 'workitem.created',
          payload: expect.objectContaining({
            dueAt: '2016-10-01T07:00:00.000Z',
            ownerId: w.member.id,
            status: 'NOT_STARTED',
            workPlanId: planId,
          }),
        },
      ]);
    });

    it('refuses callers without the role and bad references, adding nothing', async () => {
      const other = await createPlan(gw, w.chair.token, w.groupId, 'Other plan');
      const foreign = await addItem(gw, w.chair.token, { workPlanId: other.id, title: 'Foreign' });
      const stranger = await fx.person(w.initiativeId, 'MEMBER');
      const before = await fx.query(`SELECT count(*) FROM work_item WHERE work_plan_id = $1`, [planId]);
      const versionBefore = (await planRow(planId)).version;
      const add = (token: string | undefined, fields: Record<string, unknown>) =>
        gw.gql(ADD_ITEM, { input: { workPlanId: planId, kind: 'TASK', title: 'T', ...fields } }, token);

      expect(errorCodes(await add(w.member.token, {}))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await add(w.groupObserver.token, {}))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await add(w.outsider.token, {}))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await add(undefined, {}))).toEqual(['UNAUTHENTICATED']);
      expect(errorCodes(await add(w.chair.token, { workPlanId: 'x' }))).toEqual(['NOT_FOUND']);
      const observerOwner = await add(w.chair.token, { ownerId: w.groupObserver.id });
      expect(errorCodes(observerOwner)).toEqual(['BAD_USER_INPUT']);
      expect(observerOwner.errors![0].extensions.fields).toEqual([
        { field: 'input.ownerId', message: 'must be a member of the working group (CHAIR, VICE_CHAIR or MEMBER)' },
      ]);
      expect(errorCodes(await add(w.chair.token, { ownerId: stranger.id }))).toEqual(['BAD_USER_INPUT']);
      expect(errorCodes(await add(w.chair.token, { ownerId: 'not-a-uuid' }))).toEqual(['BAD_USER_INPUT']);
      expect(errorCodes(await add(w.chair.token, { parentId: foreign.id }))).toEqual(['BAD_USER_INPUT']);
      expect(errorCodes(await add(w.chair.token, { dependsOnIds: [foreign.id] }))).toEqual(['BAD_USER_INPUT']);
      expect(errorCodes(await add(w.chair.token, { kind: 'EPIC' }))).toEqual(['BAD_USER_INPUT']);
      expect(errorCodes(await add(w.chair.token, { title: '' }))).toEqual(['BAD_USER_INPUT']);
      expect(errorCodes(await add(w.chair.token, { dueAt: '2016-10-01' }))).toEqual(['BAD_USER_INPUT']);
      expect(await fx.query(`SELECT count(*) FROM work_item WHERE work_plan_id = $1`, [planId])).toEqual(before);
      expect((await planRow(planId)).version).toBe(versionBefore);
    });
  });

  describe('updateWorkItem', () => {
    let planId: string;
    let a: ItemShape;
    let b: ItemShape;
    let c: ItemShape;
    beforeAll(async () => {
      planId = (await createPlan(gw, w.chair.token, w.groupId)).id;
      a = await addItem(gw, w.chair.token, {
        workPlanId: planId,
        title: 'A',
        ownerId: w.member.id,
        dueAt: '2030-01-01T00:00:00Z',
      });
      b = await addItem(gw, w.chair.token, { workPlanId: planId, title: 'B', dependsOnIds: [a.id], parentId: a.id });
      c = await addItem(gw, w.chair.token, { workPlanId: planId, title: 'C', dependsOnIds: [b.id], parentId: b.id });
    });

    it('lets the owner change status and percentComplete, bumping item and plan versions', async () => {
      const planVersion = (await planRow(planId)).version;
      const result = ok(
        await update(w.member.token, { id: a.id, expectedVersion: 1, status: 'IN_PROGRESS', percentComplete: 40 }),
      );
      expect(result.updateWorkItem).toMatchObject({
        status: 'IN_PROGRESS',
        percentComplete: 40,
        version: 2,
        workPlan: { version: planVersion + 1 },
      });
      a = result.updateWorkItem;
      const events = await outbox(a.id);
      expect(events.map((e) => e.topic)).toEqual(['workitem.created', 'workitem.changed']);
      expect(events[1].payload).toMatchObject({
        status: 'IN_PROGRESS',
        ownerId: w.member.id,
        changed: ['status'],
        previous: { status: 'NOT_STARTED' },
      });
    });

    it('refuses the owner other fields, other members anything, and a stale version; nothing changes', async () => {
      const before = await itemRow(a.id);
      const planBefore = await planRow(planId);
      expect(errorCodes(await update(w.member.token, { id: a.id, expectedVersion: a.version, title: 'Mine now' }))).toEqual([
        'FORBIDDEN',
      ]);
      expect(
        errorCodes(
          await update(w.member.token, { id: a.id, expectedVersion: a.version, status: 'DONE', dueAt: '2031-01-01T00:00:00Z' }),
        ),
      ).toEqual(['FORBIDDEN']);
      expect(errorCodes(await update(w.member2.token, { id: a.id, expectedVersion: a.version, status: 'DONE' }))).toEqual([
        'FORBIDDEN',
      ]);
      expect(errorCodes(await update(w.groupObserver.token, { id: a.id, expectedVersion: a.version, status: 'DONE' }))).toEqual([
        'FORBIDDEN',
      ]);
      expect(errorCodes(await update(w.outsider.token, { id: a.id, expectedVersion: a.version, status: 'DONE' }))).toEqual([
        'NOT_FOUND',
      ]);
      expect(errorCodes(await update('', { id: a.id, expectedVersion: a.version, status: 'DONE' }))).toEqual(['UNAUTHENTICATED']);
      expect(errorCodes(await update(w.chair.token, { id: 'nope', expectedVersion: 1, status: 'DONE' }))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await update(w.chair.token, { id: a.id, expectedVersion: 1, status: 'DONE' }))).toEqual(['CONFLICT']);
      expect(errorCodes(await update(w.member.token, { id: a.id, expectedVersion: a.version, percentComplete: 101 }))).toEqual([
        'BAD_USER_INPUT',
      ]);
      expect(errorCodes(await update(w.member.token, { id: a.id, expectedVersion: a.version, percentComplete: -1 }))).toEqual([
        'BAD_USER_INPUT',
      ]);
      const doneAt50 = await update(w.member.token, {
        id: a.id,
        expectedVersion: a.version,
        status: 'DONE',
        percentComplete: 50,
      });
      expect(errorCodes(doneAt50)).toEqual(['BAD_USER_INPUT']);
      expect(doneAt50.errors![0].extensions.fields).toEqual([
        { field: 'input.percentComplete', message: 'must be 100 when the status is DONE' },
      ]);
      expect(
        errorCodes(await update(w.chair.token, { id: a.id, expectedVersion: a.version, ownerId: w.groupObserver.id })),
      ).toEqual(['BAD_USER_INPUT']);
      expect(errorCodes(await update(w.chair.token, { id: a.id, expectedVersion: a.version, title: null }))).toEqual([
        'BAD_USER_INPUT',
      ]);
      expect(await itemRow(a.id)).toEqual(before);
      expect(await planRow(planId)).toEqual(planBefore);
    });

    it('sets percentComplete to 100 when DONE', async () => {
      const result = ok(await update(w.member.token, { id: a.id, expectedVersion: a.version, status: 'DONE' }));
      expect(result.updateWorkItem).toMatchObject({
        status: 'DONE',
        percentComplete: 100,
        version: a.version + 1,
        overdue: false,
      });
      a = result.updateWorkItem;
    });

    it('lets chairs change every field and clears with null; writes work_item.changed for dueAt and owner', async () => {
      const result = ok(
        await update(w.vice.token, {
          id: b.id,
          expectedVersion: 1,
          title: 'B renamed',
          description: 'now described',
          ownerId: w.member2.id,
          dueAt: '2016-12-01T00:00:00Z',
          dependsOnIds: [],
        }),
      );
      expect(result.updateWorkItem).toMatchObject({
        title: 'B renamed',
        description: 'now described',
        owner: { id: w.member2.id },
        dueAt: '2016-12-01T00:00:00.000Z',
        overdue: true,
        dependsOn: [],
        version: 2,
      });
      const events = await outbox(b.id);
      expect(events.at(-1)).toMatchObject({
        topic: 'workitem.changed',
        payload: { changed: ['ownerId', 'dueAt'], dueAt: '2016-12-01T00:00:00.000Z' },
      });
      const cleared = ok(
        await update(w.chair.token, { id: b.id, expectedVersion: 2, ownerId: null, dueAt: null, description: null }),
      );
      expect(cleared.updateWorkItem).toMatchObject({ owner: null, dueAt: null, description: null, overdue: false, version: 3 });
      b = cleared.updateWorkItem;
      // a title-only change writes no event
      const count = (await outbox(b.id)).length;
      b = ok(await update(w.chair.token, { id: b.id, expectedVersion: 3, title: 'B' })).updateWorkItem;
      expect((await outbox(b.id)).length).toBe(count);
    });

    it('refuses dependency and parent cycles with CONFLICT, changing nothing', async () => {
      // c depends on b; b depends on nothing now; make b depend on a (fine), then a on c (cycle a -> c -> b -> a)
      b = ok(await update(w.chair.token, { id: b.id, expectedVersion: b.version, dependsOnIds: [a.id] })).updateWorkItem;
      const before = await fx.query(
        `SELECT item_id, depends_on_id FROM work_item_dependency WHERE work_plan_id = $1 ORDER BY 1, 2`,
        [planId],
      );
      const aBefore = await itemRow(a.id);
      const cycle = await update(w.chair.token, { id: a.id, expectedVersion: a.version, dependsOnIds: [c.id] });
      expect(errorCodes(cycle)).toEqual(['CONFLICT']);
      expect(cycle.errors![0].message).toContain('cycle');
      expect(errorCodes(await update(w.chair.token, { id: a.id, expectedVersion: a.version, dependsOnIds: [a.id] }))).toEqual([
        'CONFLICT',
      ]);
      // parents: a <- b <- c; making c the parent of a is a cycle
      expect(errorCodes(await update(w.chair.token, { id: a.id, expectedVersion: a.version, parentId: c.id }))).toEqual([
        'CONFLICT',
      ]);
      expect(errorCodes(await update(w.chair.token, { id: a.id, expectedVersion: a.version, parentId: a.id }))).toEqual([
        'CONFLICT',
      ]);
      expect(
        await fx.query(`SELECT item_id, depends_on_id FROM work_item_dependency WHERE work_plan_id = $1 ORDER BY 1, 2`, [planId]),
      ).toEqual(before);
      expect(await itemRow(a.id)).toEqual(aBefore);
      // moving c to the top level is fine
      c = ok(await update(w.chair.token, { id: c.id, expectedVersion: c.version, parentId: null })).updateWorkItem;
      expect(c.parent).toBeNull();
    });
  });

  describe('removeWorkItem', () => {
    it('refuses while items depend on it or it has children; removes otherwise with work_item.removed', async () => {
      const planId = (await createPlan(gw, w.chair.token, w.groupId)).id;
      const a = await addItem(gw, w.chair.token, {
        workPlanId: planId,
        title: 'A',
        dueAt: '2017-01-01T00:00:00Z',
        ownerId: w.member.id,
      });
      const b = await addItem(gw, w.chair.token, { workPlanId: planId, title: 'B', dependsOnIds: [a.id] });
      const child = await addItem(gw, w.chair.token, { workPlanId: planId, title: 'Child', parentId: b.id });
      const remove = (token: string | undefined, id: string) => gw.gql<{ removeWorkItem: boolean }>(REMOVE_ITEM, { id }, token);

      const planBefore = await planRow(planId);
      expect(errorCodes(await remove(w.chair.token, a.id))).toEqual(['CONFLICT']);
      expect(errorCodes(await remove(w.chair.token, b.id))).toEqual(['CONFLICT']);
      expect(errorCodes(await remove(w.member.token, child.id))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await remove(w.outsider.token, child.id))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await remove(undefined, child.id))).toEqual(['UNAUTHENTICATED']);
      expect(errorCodes(await remove(w.chair.token, 'nope'))).toEqual(['NOT_FOUND']);
      expect(await planRow(planId)).toEqual(planBefore);
      expect(await fx.query(`SELECT count(*)::int AS n FROM work_item WHERE work_plan_id = $1`, [planId])).toEqual([{ n: 3 }]);

      expect(ok(await remove(w.vice.token, child.id)).removeWorkItem).toBe(true);
      expect(ok(await remove(w.secretariat.token, b.id)).removeWorkItem).toBe(true);
      expect(ok(await remove(w.chair.token, a.id)).removeWorkItem).toBe(true);
      expect(await fx.query(`SELECT count(*)::int AS n FROM work_item WHERE work_plan_id = $1`, [planId])).toEqual([{ n: 0 }]);
      expect(await planRow(planId)).toEqual({ status: 'DRAFT', version: planBefore.version + 3 });
      expect((await outbox(a.id)).map((e) => e.topic)).toEqual(['workitem.created', 'workitem.removed']);
      expect((await outbox(a.id))[1].payload).toMatchObject({
        dueAt: '2017-01-01T00:00:00.000Z',
        ownerId: w.member.id,
        status: 'NOT_STARTED',
      });
      expect(errorCodes(await gw.gql(GET_ITEM, { id: a.id }, w.chair.token))).toEqual(['NOT_FOUND']);
    });
  });

  describe('submitWorkPlan and approveWorkPlan', () => {
    it('moves DRAFT -> SUBMITTED -> APPROVED with the right roles; CONFLICT from the wrong state; items stay editable', async () => {
      const plan = await createPlan(gw, w.chair.token, w.groupId);
      const item = await addItem(gw, w.chair.token, { workPlanId: plan.id, title: 'Task', ownerId: w.member.id });
      const submit = (token: string | undefined) =>
        gw.gql<{ submitWorkPlan: { status: string; version: number } }>(SUBMIT_PLAN, { id: plan.id }, token);
      const approve = (token: string | undefined) =>
        gw.gql<{ approveWorkPlan: { status: string; version: number } }>(APPROVE_PLAN, { id: plan.id }, token);

      expect(errorCodes(await approve(w.secretariat.token))).toEqual(['CONFLICT']);
      expect(errorCodes(await submit(w.secretariat.token))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await submit(w.member.token))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await submit(w.outsider.token))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await submit(undefined))).toEqual(['UNAUTHENTICATED']);
      expect(await planRow(plan.id)).toEqual({ status: 'DRAFT', version: 2 });

      expect(ok(await submit(w.vice.token)).submitWorkPlan).toEqual(expect.objectContaining({ status: 'SUBMITTED', version: 3 }));
      expect(errorCodes(await submit(w.chair.token))).toEqual(['CONFLICT']);
      expect(errorCodes(await approve(w.chair.token))).toEqual(['FORBIDDEN']);
      expect(await planRow(plan.id)).toEqual({ status: 'SUBMITTED', version: 3 });

      expect(ok(await approve(w.secretariat.token)).approveWorkPlan).toEqual(
        expect.objectContaining({ status: 'APPROVED', version: 4 }),
      );
      expect(errorCodes(await approve(w.secretariat.token))).toEqual(['CONFLICT']);
      expect(errorCodes(await submit(w.chair.token))).toEqual(['CONFLICT']);
      expect(errorCodes(await gw.gql(SUBMIT_PLAN, { id: 'nope' }, w.chair.token))).toEqual(['NOT_FOUND']);

      // progress is tracked on the approved plan
      const updated = ok(
        await update(w.member.token, { id: item.id, expectedVersion: 1, status: 'IN_PROGRESS', percentComplete: 10 }),
      );
      expect(updated.updateWorkItem.workPlan.version).toBe(5);
      expect(await planRow(plan.id)).toEqual({ status: 'APPROVED', version: 5 });
    });
  });

  describe('queries', () => {
    it('reads plans and items for any member of the initiative; NOT_FOUND for outsiders and unknown ids', async () => {
      const plan = await createPlan(gw, w.chair.token, w.groupId, 'Readable');
      const item = await addItem(gw, w.chair.token, { workPlanId: plan.id, title: 'Readable item' });
      const observer = await fx.person(w.initiativeId, 'OBSERVER');
      for (const token of [observer.token, w.initiativeMember.token, w.secretariat.token]) {
        expect(ok(await gw.gql<{ workPlan: { title: string } }>(GET_PLAN, { id: plan.id }, token)).workPlan.title).toBe(
          'Readable',
        );
        expect(ok(await gw.gql<{ workItem: { title: string } }>(GET_ITEM, { id: item.id }, token)).workItem.title).toBe(
          'Readable item',
        );
      }
      expect(errorCodes(await gw.gql(GET_PLAN, { id: plan.id }, w.outsider.token))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await gw.gql(GET_ITEM, { id: item.id }, w.outsider.token))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await gw.gql(GET_PLAN, { id: plan.id }))).toEqual(['UNAUTHENTICATED']);
      expect(errorCodes(await gw.gql(GET_PLAN, { id: 'x' }, w.chair.token))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await gw.gql(GET_PLAN, { id: '00000000-0000-4000-8000-000000000000' }, w.chair.token))).toEqual([
        'NOT_FOUND',
      ]);
      expect(errorCodes(await gw.gql(GET_ITEM, { id: '00000000-0000-4000-8000-000000000000' }, w.chair.token))).toEqual([
        'NOT_FOUND',
      ]);
    });

    it('pages items in insertion order, with a status filter and totals', async () => {
      const plan = await createPlan(gw, w.chair.token, w.groupId, 'Paged');
      const ids: string[] = [];
      for (let i = 0; i < 5; i += 1) ids.push((await addItem(gw, w.chair.token, { workPlanId: plan.id, title: `Item ${i}` })).id);
      ok(await update(w.chair.token, { id: ids[1], expectedVersion: 1, status: 'DONE' }));
      ok(await update(w.chair.token, { id: ids[3], expectedVersion: 1, status: 'DONE' }));
      const query = `query($id: ID!, $status: WorkItemStatus, $first: Int, $after: String) {
        workPlan(id: $id) { items(status: $status, first: $first, after: $after) {
          totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } } }`;
      type Page = {
        workPlan: {
          items: {
            totalCount: number;
            pageInfo: { hasNextPage: boolean; endCursor: string | null };
            edges: { node: { id: string } }[];
          };
        };
      };
      const p1 = ok(await gw.gql<Page>(query, { id: plan.id, first: 2 }, w.member.token)).workPlan.items;
      expect(p1.totalCount).toBe(5);
      expect(p1.edges.map((e) => e.node.id)).toEqual(ids.slice(0, 2));
      expect(p1.pageInfo.hasNextPage).toBe(true);
      const p2 = ok(await gw.gql<Page>(query, { id: plan.id, first: 2, after: p1.pageInfo.endCursor }, w.member.token)).workPlan
        .items;
      expect(p2.edges.map((e) => e.node.id)).toEqual(ids.slice(2, 4));
      const p3 = ok(await gw.gql<Page>(query, { id: plan.id, first: 2, after: p2.pageInfo.endCursor }, w.member.token)).workPlan
        .items;
      expect(p3.edges.map((e) => e.node.id)).toEqual(ids.slice(4));
      expect(p3.pageInfo.hasNextPage).toBe(false);
      const done = ok(await gw.gql<Page>(query, { id: plan.id, status: 'DONE' }, w.member.token)).workPlan.items;
      expect(done.totalCount).toBe(2);
      expect(done.edges.map((e) => e.node.id)).toEqual([ids[1], ids[3]]);
      const notStarted = ok(await gw.gql<Page>(query, { id: plan.id, status: 'NOT_STARTED', first: 1 }, w.member.token)).workPlan
        .items;
      expect(notStarted.totalCount).toBe(3);
      expect(notStarted.edges.map((e) => e.node.id)).toEqual([ids[0]]);
      expect(errorCodes(await gw.gql(query, { id: plan.id, after: 'garbage' }, w.member.token))).toEqual(['BAD_USER_INPUT']);
      expect(errorCodes(await gw.gql(query, { id: plan.id, first: -1 }, w.member.token))).toEqual(['BAD_USER_INPUT']);
    });
  });
});
