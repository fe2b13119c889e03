import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { one, type Queryable, rows, updated } from '@app/platform';
import type { Edge } from '../rules/cycles';
import type { WorkItemKind, WorkItemStatus } from '../work-plans/work-plan.enums';
import type { PlanPlace } from '../work-plans/work-plans.repository';
import type { WorkItemModel } from './work-item.model';

/** Columns of `work_item i` selected for a WorkItemModel. */
export const WORK_ITEM_COLUMNS = `i.id, i.work_plan_id AS "workPlanId", i.parent_id AS "parentId", i.owner_id AS "ownerId",
  i.seq::text AS seq, i.kind, i.title, i.description, i.due_at AS "dueAt", i.status,
  i.percent_complete AS "percentComplete", i.version`;

/** WORK_ITEM_COLUMNS for a RETURNING clause, where the table has no alias. */
const RETURNED_COLUMNS = WORK_ITEM_COLUMNS.replaceAll('i.', '');

/** An item as addWorkItem writes it. */
export interface NewWorkItem {
  workPlanId: string;
  parentId: string | null;
  kind: WorkItemKind;
  title: string;
  description: string | null;
  ownerId: string | null;
  dueAt: Date | null;
}

/** The columns updateWorkItem may set; an absent field is left as it is. */
export interface WorkItemChanges {
  title?: string;
  description?: string | null;
  dueAt?: Date | null;
  ownerId?: string | null;
  status?: WorkItemStatus;
  percentComplete?: number;
  parentId?: string | null;
}

const CHANGE_COLUMNS: Record<keyof WorkItemChanges, string> = {
  title: 'title',
  description: 'description',
  dueAt: 'due_at',
  ownerId: 'owner_id',
  status: 'status',
  percentComplete: 'percent_complete',
  parentId: 'parent_id',
};

/**
 * work_item and work_item_dependency: the items of a plan (in insertion order, `seq`), their
 * parents and what they depend on. Writes run in the caller's transaction, which holds the
 * plan's lock (WorkPlansRepository.lock).
 */
