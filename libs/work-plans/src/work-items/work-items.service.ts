import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessPolicy, allows } from '@app/identity';
import { MembershipsReader } from '@app/structure';
import {
  type Caller,
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  isUuid,
  type LoaderRegistry,
  NotFoundError,
  type Queryable,
  writeOutbox,
} from '@app/platform';
import type { AddWorkItemInput } from '../dto/add-work-item.input';
import type { UpdateWorkItemInput } from '../dto/update-work-item.input';
import { dependencyCycleAfter, parentCycleAfter } from '../rules/cycles';
import { fieldsNamed, mayUpdate, nextProgress } from '../rules/item-update';
import { WorkPlansReader } from '../work-plans.reader';
import { type PlanScope, WorkPlansRepository } from '../work-plans/work-plans.repository';
import { WorkPlansService } from '../work-plans/work-plans.service';
import { WORK_ITEM_TOPICS } from './work-item.events';
import type { WorkItemModel } from './work-item.model';
import { type WorkItemChanges, WorkItemsRepository } from './work-items.repository';

/**
 * Changes to work items, one transaction each. Every transaction first locks the item's plan
 * row FOR UPDATE, so changes to one plan are serialised: cycle checks see every committed edge,
 * and the plan's version is bumped in order. Each change writes its outbox row (reminders
 * reschedule the item's deadlines from it).
 */
@Injectable()
export class WorkItemsService {
  constructor(
    private readonly access: AccessPolicy,
    private readonly workPlans: WorkPlansService,
    private readonly plans: WorkPlansRepository,
    private readonly items: WorkItemsRepository,
    private readonly reader: WorkPlansReader,
    private readonly dataSource: DataSource,
    private readonly memberships: MembershipsReader,
  ) {}

  /** The item's initiative, group, plan and owner (for the access policy); NOT_FOUND when there is no such item. */
  async itemScope(itemId: string): Promise<PlanScope & { ownerId: string | null }> {
    const place = isUuid(itemId) ? await this.items.placeOf(itemId) : null;
    if (!place) throw new NotFoundError('Work item', itemId);
    return this.workPlans.inInitiative(place);
  }

  async workItem(caller: Caller | null, id: string, loaders: LoaderRegistry): Promise<WorkItemModel> {
    const scope = await this.itemScope(id);
    await this.access.authorize(caller, 'initiative.read', scope, { kind: 'Work item', id });
    return (await this.reader.item(loaders).load(id)) as WorkItemModel;
  }

  /**
   * CHAIR or VICE_CHAIR of the plan's group, or SECRETARIAT. `alsoIn` runs in the same
   * transaction once the item exists (another domain linking it, e.g. a meeting's action), so
   * the item and the link commit together or not at all.
   */
  async addWorkItem(
    caller: Caller | null,
    input: AddWorkItemInput,
    alsoIn?: (m: EntityManager, item: WorkItemModel) => Promise<void>,
  ): Promise<WorkItemModel> {
    const scope = await this.workPlans.planScope(input.workPlanId);
    await this.access.authorize(caller, 'workPlan.edit', scope, { kind: 'Work plan', id: input.workPlanId });
    return this.dataSource.transaction(async (m) => {
      const plan = await this.lockPlan(input.workPlanId, m);
      const parentId = input.parentId ?? null;
      const dependsOnIds = unique(input.dependsOnIds ?? []);
      if (parentId !== null) await this.requireItemsOfPlan(plan.id, [parentId], 'input.parentId', m);
      await this.requireItemsOfPlan(plan.id, dependsOnIds, 'input.dependsOnIds', m);
      if (input.ownerId) await this.requireOwnerCandidate(plan.groupId, input.ownerId, 'input.ownerId', m);
      // A new item has no dependants and no children, so it cannot close a cycle.
      const item = await this.items.insert(
        {
          workPlanId: plan.id,
          parentId,
          kind: input.kind,
          title: input.title,
          description: input.description ?? null,
          ownerId: input.ownerId ?? null,
          dueAt: input.dueAt ?? null,
        },
        m,
      );
      if (dependsOnIds.length) await this.items.insertDependencies(plan.id, item.id, dependsOnIds, m);
      await this.plans.bumpVersion(plan.id, m);
      await writeOutbox(m, WORK_ITEM_TOPICS.created, item.id, eventPayload(item, plan));
      if (alsoIn) await alsoIn(m, item);
      return item;
    });
  }

