import { Injectable } from '@nestjs/common';
import type DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import {
  byKeys,
  type ConnectionShape,
  groupedByKeys,
  InvalidInputError,
  isUuid,
  type LoaderRegistry,
  type PageRequest,
  toConnection,
} from '@app/platform';
import { WORKING_GROUP_COLUMNS, type WorkingGroupModel, workingGroupLoader } from '@app/structure';
import { meanPercent, NEXT_DUE_LIMIT, NO_PROGRESS, type ProgressCounts, soonest, sumCounts } from './rules/progress';
import type { InitiativeProgressModel, ProgressModel } from './progress/progress.model';
import { WORK_ITEM_COLUMNS, type WorkItemModel } from './work-items/work-item.model';
import type { WorkItemStatus } from './work-plans/work-plan.enums';
import { WORK_PLAN_COLUMNS, type WorkPlanModel } from './work-plans/work-plan.model';

/** The aggregate columns of ProgressCounts over `work_item i` (rows already limited to not CANCELLED). */
const COUNT_COLUMNS = `count(i.id)::int AS total,
  count(i.id) FILTER (WHERE i.status = 'NOT_STARTED')::int AS "notStarted",
  count(i.id) FILTER (WHERE i.status = 'IN_PROGRESS')::int AS "inProgress",
  count(i.id) FILTER (WHERE i.status = 'BLOCKED')::int AS blocked,
  count(i.id) FILTER (WHERE i.status = 'DONE')::int AS done,
  count(i.id) FILTER (WHERE i.status <> 'DONE' AND i.due_at < $2::timestamptz)::int AS overdue,
  coalesce(sum(i.percent_complete), 0)::int AS "percentSum"`;

/** The current (newest) plan of each group: DISTINCT ON over the newest-first index. */
const NEWEST_FIRST = `ORDER BY p.working_group_id, p.created_at DESC, p.id DESC`;

type CountsRow = ProgressCounts & { planId: string };

export function toProgress(counts: ProgressCounts, nextDue: WorkItemModel[]): ProgressModel {
  const { total, notStarted, inProgress, blocked, done, overdue } = counts;
  return { total, notStarted, inProgress, blocked, done, overdue, percentComplete: meanPercent(counts), nextDue };
}

/**
 * Reads of work plans, items and progress. Everything a field resolver needs goes through a
 * per-request DataLoader here, so the number of SQL statements of a query does not grow with
 * the number of plans or items it lists.
 */
@Injectable()
export class WorkPlansReader {
  constructor(private readonly dataSource: DataSource) {}

  /** Plans by id (with the group's initiative, for access checks). */
  plan(loaders: LoaderRegistry): DataLoader<string, WorkPlanModel | null> {
    return loaders.get<string, WorkPlanModel | null>('workPlans.plan', async (ids) => {
      const valid = ids.filter(isUuid);
      const rows: WorkPlanModel[] = valid.length
        ? await this.dataSource.query(
            `SELECT ${WORK_PLAN_COLUMNS} FROM work_plan p JOIN working_group g ON g.id = p.working_group_id WHERE p.id = ANY($1::uuid[])`,
            [valid],
          )
        : [];
      return byKeys(ids, rows, (r) => r.id);
    });
  }

  /** The current (newest) plan of each group, or null. */
  currentPlanOfGroup(loaders: LoaderRegistry): DataLoader<string, WorkPlanModel | null> {
    return loaders.get<string, WorkPlanModel | null>('workPlans.currentOfGroup', async (ids) => {
      const valid = ids.filter(isUuid);
      const rows: WorkPlanModel[] = valid.length
        ? await this.dataSource.query(
            `SELECT DISTINCT ON (p.working_group_id) ${WORK_PLAN_COLUMNS}
               FROM work_plan p JOIN working_group g ON g.id = p.working_group_id
              WHERE p.working_group_id = ANY($1::uuid[]) ${NEWEST_FIRST}`,
            [valid],
          )
        : [];
      const plans = this.plan(loaders);
      for (const row of rows) plans.prime(row.id, row);
      return byKeys(ids, rows, (r) => r.workingGroupId);
    });
  }

  /** Items by id. */
  item(loaders: LoaderRegistry): DataLoader<string, WorkItemModel | null> {
    return loaders.get<string, WorkItemModel | null>('workPlans.item', async (ids) => {
      const valid = ids.filter(isUuid);
      const rows: WorkItemModel[] = valid.length
        ? await this.dataSource.query(`SELECT ${WORK_ITEM_COLUMNS} FROM work_item i WHERE i.id = ANY($1::uuid[])`, [valid])
        : [];
      return byKeys(ids, rows, (r) => r.id);
    });
  }

