import { useFixtures } from '../support/fixtures';
import { errorCodes, useGateway } from '../support/gateway-harness';
import { addItem, createPlan, type PlanWorld, planWorld, UPDATE_ITEM } from '../support/work-plan-fixtures';

describe('work plans under concurrency', () => {
  let w: PlanWorld;

  const gw = useGateway();
  const fx = useFixtures();
  beforeAll(async () => {
    w = await planWorld(fx);
  });

  const planVersion = async (id: string) =>
    (await fx.query<{ version: number }>(`SELECT version FROM work_plan WHERE id = $1`, [id]))[0].version;

  it('applies exactly one of 10 concurrent updates with the same expectedVersion; nine get CONFLICT', async () => {
    const plan = await createPlan(gw, w.chair.token, w.groupId);
    const item = await addItem(gw, w.chair.token, { workPlanId: plan.id, title: 'Contended', ownerId: w.member.id });
    const versionBefore = await planVersion(plan.id);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        gw.gql<{ updateWorkItem: { percentComplete: number; version: number } }>(
          UPDATE_ITEM,
          { input: { id: item.id, expectedVersion: 1, status: 'IN_PROGRESS', percentComplete: (i + 1) * 5 } },
          i % 2 ? w.member.token : w.chair.token,
        ),
      ),
    );
    const winners = results.filter((r) => !r.errors);
    expect(winners).toHaveLength(1);
    expect(results.flatMap(errorCodes).sort()).toEqual(Array(9).fill('CONFLICT'));
    const [row] = await fx.query<{ version: number; percent_complete: number; status: string }>(
      `SELECT version, percent_complete, status FROM work_item WHERE id = $1`,
      [item.id],
    );
    expect(row).toEqual({ version: 2, percent_complete: winners[0].data!.updateWorkItem.percentComplete, status: 'IN_PROGRESS' });
    expect(await planVersion(plan.id)).toBe(versionBefore + 1);
    const events = await fx.query(`SELECT topic FROM outbox_event WHERE subject_id = $1 ORDER BY id`, [item.id]);
    expect(events).toEqual([{ topic: 'workitem.created' }, { topic: 'workitem.changed' }]);
  });

  it('keeps exactly one of two concurrent dependencies A -> B and B -> A (repeated 5 times)', async () => {
    for (let round = 0; round < 5; round += 1) {
      const plan = await createPlan(gw, w.chair.token, w.groupId, `Race ${round}`);
      const a = await addItem(gw, w.chair.token, { workPlanId: plan.id, title: 'A' });
      const b = await addItem(gw, w.chair.token, { workPlanId: plan.id, title: 'B' });
      const results = await Promise.all([
        gw.gql(UPDATE_ITEM, { input: { id: a.id, expectedVersion: 1, dependsOnIds: [b.id] } }, w.chair.token),
        gw.gql(UPDATE_ITEM, { input: { id: b.id, expectedVersion: 1, dependsOnIds: [a.id] } }, w.vice.token),
      ]);
      expect(results.flatMap(errorCodes)).toEqual(['CONFLICT']);
      const edges = await fx.query(`SELECT item_id, depends_on_id FROM work_item_dependency WHERE work_plan_id = $1`, [plan.id]);
      expect(edges).toHaveLength(1);
      const winner = results.findIndex((r) => !r.errors);
      expect(edges[0]).toEqual(winner === 0 ? { item_id: a.id, depends_on_id: b.id } : { item_id: b.id, depends_on_id: a.id });
    }
  });

  it('serialises concurrent additions to one plan: 10 items, plan version + 10', async () => {
    const plan = await createPlan(gw, w.chair.token, w.groupId);
    const before = await planVersion(plan.id);
    const items = await Promise.all(
      Array.from({ length: 10 }, (_, i) => addItem(gw, w.chair.token, { workPlanId: plan.id, title: `Item ${i}` })),
    );
    expect(new Set(items.map((i) => i.id)).size).toBe(10);
    expect(await planVersion(plan.id)).toBe(before + 10);
  });
});