  /** Chairs and SECRETARIAT change anything; the item's owner may change status and percentComplete only. */
  async updateWorkItem(caller: Caller | null, input: UpdateWorkItemInput): Promise<WorkItemModel> {
    const scope = await this.itemScope(input.id);
    const roles = await this.access.authorize(caller, 'initiative.read', scope, { kind: 'Work item', id: input.id });
    const isOwner = scope.ownerId !== null && scope.ownerId === caller?.personId;
    if (!mayUpdate(allows('workPlan.edit', roles), isOwner, fieldsNamed(input))) {
      throw new ForbiddenError(
        isOwner
          ? 'As the owner of this item you may change its status and percentComplete only'
          : 'Only the chairs, the SECRETARIAT and the owner of this item may change it',
      );
    }
    // Items never move between plans: the scope's plan is the item's plan.
    return this.dataSource.transaction(async (m) => {
      const plan = await this.lockPlan(scope.planId, m);
      const current = await this.loadItem(input.id, m);
      if (current.version !== input.expectedVersion) {
        throw new ConflictError(
          `Work item ${input.id} is at version ${current.version}, not ${input.expectedVersion}: reload it and retry`,
        );
      }

      const changes: WorkItemChanges = {};
      if (input.title === null) throw InvalidInputError.field('input.title', 'must not be null');
      if (input.title !== undefined) changes.title = input.title;
      if (input.description !== undefined) changes.description = input.description;
      if (input.dueAt !== undefined) changes.dueAt = input.dueAt;
      if (input.ownerId !== undefined) {
        if (input.ownerId !== null) await this.requireOwnerCandidate(plan.groupId, input.ownerId, 'input.ownerId', m);
        changes.ownerId = input.ownerId;
      }
      const progress = nextProgress(current, { status: input.status, percentComplete: input.percentComplete });
      if ('field' in progress) throw InvalidInputError.field(`input.${progress.field}`, progress.message);
      if (progress.status !== current.status) changes.status = progress.status as WorkItemChanges['status'];
      if (progress.percentComplete !== current.percentComplete) changes.percentComplete = progress.percentComplete;

      if (input.parentId !== undefined) {
        if (input.parentId !== null) {
          await this.requireItemsOfPlan(plan.id, [input.parentId], 'input.parentId', m);
          const parents = await this.items.parentsOfPlan(plan.id, m);
          const cycle = parentCycleAfter(new Map(parents.map((r) => [r.id, r.parentId])), input.id, input.parentId);
          if (cycle)
            throw new ConflictError(
              `Making ${input.parentId} the parent of ${input.id} would make a cycle: ${cycle.join(' -> ')}`,
            );
        }
        changes.parentId = input.parentId;
      }

      let dependsOnIds: string[] | null = null;
      if (input.dependsOnIds !== undefined) {
        dependsOnIds = unique(input.dependsOnIds ?? []);
        if (dependsOnIds.includes(input.id)) throw new ConflictError(`Work item ${input.id} cannot depend on itself`);
        await this.requireItemsOfPlan(plan.id, dependsOnIds, 'input.dependsOnIds', m);
        const cycle = dependencyCycleAfter(await this.items.dependencyEdges(plan.id, m), input.id, dependsOnIds);
        if (cycle) throw new ConflictError(`These dependencies would make a cycle: ${cycle.join(' -> ')}`);
      }

      const item = await this.items.update(input.id, input.expectedVersion, changes, m);
      if (!item) throw new ConflictError(`Work item ${input.id} changed meanwhile: reload it and retry`);
      if (dependsOnIds !== null) {
        await this.items.deleteDependencies(item.id, m);
        if (dependsOnIds.length) await this.items.insertDependencies(plan.id, item.id, dependsOnIds, m);
      }
      await this.plans.bumpVersion(plan.id, m);

      const changed = [
        current.status !== item.status && 'status',
        current.ownerId !== item.ownerId && 'ownerId',
        (current.dueAt?.getTime() ?? null) !== (item.dueAt?.getTime() ?? null) && 'dueAt',
      ].filter((f): f is string => typeof f === 'string');
      if (changed.length) {
        await writeOutbox(m, WORK_ITEM_TOPICS.changed, item.id, {
          ...eventPayload(item, plan),
          changed,
          previous: { status: current.status, ownerId: current.ownerId, dueAt: current.dueAt?.toISOString() ?? null },
        });
      }
      return item;
    });
  }

