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

/** JSON rows of planNextDue back to WorkItemModel (dueAt as a Date). */
const itemsFromJson = (items: WorkItemModel[] | null): WorkItemModel[] =>
  (items ?? []).map((item) => ({ ...item, dueAt: item.dueAt && new Date(item.dueAt) }));

/** The current (newest) plan of each group: DISTINCT ON over the newest-first index. */
const NEWEST_FIRST = `ORDER BY p.working_group_id, p.created_at DESC, p.id DESC`;

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

  /** Progress of plans: one statement per batch (counts and nextDue of each plan, LATERAL per plan). */
  progress(loaders: LoaderRegistry): DataLoader<string, ProgressModel> {
    return loaders.get<string, ProgressModel>('workPlans.progress', async (ids) => {
      const valid = ids.filter(isUuid);
      const asOf = new Date();
      const rows: { planId: string; counts: ProgressCounts; nextDue: WorkItemModel[] }[] = valid.length
        ? await this.dataSource.query(
            `SELECT p.id AS "planId", row_to_json(c) AS counts, n.items AS "nextDue"
               FROM unnest($1::uuid[]) AS p (id)
              CROSS JOIN LATERAL ${planCounts('p.id')} c
              CROSS JOIN LATERAL (SELECT ${planNextDue('p.id')} AS items) n`,
            [valid, asOf],
          )
        : [];
      const byPlan = new Map(rows.map((r) => [r.planId, r]));
      return ids.map((id) => {
        const row = byPlan.get(id);
        return toProgress(row?.counts ?? NO_PROGRESS, itemsFromJson(row?.nextDue ?? null));
      });
    });
  }

  /**
   * Progress of every working group of an initiative (by code) and the totals over their
   * current plans: one statement whatever the number of groups and items (the groups with
   * their current plans, and per plan LATERAL its counts and its nextDue over two indexes).
   * Primes the loaders so nested fields cost nothing more.
   */
  async initiativeProgress(loaders: LoaderRegistry, initiativeId: string): Promise<InitiativeProgressModel> {
    const asOf = new Date();
    type Row = {
      group: WorkingGroupModel;
      plan: WorkPlanModel | null;
      counts: ProgressCounts | null;
      nextDue: WorkItemModel[] | null;
    };
    const raw: Record<string, unknown>[] = await this.dataSource.query(
      `WITH cur AS (
         SELECT DISTINCT ON (p.working_group_id) ${WORK_PLAN_COLUMNS}
           FROM work_plan p JOIN working_group g ON g.id = p.working_group_id
          WHERE g.initiative_id = $1 ${NEWEST_FIRST})
       SELECT row_to_json(wg) AS "group", row_to_json(cur) AS plan, row_to_json(c) AS counts, n.items AS "nextDue"
         FROM (SELECT ${WORKING_GROUP_COLUMNS} FROM working_group WHERE initiative_id = $1) wg
         LEFT JOIN cur ON cur."workingGroupId" = wg.id
         LEFT JOIN LATERAL ${planCounts('cur.id')} c ON cur.id IS NOT NULL
         LEFT JOIN LATERAL (SELECT ${planNextDue('cur.id')} AS items) n ON cur.id IS NOT NULL
        ORDER BY wg.code`,
      [initiativeId, asOf],
    );
    const rows = raw as unknown as Row[];
    const dueByPlan = new Map(rows.flatMap((r) => (r.plan ? [[r.plan.id, itemsFromJson(r.nextDue)] as const] : [])));

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
