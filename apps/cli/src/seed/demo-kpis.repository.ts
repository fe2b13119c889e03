import { rows, type Queryable } from '@app/platform';

/** The demo KPI links' SQL, in the seed's transaction; idempotent. */
export class DemoKpisRepository {
  constructor(private readonly m: Queryable) {}

  /** Links the initiative's work items of that title to its KPIs of those codes (existing links stay). */
  async linkItemsByTitle(initiativeId: string, title: string, codes: string[]): Promise<void> {
    await rows(
      this.m,
      `INSERT INTO work_item_kpi (work_item_id, kpi_id, initiative_id)
       SELECT i.id, k.id, k.initiative_id
         FROM work_item i JOIN work_plan p ON p.id = i.work_plan_id JOIN working_group g ON g.id = p.working_group_id
         JOIN kpi k ON k.initiative_id = g.initiative_id AND k.code = ANY($3::text[])
        WHERE g.initiative_id = $1 AND i.title = $2
       ON CONFLICT DO NOTHING`,
      [initiativeId, title, codes],
    );
  }
}