  /** The items an item depends on, in plan order. */
  dependsOn(loaders: LoaderRegistry): DataLoader<string, WorkItemModel[]> {
    return loaders.get<string, WorkItemModel[]>('workPlans.dependsOn', async (ids) => {
      const rows: (WorkItemModel & { dependentId: string })[] = await this.dataSource.query(
        `SELECT d.item_id AS "dependentId", ${WORK_ITEM_COLUMNS}
           FROM work_item_dependency d JOIN work_item i ON i.id = d.depends_on_id
          WHERE d.item_id = ANY($1::uuid[]) ORDER BY i.seq`,
        [ids.filter(isUuid)],
      );
      return groupedByKeys(ids, rows, (r) => r.dependentId).map((list) =>
        list.map(({ dependentId: _unused, ...item }) => item as WorkItemModel),
      );
    });
  }

  /**
   * A page of each plan's items (plan order), optionally of one status: two statements per
   * batch whatever the number of plans (the counts, and the first limit + 1 rows per plan).
   */
  items(
    loaders: LoaderRegistry,
    status: WorkItemStatus | null,
    page: PageRequest,
  ): DataLoader<string, ConnectionShape<WorkItemModel>> {
    const afterSeq = page.after ? String(page.after[0]) : null;
    if (afterSeq !== null && !/^\d{1,18}$/.test(afterSeq))
      throw InvalidInputError.field('after', 'is not a cursor returned by this API');
    const name = `workPlans.items:${status ?? '*'}:${page.limit}:${afterSeq ?? ''}`;
    return loaders.get<string, ConnectionShape<WorkItemModel>>(name, async (ids) => {
      const valid = ids.filter(isUuid);
      const counts: { planId: string; total: number }[] = await this.dataSource.query(
        `SELECT work_plan_id AS "planId", count(*)::int AS total FROM work_item
          WHERE work_plan_id = ANY($1::uuid[]) AND ($2::text IS NULL OR status = $2) GROUP BY work_plan_id`,
        [valid, status],
      );
      const rows: WorkItemModel[] =
        page.limit === 0
          ? []
          : await this.dataSource.query(
              `SELECT * FROM (
                 SELECT ${WORK_ITEM_COLUMNS}, row_number() OVER (PARTITION BY i.work_plan_id ORDER BY i.seq) AS n
                   FROM work_item i
                  WHERE i.work_plan_id = ANY($1::uuid[]) AND ($2::text IS NULL OR i.status = $2)
                    AND ($3::bigint IS NULL OR i.seq > $3::bigint)) x
                WHERE n <= $4 ORDER BY "workPlanId", seq::bigint`,
              [valid, status, afterSeq, page.limit + 1],
            );
      const totals = new Map(counts.map((c) => [c.planId, c.total]));
      const itemLoader = this.item(loaders);
      for (const row of rows) {
        delete (row as { n?: unknown }).n;
        itemLoader.prime(row.id, row);
      }
      return groupedByKeys(ids, rows, (r) => r.workPlanId).map((list, i) =>
        toConnection(list, page, (r) => [r.seq], totals.get(ids[i]) ?? 0),
      );
    });
  }

  /** Progress of plans: one aggregate statement and one window-function statement per batch. */
  progress(loaders: LoaderRegistry): DataLoader<string, ProgressModel> {
    return loaders.get<string, ProgressModel>('workPlans.progress', async (ids) => {
      const valid = ids.filter(isUuid);
      const asOf = new Date();
      const [counts, nextDue] = await Promise.all([this.counts(valid, asOf), this.nextDue(valid)]);
      const countsByPlan = new Map(counts.map((c) => [c.planId, c]));
      return groupedByKeys(ids, nextDue, (r) => r.workPlanId).map((due, i) =>
        toProgress(countsByPlan.get(ids[i]) ?? NO_PROGRESS, due),
      );
    });
  }

  private async counts(planIds: string[], asOf: Date): Promise<CountsRow[]> {
    if (!planIds.length) return [];
    return this.dataSource.query(
      `SELECT i.work_plan_id AS "planId", ${COUNT_COLUMNS}
         FROM work_item i WHERE i.work_plan_id = ANY($1::uuid[]) AND i.status <> 'CANCELLED'
        GROUP BY i.work_plan_id`,
      [planIds, asOf],
    );
  }

  /** Up to 5 not-done, not-cancelled items with a dueAt per plan, soonest first (one statement). */
  private async nextDue(planIds: string[]): Promise<WorkItemModel[]> {
    if (!planIds.length) return [];
    const rows: (WorkItemModel & { n?: string })[] = await this.dataSource.query(
      `SELECT * FROM (
         SELECT ${WORK_ITEM_COLUMNS}, row_number() OVER (PARTITION BY i.work_plan_id ORDER BY i.due_at, i.id) AS n
           FROM work_item i
          WHERE i.work_plan_id = ANY($1::uuid[]) AND i.due_at IS NOT NULL AND i.status NOT IN ('DONE', 'CANCELLED')) x
        WHERE n <= ${NEXT_DUE_LIMIT} ORDER BY "workPlanId", "dueAt", id`,
      [planIds],
    );
    for (const row of rows) delete row.n;
    return rows;
  }

