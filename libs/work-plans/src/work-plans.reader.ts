import { Injectable } from '@nestjs/common';
import type DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import {
  AppConfig,
  byKeys,
  DataChanges,
  type ConnectionShape,
  groupedByKeys,
  InvalidInputError,
  isUuid,
  type LoaderRegistry,
  type PageRequest,
  SharedReads,
  toConnection,
} from '@app/platform';
import { workingGroupLoader, WorkingGroupsReader } from '@app/structure';
import { meanPercent, NO_PROGRESS, type ProgressCounts, soonest, sumCounts } from './rules/progress';
import type { InitiativeProgressModel, ProgressModel } from './progress/progress.model';
import { ProgressRepository } from './progress/progress.repository';
import type { WorkItemModel } from './work-items/work-item.model';
import { WorkItemsRepository } from './work-items/work-items.repository';
import type { WorkItemStatus } from './work-plans/work-plan.enums';
import type { WorkPlanModel } from './work-plans/work-plan.model';
import { WorkPlansRepository } from './work-plans/work-plans.repository';

/** Initiative-wide reads kept at once (an initiative's progress and a few pages of its overdue items each). */
const SHARED_READS_KEPT = 1000;

/** JSON rows of a plan's next due items back to WorkItemModel (dueAt as a Date). */
const itemsFromJson = (items: WorkItemModel[] | null): WorkItemModel[] =>
  (items ?? []).map((item) => ({ ...item, dueAt: item.dueAt && new Date(item.dueAt) }));

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
  constructor(
    private readonly plans: WorkPlansRepository,
    private readonly workItems: WorkItemsRepository,
    private readonly progressOf: ProgressRepository,
    private readonly workingGroups: WorkingGroupsReader,
    private readonly dataSource: DataSource,
    config: AppConfig,
    changes: DataChanges,
  ) {
    this.shared = new SharedReads(config.RESPONSE_CACHE_TTL_MS, SHARED_READS_KEPT, changes);
  }

  /** Initiative-wide reads (progress, overdue pages), the same for every member who may make them. */
  private readonly shared: SharedReads;

  /** Plans by id (with the group's initiative, for access checks). */
  plan(loaders: LoaderRegistry): DataLoader<string, WorkPlanModel | null> {
    return loaders.get<string, WorkPlanModel | null>('workPlans.plan', async (ids) => {
      const valid = ids.filter(isUuid);
      const rows = valid.length ? await this.plans.byIds(valid) : [];
      return byKeys(ids, rows, (r) => r.id);
    });
  }

  /** The current (newest) plan of each group, or null. */
  currentPlanOfGroup(loaders: LoaderRegistry): DataLoader<string, WorkPlanModel | null> {
    return loaders.get<string, WorkPlanModel | null>('workPlans.currentOfGroup', async (ids) => {
      const valid = ids.filter(isUuid);
      const rows = valid.length ? await this.plans.currentOfGroups(valid) : [];
      const plans = this.plan(loaders);
      for (const row of rows) plans.prime(row.id, row);
      return byKeys(ids, rows, (r) => r.workingGroupId);
    });
  }

  /**
   * The current plan of each group read together with its progress (one statement for both):
   * what `WorkingGroup.workPlan { progress }` asks for. Primes the plan, current-plan and progress
   * loaders, so `WorkPlan.progress` then costs no statement of its own.
   */
  currentPlanWithProgressOfGroup(loaders: LoaderRegistry): DataLoader<string, WorkPlanModel | null> {
    return loaders.get<string, WorkPlanModel | null>('workPlans.currentOfGroupWithProgress', async (ids) => {
      const valid = ids.filter(isUuid);
      const rows = valid.length ? await this.progressOf.ofGroups(valid, new Date()) : [];
      const plans = this.plan(loaders);
      const current = this.currentPlanOfGroup(loaders);
      const progress = this.progress(loaders);
      for (const row of rows) {
        plans.prime(row.plan.id, row.plan);
        current.prime(row.workingGroupId, row.plan);
        progress.prime(row.plan.id, toProgress(row.counts, itemsFromJson(row.nextDue)));
      }
      return byKeys(
        ids,
        rows.map((r) => r.plan),
        (plan) => plan.workingGroupId,
      );
    });
  }

  /** Items by id. */
  item(loaders: LoaderRegistry): DataLoader<string, WorkItemModel | null> {
    return loaders.get<string, WorkItemModel | null>('workPlans.item', async (ids) => {
      const valid = ids.filter(isUuid);
      const rows = valid.length ? await this.workItems.byIds(valid) : [];
      return byKeys(ids, rows, (r) => r.id);
    });
  }

  /** The items an item depends on, in plan order. */
  dependsOn(loaders: LoaderRegistry): DataLoader<string, WorkItemModel[]> {
    return loaders.get<string, WorkItemModel[]>('workPlans.dependsOn', async (ids) => {
      const rows = await this.workItems.dependsOn(ids.filter(isUuid));
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
      const counts = await this.workItems.countsOfPlans(valid, status);
      const rows = page.limit === 0 ? [] : await this.workItems.firstOfPlans(valid, status, afterSeq, page.limit + 1);
      const totals = new Map(counts.map((c) => [c.planId, c.total]));
      const itemLoader = this.item(loaders);
      for (const row of rows) itemLoader.prime(row.id, row);
      return groupedByKeys(ids, rows, (r) => r.workPlanId).map((list, i) =>
        toConnection(list, page, (r) => [r.seq], totals.get(ids[i]) ?? 0),
      );
    });
  }

  /** Progress of plans: one statement per batch (counts and nextDue of each plan, LATERAL per plan). */
  progress(loaders: LoaderRegistry): DataLoader<string, ProgressModel> {
    return loaders.get<string, ProgressModel>('workPlans.progress', async (ids) => {
      const valid = ids.filter(isUuid);
      const rows = valid.length ? await this.progressOf.ofPlans(valid, new Date()) : [];
      const byPlan = new Map(rows.map((r) => [r.planId, r]));
      return ids.map((id) => {
        const row = byPlan.get(id);
        return toProgress(row?.counts ?? NO_PROGRESS, itemsFromJson(row?.nextDue ?? null));
      });
    });
  }

  /**
   * Progress of every working group of an initiative and the totals over their current plans:
   * two statements whatever the number of groups and items (the groups from structure, then
   * their plans, counts and next due items). Primes the loaders so nested fields cost nothing more.
   */
  async initiativeProgress(loaders: LoaderRegistry, initiativeId: string): Promise<InitiativeProgressModel> {
    // The same for every member who may ask (the service authorised the caller): computed once per change.
    const { asOf, initiativeGroups, found } = await this.shared.get(
      `progress ${initiativeId}`,
      async () => {
        const asOf = new Date();
        const initiativeGroups = await this.workingGroups.ofInitiative(initiativeId);
        const found = initiativeGroups.length
          ? await this.progressOf.ofGroups(
              initiativeGroups.map((g) => g.id),
              asOf,
            )
          : [];
        return { asOf, initiativeGroups, found };
      },
      loaders.fresh,
    );
    const ofGroup = new Map(found.map((r) => [r.workingGroupId, r]));

    const groups = workingGroupLoader(loaders, this.dataSource);
    const plans = this.plan(loaders);
    const current = this.currentPlanOfGroup(loaders);
    const progress = this.progress(loaders);
    const workingGroups = initiativeGroups.map((group) => {
      const row = ofGroup.get(group.id);
      const plan = row?.plan ?? null;
      const planProgress = toProgress(row?.counts ?? NO_PROGRESS, itemsFromJson(row?.nextDue ?? null));
      groups.prime(group.id, group);
      current.prime(group.id, plan);
      if (plan) {
        plans.prime(plan.id, plan);
        progress.prime(plan.id, planProgress);
      }
      return { workingGroup: group, workPlan: plan, progress: planProgress };
    });
    const totals = toProgress(sumCounts(found.map((r) => r.counts)), soonest(workingGroups.map((g) => g.progress.nextDue)));
    return { initiativeId, asOf, workingGroups, totals };
  }

  /** Overdue items of the initiative's current plans, oldest dueAt first (three statements: its groups, the count, the page). */
  async overdueItems(loaders: LoaderRegistry, initiativeId: string, page: PageRequest): Promise<ConnectionShape<WorkItemModel>> {
    const [afterKey, afterId] = (page.after ?? [null, null]) as [unknown, unknown];
    const validAfter = typeof afterKey === 'string' && !Number.isNaN(Date.parse(afterKey)) && isUuid(afterId);
    if (page.after && !validAfter) throw InvalidInputError.field('after', 'is not a cursor returned by this API');
    const after = validAfter ? { dueKey: afterKey, id: afterId as string } : null;
    // The same for every member who may ask (the service authorised the caller): computed once per change.
    const key = `overdue ${initiativeId} ${page.limit} ${after ? `${after.dueKey} ${after.id}` : ''}`;
    const { total, rows } = await this.shared.get(
      key,
      async () => {
        const asOf = new Date();
        const groupIds = (await this.workingGroups.ofInitiative(initiativeId)).map((g) => g.id);
        const total = await this.progressOf.overdueCount(groupIds, asOf);
        const rows = page.limit === 0 ? [] : await this.progressOf.overduePage(groupIds, asOf, after, page.limit + 1);
        return { total, rows };
      },
      loaders.fresh,
    );
    return toConnection(rows, page, (r) => [r.dueKey, r.id], total);
  }
}
