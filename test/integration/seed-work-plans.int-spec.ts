import { LoaderRegistry } from '@app/platform';
import { WorkPlansModule, WorkPlansReader } from '@app/work-plans';
import { useDemoSeeder } from '../support/demo-seeder';
import { useServices } from '../support/services';

/** The demo seed's work plans: exact figures, and a second run changes nothing. */
describe('demo seed: work plans', () => {
  const { fx, seed } = useDemoSeeder();
  const services = useServices(WorkPlansModule);

  it('creates a DRAFT plan per group with the documented figures, idempotently', async () => {
    await seed();
    const snapshot = () =>
      fx.query(
        `SELECT g.code, p.id, p.status, p.version, p.period_start::text, p.period_end::text, count(i.id)::int AS items
           FROM initiative ini JOIN working_group g ON g.initiative_id = ini.id JOIN work_plan p ON p.working_group_id = g.id
           LEFT JOIN work_item i ON i.work_plan_id = p.id
          WHERE ini.slug = 'u4ssc' GROUP BY g.code, p.id ORDER BY g.code`,
      );
    const first = await snapshot();
    await seed();
    expect(await snapshot()).toEqual(first);
    expect(first.map((r) => [r.code, r.status, r.period_start, r.period_end, r.items])).toEqual([
      ['WG1', 'DRAFT', '2016-07-01', '2017-06-30', 10],
      ['WG2', 'DRAFT', '2016-07-01', '2017-06-30', 8],
      ['WG3', 'DRAFT', '2016-07-01', '2017-06-30', 7],
    ]);

    const [initiative] = await fx.query<{ id: string }>(`SELECT id FROM initiative WHERE slug = 'u4ssc'`);
    // What initiativeProgress answers, without its nextDue items.
    const data = await services.get(WorkPlansReader).initiativeProgress(new LoaderRegistry(), initiative.id);
    const counts = ({ nextDue: _, ...figures }: { nextDue: unknown }) => figures;
    expect(data.workingGroups.map((g) => [g.workingGroup.code, counts(g.progress)])).toEqual([
      ['WG1', { total: 9, done: 3, inProgress: 3, blocked: 1, notStarted: 2, overdue: 6, percentComplete: 50 }],
      ['WG2', { total: 7, done: 3, inProgress: 2, blocked: 0, notStarted: 2, overdue: 4, percentComplete: 52.14 }],
      ['WG3', { total: 7, done: 2, inProgress: 1, blocked: 1, notStarted: 3, overdue: 5, percentComplete: 31.43 }],
    ]);
    expect(counts(data.totals)).toEqual({
      total: 23,
      done: 8,
      inProgress: 6,
      blocked: 2,
      notStarted: 7,
      overdue: 15,
      percentComplete: 45,
    });
    const owned = await fx.query(
      `SELECT count(*)::int AS owned FROM work_item i JOIN work_plan p ON p.id = i.work_plan_id JOIN working_group g ON g.id = p.working_group_id
        JOIN initiative ini ON ini.id = g.initiative_id WHERE ini.slug = 'u4ssc' AND i.owner_id IS NOT NULL`,
    );
    // WG1 7, WG2 6, WG3 5 owned items
    expect(owned).toEqual([{ owned: 18 }]);
  });
});