  /**
   * Progress of every working group of an initiative (by code) and the totals over their
   * current plans: two statements whatever the number of groups and items (the groups with
   * their current plans and aggregates in one GROUP BY query, nextDue of all plans in one
   * window-function query). Primes the loaders so nested fields cost nothing more.
   */
  async initiativeProgress(loaders: LoaderRegistry, initiativeId: string): Promise<InitiativeProgressModel> {
    const asOf = new Date();
    type Row = { group: WorkingGroupModel; plan: WorkPlanModel | null; counts: ProgressCounts | null };
    const raw: Record<string, unknown>[] = await this.dataSource.query(
      `WITH cur AS (
         SELECT DISTINCT ON (p.working_group_id) ${WORK_PLAN_COLUMNS}
           FROM work_plan p JOIN working_group g ON g.id = p.working_group_id
          WHERE g.initiative_id = $1 ${NEWEST_FIRST}),
       agg AS (
         SELECT i.work_plan_id AS "planId", ${COUNT_COLUMNS}
           FROM work_item i JOIN cur ON cur.id = i.work_plan_id
          WHERE i.status <> 'CANCELLED'
          GROUP BY i.work_plan_id)
       SELECT row_to_json(wg) AS "group", row_to_json(cur) AS plan, row_to_json(agg) AS counts
         FROM (SELECT ${WORKING_GROUP_COLUMNS} FROM working_group WHERE initiative_id = $1) wg
         LEFT JOIN cur ON cur."workingGroupId" = wg.id
         LEFT JOIN agg ON agg."planId" = cur.id
        ORDER BY wg.code`,
      [initiativeId, asOf],
    );
    const rows = raw as unknown as Row[];
    const planIds = rows.flatMap((r) => (r.plan ? [r.plan.id] : []));
    const nextDue = (await this.nextDue(planIds)).map((item) => ({ ...item, dueAt: item.dueAt && new Date(item.dueAt) }));
    const grouped = groupedByKeys(planIds, nextDue, (r) => r.workPlanId);
    const dueByPlan = new Map(planIds.map((id, i) => [id, grouped[i]]));

    const groups = workingGroupLoader(loaders, this.dataSource);
    const plans = this.plan(loaders);
    const current = this.currentPlanOfGroup(loaders);
    const progress = this.progress(loaders);
    const workingGroups = rows.map(({ group, plan, counts }) => {
      const due = plan ? (dueByPlan.get(plan.id) ?? []) : [];
      const planProgress = toProgress(counts ?? NO_PROGRESS, due);
      groups.prime(group.id, group);
      current.prime(group.id, plan);
      if (plan) {
        plans.prime(plan.id, plan);
        progress.prime(plan.id, planProgress);
      }
      return { workingGroup: group, workPlan: plan, progress: planProgress };
    });
    const totals = toProgress(
      sumCounts(rows.map((r) => r.counts ?? NO_PROGRESS)),
      soonest(workingGroups.map((g) => g.progress.nextDue)),
    );
    return { initiativeId, asOf, workingGroups, totals };
  }

  /** Overdue items of the initiative's current plans, oldest dueAt first (two statements). */
  async overdueItems(initiativeId: string, page: PageRequest): Promise<ConnectionShape<WorkItemModel>> {
    const asOf = new Date();
    const [afterKey, afterId] = (page.after ?? [null, null]) as [unknown, unknown];
    const validAfter = typeof afterKey === 'string' && !Number.isNaN(Date.parse(afterKey)) && isUuid(afterId);
    if (page.after && !validAfter) throw InvalidInputError.field('after', 'is not a cursor returned by this API');
    const cur = `WITH cur AS (
        SELECT DISTINCT ON (p.working_group_id) p.id
          FROM work_plan p JOIN working_group g ON g.id = p.working_group_id
         WHERE g.initiative_id = $1 ${NEWEST_FIRST})`;
    const overdue = `i.due_at < $2::timestamptz AND i.status NOT IN ('DONE', 'CANCELLED')`;
    const [{ total }] = (await this.dataSource.query(
      `${cur} SELECT count(*)::int AS total FROM work_item i JOIN cur ON cur.id = i.work_plan_id WHERE ${overdue}`,
      [initiativeId, asOf],
    )) as { total: number }[];
    const rows: (WorkItemModel & { dueKey: string })[] =
      page.limit === 0
        ? []
        : await this.dataSource.query(
            `${cur} SELECT ${WORK_ITEM_COLUMNS},
                    to_char(i.due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "dueKey"
               FROM work_item i JOIN cur ON cur.id = i.work_plan_id
              WHERE ${overdue} AND ($3::timestamptz IS NULL OR (i.due_at, i.id) > ($3::timestamptz, $4::uuid))
              ORDER BY i.due_at, i.id LIMIT $5`,
            [initiativeId, asOf, validAfter ? afterKey : null, validAfter ? afterId : null, page.limit + 1],
          );
    return toConnection(rows, page, (r) => [r.dueKey, r.id], total);
  }
}