  /** Chairs and SECRETARIAT; CONFLICT while other items depend on it or it has children. */
  async removeWorkItem(caller: Caller | null, itemId: string): Promise<boolean> {
    const scope = await this.itemScope(itemId);
    await this.access.authorize(caller, 'workPlan.edit', scope, { kind: 'Work item', id: itemId });
    return this.dataSource.transaction(async (m) => {
      const plan = await this.lockPlan(scope.planId, m);
      const item = await this.loadItem(itemId, m);
      const { dependants, children } = await this.items.dependantsAndChildren(itemId, m);
      if (dependants > 0) throw new ConflictError(`Work item ${itemId} cannot be removed: ${dependants} item(s) depend on it`);
      if (children > 0) throw new ConflictError(`Work item ${itemId} cannot be removed: it has ${children} child item(s)`);
      await this.items.delete(itemId, m);
      await this.plans.bumpVersion(plan.id, m);
      await writeOutbox(m, WORK_ITEM_TOPICS.removed, itemId, eventPayload(item, plan));
      return true;
    });
  }

  /** Locks the plan row: every item-changing transaction of a plan runs one after the other. */
  private async lockPlan(planId: string, m: Queryable): Promise<{ id: string; groupId: string }> {
    const plan = isUuid(planId) ? await this.plans.lock(planId, m) : null;
    if (!plan) throw new NotFoundError('Work plan', planId);
    return plan;
  }

  private async loadItem(itemId: string, m: Queryable): Promise<WorkItemModel> {
    const item = await this.items.byId(itemId, m);
    if (!item) throw new NotFoundError('Work item', itemId);
    return item;
  }

  /** BAD_USER_INPUT unless every id is an item of the plan. */
  private async requireItemsOfPlan(planId: string, ids: string[], field: string, m: Queryable): Promise<void> {
    if (!ids.length) return;
    const bad: string[] = ids.filter((id) => !isUuid(id));
    if (!bad.length) {
      const known = new Set(await this.items.idsOfPlan(planId, ids, m));
      bad.push(...ids.filter((id) => !known.has(id)));
    }
    if (bad.length) throw InvalidInputError.field(field, `must name items of the same work plan; not: ${bad.join(', ')}`);
  }

  /** BAD_USER_INPUT unless the person is a member of the group in a role other than OBSERVER. */
  private async requireOwnerCandidate(groupId: string, personId: string, field: string, m: Queryable): Promise<void> {
    if (!isUuid(personId) || !(await this.memberships.isGroupContributor(groupId, personId, m)))
      throw InvalidInputError.field(field, 'must be a member of the working group (CHAIR, VICE_CHAIR or MEMBER)');
  }
}

const unique = (ids: string[]) => [...new Set(ids)];

/** What reminders need to (re)schedule deadlines of the item. */
function eventPayload(item: WorkItemModel, plan: { id: string; groupId: string }): Record<string, unknown> {
  return {
    workPlanId: plan.id,
    workingGroupId: plan.groupId,
    title: item.title,
    kind: item.kind,
    dueAt: item.dueAt ? new Date(item.dueAt).toISOString() : null,
    ownerId: item.ownerId,
    status: item.status,
  };
}