@Injectable()
export class WorkItemsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The item's group, plan and owner, or null when there is no such item. */
  placeOf(itemId: string, db: Queryable = this.dataSource): Promise<(PlanPlace & { ownerId: string | null }) | null> {
    return one<PlanPlace & { ownerId: string | null }>(
      db,
      `SELECT p.working_group_id AS "groupId", p.id AS "planId", i.owner_id AS "ownerId"
         FROM work_item i JOIN work_plan p ON p.id = i.work_plan_id
        WHERE i.id = $1`,
      [itemId],
    );
  }

  byId(itemId: string, db: Queryable = this.dataSource): Promise<WorkItemModel | null> {
    return one<WorkItemModel>(db, `SELECT ${WORK_ITEM_COLUMNS} FROM work_item i WHERE i.id = $1`, [itemId]);
  }

  byIds(itemIds: string[], db: Queryable = this.dataSource): Promise<WorkItemModel[]> {
    return rows<WorkItemModel>(db, `SELECT ${WORK_ITEM_COLUMNS} FROM work_item i WHERE i.id = ANY($1::uuid[])`, [itemIds]);
  }

  /** The items each of `itemIds` depends on (as `dependentId`), in plan order. */
  dependsOn(itemIds: string[], db: Queryable = this.dataSource): Promise<(WorkItemModel & { dependentId: string })[]> {
    return rows<WorkItemModel & { dependentId: string }>(
      db,
      `SELECT d.item_id AS "dependentId", ${WORK_ITEM_COLUMNS}
         FROM work_item_dependency d JOIN work_item i ON i.id = d.depends_on_id
        WHERE d.item_id = ANY($1::uuid[]) ORDER BY i.seq`,
      [itemIds],
    );
  }

  /** The number of items of each plan that has any (of `status`, when given). */
  countsOfPlans(
    planIds: string[],
    status: WorkItemStatus | null,
    db: Queryable = this.dataSource,
  ): Promise<{ planId: string; total: number }[]> {
    return rows<{ planId: string; total: number }>(
      db,
      `SELECT work_plan_id AS "planId", count(*)::int AS total FROM work_item
        WHERE work_plan_id = ANY($1::uuid[]) AND ($2::text IS NULL OR status = $2) GROUP BY work_plan_id`,
      [planIds, status],
    );
  }

  /**
   * Up to `limit` items of each plan after `afterSeq` (of `status`, when given), in plan order:
   * one statement whatever the number of plans.
   */
  async firstOfPlans(
    planIds: string[],
    status: WorkItemStatus | null,
    afterSeq: string | null,
    limit: number,
    db: Queryable = this.dataSource,
  ): Promise<WorkItemModel[]> {
    const found = await rows<WorkItemModel & { n?: unknown }>(
      db,
      `SELECT * FROM (
         SELECT ${WORK_ITEM_COLUMNS}, row_number() OVER (PARTITION BY i.work_plan_id ORDER BY i.seq) AS n
           FROM work_item i
          WHERE i.work_plan_id = ANY($1::uuid[]) AND ($2::text IS NULL OR i.status = $2)
            AND ($3::bigint IS NULL OR i.seq > $3::bigint)) x
        WHERE n <= $4 ORDER BY "workPlanId", seq::bigint`,
      [planIds, status, afterSeq, limit],
    );
    for (const row of found) delete row.n;
    return found;
  }

  /** Those of `itemIds` that are items of the plan. */
  async idsOfPlan(planId: string, itemIds: string[], db: Queryable = this.dataSource): Promise<string[]> {
    const found = await rows<{ id: string }>(db, `SELECT id FROM work_item WHERE work_plan_id = $1 AND id = ANY($2::uuid[])`, [
      planId,
      itemIds,
    ]);
    return found.map((r) => r.id);
  }

  /** Each item of the plan that has a parent, with its parent. */
  parentsOfPlan(planId: string, db: Queryable = this.dataSource): Promise<{ id: string; parentId: string }[]> {
    return rows<{ id: string; parentId: string }>(
      db,
      `SELECT id, parent_id AS "parentId" FROM work_item WHERE work_plan_id = $1 AND parent_id IS NOT NULL`,
      [planId],
    );
  }

  /** Every dependency of the plan, as `item -> the item it depends on`. */
  async dependencyEdges(planId: string, db: Queryable = this.dataSource): Promise<Edge[]> {
    const found = await rows<{ itemId: string; dependsOnId: string }>(
      db,
      `SELECT item_id AS "itemId", depends_on_id AS "dependsOnId" FROM work_item_dependency WHERE work_plan_id = $1`,
      [planId],
    );
    return found.map((e) => [e.itemId, e.dependsOnId] as Edge);
  }

  /** How many items depend on the item, and how many are its children. */
  async dependantsAndChildren(
    itemId: string,
    db: Queryable = this.dataSource,
  ): Promise<{ dependants: number; children: number }> {
    const [counts] = await rows<{ dependants: number; children: number }>(
      db,
      `SELECT (SELECT count(*)::int FROM work_item_dependency WHERE depends_on_id = $1) AS dependants,
              (SELECT count(*)::int FROM work_item WHERE parent_id = $1) AS children`,
      [itemId],
    );
    return counts;
  }

  async insert(item: NewWorkItem, m: Queryable): Promise<WorkItemModel> {
    const [inserted] = await rows<WorkItemModel>(
      m,
      `INSERT INTO work_item (work_plan_id, parent_id, kind, title, description, owner_id, due_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${RETURNED_COLUMNS}`,
      [item.workPlanId, item.parentId, item.kind, item.title, item.description, item.ownerId, item.dueAt],
    );
    return inserted;
  }

  /**
   * Applies the changes and bumps the version if the item is still at `expectedVersion`: the
   * item as it is now, or null when another change came first.
   */
  async update(itemId: string, expectedVersion: number, changes: WorkItemChanges, m: Queryable): Promise<WorkItemModel | null> {
    const params: unknown[] = [itemId, expectedVersion];
    const sets: string[] = [];
    for (const [field, value] of Object.entries(changes) as [keyof WorkItemChanges, unknown][]) {
      if (value === undefined) continue;
      params.push(value);
      sets.push(`${CHANGE_COLUMNS[field]} = $${params.length}`);
    }
    const [item] = await updated<WorkItemModel>(
      m,
      `UPDATE work_item SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')}
        WHERE id = $1 AND version = $2 RETURNING ${RETURNED_COLUMNS}`,
      params,
    );
    return item ?? null;
  }

  async delete(itemId: string, m: Queryable): Promise<void> {
    await updated(m, `DELETE FROM work_item WHERE id = $1`, [itemId]);
  }

  async deleteDependencies(itemId: string, m: Queryable): Promise<void> {
    await updated(m, `DELETE FROM work_item_dependency WHERE item_id = $1`, [itemId]);
  }

  /** The item depends on each of `dependsOnIds` (items of the same plan). */
  async insertDependencies(planId: string, itemId: string, dependsOnIds: string[], m: Queryable): Promise<void> {
    await rows(m, `INSERT INTO work_item_dependency (item_id, depends_on_id, work_plan_id) SELECT $1, unnest($2::uuid[]), $3`, [
      itemId,
      dependsOnIds,
      planId,
    ]);
  }
}
