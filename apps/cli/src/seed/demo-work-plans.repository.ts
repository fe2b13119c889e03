import { one, type Queryable, rows } from '@app/platform';

/** A work item of the demo as inserted. */
export interface DemoItemRow {
  workPlanId: string;
  parentId: string | null;
  kind: string;
  title: string;
  workingGroupId: string;
  /** E-mail of the owner, who must be a non-observer member of the group. */
  ownerEmail: string | null;
  dueAt: string;
  status: string;
  percent: number;
}

/** The demo work plans' SQL, in the seed's transaction. */
export class DemoWorkPlansRepository {
  constructor(private readonly m: Queryable) {}

  /** The group of that code in the initiative, if it has no plan yet. */
  async groupWithoutPlan(slug: string, code: string): Promise<string | null> {
    const group = await one<{ id: string }>(
      this.m,
      `SELECT g.id FROM working_group g JOIN initiative i ON i.id = g.initiative_id
        WHERE i.slug = $1 AND g.code = $2 AND NOT EXISTS (SELECT 1 FROM work_plan p WHERE p.working_group_id = g.id)`,
      [slug, code],
    );
    return group?.id ?? null;
  }

  async insertPlan(groupId: string, title: string, version: number): Promise<string> {
    const plan = await one<{ id: string }>(
      this.m,
      `INSERT INTO work_plan (working_group_id, title, period_start, period_end, version)
       VALUES ($1, $2, '2016-07-01', '2017-06-30', $3) RETURNING id`,
      [groupId, title, version],
    );
    return plan!.id;
  }

  /** Inserts the item; its owner is null when the e-mail is not a non-observer member of the group. */
  async insertItem(item: DemoItemRow): Promise<{ id: string; ownerId: string | null }> {
    const row = await one<{ id: string; ownerId: string | null }>(
      this.m,
      `INSERT INTO work_item (work_plan_id, parent_id, kind, title, owner_id, due_at, status, percent_complete)
       VALUES ($1, $2, $3, $4,
               (SELECT gm.person_id FROM group_member gm JOIN person p ON p.id = gm.person_id
                 WHERE gm.working_group_id = $5 AND gm.role <> 'OBSERVER' AND lower(p.email) = lower($6)),
               $7, $8, $9)
       RETURNING id, owner_id AS "ownerId"`,
      [
        item.workPlanId,
        item.parentId,
        item.kind,
        item.title,
        item.workingGroupId,
        item.ownerEmail,
        item.dueAt,
        item.status,
        item.percent,
      ],
    );
    return row!;
  }

  async insertDependencies(itemId: string, dependsOnIds: string[], workPlanId: string): Promise<void> {
    await rows(
      this.m,
      `INSERT INTO work_item_dependency (item_id, depends_on_id, work_plan_id) SELECT $1, unnest($2::uuid[]), $3`,
      [itemId, dependsOnIds, workPlanId],
    );
  }
}
