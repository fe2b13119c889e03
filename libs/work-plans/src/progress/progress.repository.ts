import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type Queryable, rows } from '@app/platform';
import { NEXT_DUE_LIMIT, type ProgressCounts } from '../rules/progress';
import type { WorkItemModel } from '../work-items/work-item.model';
import { WORK_ITEM_COLUMNS } from '../work-items/work-items.repository';
import type { WorkPlanModel } from '../work-plans/work-plan.model';
import { NEWEST_FIRST, WORK_PLAN_COLUMNS } from '../work-plans/work-plans.repository';

/**
 * ProgressCounts of one plan (`plan` is an SQL expression), for a LATERAL join: the items that
 * are not CANCELLED are grouped by status over the covering index work_item_progress_idx (an
 * index-only scan, a handful of rows), then pivoted. $2 is the as-of time.
 */
const planCounts = (plan: string) => `(
  SELECT coalesce(sum(s.n), 0)::int AS total,
         coalesce(sum(s.n) FILTER (WHERE s.status = 'NOT_STARTED'), 0)::int AS "notStarted",
         coalesce(sum(s.n) FILTER (WHERE s.status = 'IN_PROGRESS'), 0)::int AS "inProgress",
         coalesce(sum(s.n) FILTER (WHERE s.status = 'BLOCKED'), 0)::int AS blocked,
         coalesce(sum(s.n) FILTER (WHERE s.status = 'DONE'), 0)::int AS done,
         coalesce(sum(s.late) FILTER (WHERE s.status <> 'DONE'), 0)::int AS overdue,
         coalesce(sum(s.pct), 0)::int AS "percentSum"
    FROM (SELECT i.status, count(*) AS n, count(*) FILTER (WHERE i.due_at < $2::timestamptz) AS late,
                 sum(i.percent_complete) AS pct
            FROM work_item i WHERE i.work_plan_id = ${plan} AND i.status <> 'CANCELLED' GROUP BY i.status) s)`;

/**
 * Up to 5 not-done, not-cancelled items with a dueAt of one plan, soonest first, as a JSON array
 * (dueAt as text): a LIMIT over the partial index work_item_plan_next_due_idx.
 */
const planNextDue = (plan: string) => `(
  SELECT coalesce(json_agg(row_to_json(d) ORDER BY d."dueAt", d.id), '[]'::json) FROM (
    SELECT ${WORK_ITEM_COLUMNS} FROM work_item i
     WHERE i.work_plan_id = ${plan} AND i.due_at IS NOT NULL AND i.status NOT IN ('DONE', 'CANCELLED')
     ORDER BY i.due_at, i.id LIMIT ${NEXT_DUE_LIMIT}) d)`;

/** The current plan of each of the working groups $1. */
const CURRENT_PLAN_IDS = `WITH cur AS (
    SELECT DISTINCT ON (p.working_group_id) p.id
      FROM work_plan p WHERE p.working_group_id = ANY($1::uuid[]) ${NEWEST_FIRST})`;

/** An item of `cur` overdue at $2. */
const OVERDUE = `i.due_at < $2::timestamptz AND i.status NOT IN ('DONE', 'CANCELLED')`;

/** A plan's counts and its next due items (JSON: dueAt as text). */
export interface PlanProgressRow {
  planId: string;
  counts: ProgressCounts;
  nextDue: WorkItemModel[];
}

/** A working group's current plan, that plan's counts and its next due items (JSON). */
export interface GroupProgressRow {
  workingGroupId: string;
  plan: WorkPlanModel;
  counts: ProgressCounts;
  nextDue: WorkItemModel[];
}

/** The cursor of an overdue items page: the last item's dueAt (as text) and id. */
export interface OverdueAfter {
  dueKey: string;
  id: string;
}

/**
 * The aggregates of progress: counts of the items of plans by status, the next due items, and the
 * overdue items of the current plans of working groups. Each read is one statement whatever the number
 * of plans or items.
 */
@Injectable()
export class ProgressRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Counts and next due items of each plan as of `asOf` (LATERAL per plan). */
  ofPlans(planIds: string[], asOf: Date, db: Queryable = this.dataSource): Promise<PlanProgressRow[]> {
    return rows<PlanProgressRow>(
      db,
      `SELECT p.id AS "planId", row_to_json(c) AS counts, n.items AS "nextDue"
         FROM unnest($1::uuid[]) AS p (id)
        CROSS JOIN LATERAL ${planCounts('p.id')} c
        CROSS JOIN LATERAL (SELECT ${planNextDue('p.id')} AS items) n`,
      [planIds, asOf],
    );
  }

  /**
   * Each of the initiative's working groups with its current plan, and per plan LATERAL its counts and its
   * next due items over two indexes (one row per group, none for a group without a plan).
   */
  ofGroups(workingGroupIds: readonly string[], asOf: Date, db: Queryable = this.dataSource): Promise<GroupProgressRow[]> {
    return rows<GroupProgressRow>(
      db,
      `WITH cur AS (
         SELECT DISTINCT ON (p.working_group_id) ${WORK_PLAN_COLUMNS}
           FROM work_plan p
          WHERE p.working_group_id = ANY($1::uuid[]) ${NEWEST_FIRST})
       SELECT cur."workingGroupId", row_to_json(cur) AS plan, row_to_json(c) AS counts, n.items AS "nextDue"
         FROM cur
        CROSS JOIN LATERAL ${planCounts('cur.id')} c
        CROSS JOIN LATERAL (SELECT ${planNextDue('cur.id')} AS items) n`,
      [workingGroupIds, asOf],
    );
  }

  /** How many items of the groups' current plans are overdue at `asOf`. */
  async overdueCount(workingGroupIds: readonly string[], asOf: Date, db: Queryable = this.dataSource): Promise<number> {
    const [{ total }] = await rows<{ total: number }>(
      db,
      `${CURRENT_PLAN_IDS} SELECT count(*)::int AS total FROM work_item i JOIN cur ON cur.id = i.work_plan_id WHERE ${OVERDUE}`,
      [workingGroupIds, asOf],
    );
    return total;
  }

  /** Up to `limit` overdue items of the groups' current plans after `after`, oldest dueAt first, with their cursor key. */
  overduePage(
    workingGroupIds: readonly string[],
    asOf: Date,
    after: OverdueAfter | null,
    limit: number,
    db: Queryable = this.dataSource,
  ): Promise<(WorkItemModel & { dueKey: string })[]> {
    return rows<WorkItemModel & { dueKey: string }>(
      db,
      `${CURRENT_PLAN_IDS} SELECT ${WORK_ITEM_COLUMNS},
              to_char(i.due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "dueKey"
         FROM work_item i JOIN cur ON cur.id = i.work_plan_id
        WHERE ${OVERDUE} AND ($3::timestamptz IS NULL OR (i.due_at, i.id) > ($3::timestamptz, $4::uuid))
        ORDER BY i.due_at, i.id LIMIT $5`,
      [workingGroupIds, asOf, after?.dueKey ?? null, after?.id ?? null, limit],
    );
  }
}
