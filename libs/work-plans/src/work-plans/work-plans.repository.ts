import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { one, type Queryable, rows, updated } from '@app/platform';
import type { WorkPlanStatus } from './work-plan.enums';
import type { WorkPlanModel } from './work-plan.model';

/** Where a plan or item lives, for the access policy. */
export interface PlanScope {
  initiativeId: string;
  groupId: string;
  planId: string;
}

/** Where a plan or item lives in work-plans' own tables: the group's initiative is structure's to say. */
export type PlanPlace = Omit<PlanScope, 'initiativeId'>;

/** Columns of `work_plan p` selected for a WorkPlanModel. */
export const WORK_PLAN_COLUMNS = `p.id, p.working_group_id AS "workingGroupId", p.title,
  to_char(p.period_start, 'YYYY-MM-DD') AS "periodStart", to_char(p.period_end, 'YYYY-MM-DD') AS "periodEnd",
  p.status, p.version`;

/** The current (newest) plan of each group: DISTINCT ON over the newest-first index. */
export const NEWEST_FIRST = `ORDER BY p.working_group_id, p.created_at DESC, p.id DESC`;

/** A plan as written by createWorkPlan. */
export interface NewWorkPlan {
  workingGroupId: string;
  title: string;
  periodStart: string;
  periodEnd: string;
}

/**
 * work_plan: a working group's plans (the newest is the current one). Its version counts every
 * change to the plan or its items, and its row lock serialises the changes to one plan.
 */
@Injectable()
export class WorkPlansRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The plan's group, or null when there is no such plan. */
  async placeOf(planId: string, db: Queryable = this.dataSource): Promise<PlanPlace | null> {
    const row = await one<{ groupId: string }>(db, `SELECT working_group_id AS "groupId" FROM work_plan WHERE id = $1`, [planId]);
    return row && { ...row, planId };
  }

  byId(planId: string, db: Queryable = this.dataSource): Promise<WorkPlanModel | null> {
    return one<WorkPlanModel>(db, `SELECT ${WORK_PLAN_COLUMNS} FROM work_plan p WHERE p.id = $1`, [planId]);
  }

  byIds(planIds: string[], db: Queryable = this.dataSource): Promise<WorkPlanModel[]> {
    return rows<WorkPlanModel>(db, `SELECT ${WORK_PLAN_COLUMNS} FROM work_plan p WHERE p.id = ANY($1::uuid[])`, [planIds]);
  }

  /** The current (newest) plan of each of the groups that has one. */
  currentOfGroups(groupIds: string[], db: Queryable = this.dataSource): Promise<WorkPlanModel[]> {
    return rows<WorkPlanModel>(
      db,
      `SELECT DISTINCT ON (p.working_group_id) ${WORK_PLAN_COLUMNS}
         FROM work_plan p
        WHERE p.working_group_id = ANY($1::uuid[]) ${NEWEST_FIRST}`,
      [groupIds],
    );
  }

  /** The new plan's id. */
  async insert(plan: NewWorkPlan, m: Queryable): Promise<string> {
    const [{ id }] = await rows<{ id: string }>(
      m,
      `INSERT INTO work_plan (working_group_id, title, period_start, period_end) VALUES ($1, $2, $3, $4) RETURNING id`,
      [plan.workingGroupId, plan.title, plan.periodStart, plan.periodEnd],
    );
    return id;
  }

  /** Moves the plan from `from` to `to` (bumping its version); false when it is not in state `from`. */
  async transition(planId: string, from: WorkPlanStatus, to: WorkPlanStatus, m: Queryable): Promise<boolean> {
    const changed = await updated<{ id: string }>(
      m,
      `UPDATE work_plan SET status = $3, version = version + 1 WHERE id = $1 AND status = $2 RETURNING id`,
      [planId, from, to],
    );
    return changed.length === 1;
  }

  /** Locks the plan row (FOR UPDATE) until the transaction ends; null when there is no such plan. */
  lock(planId: string, m: Queryable): Promise<{ id: string; groupId: string } | null> {
    return one<{ id: string; groupId: string }>(
      m,
      `SELECT id, working_group_id AS "groupId" FROM work_plan WHERE id = $1 FOR UPDATE`,
      [planId],
    );
  }

  async bumpVersion(planId: string, m: Queryable): Promise<void> {
    await updated(m, `UPDATE work_plan SET version = version + 1 WHERE id = $1`, [planId]);
  }
}
