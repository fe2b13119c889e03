import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ConflictError, InvalidInputError, isUuid, NotFoundError, writeOutbox } from '@app/platform';
import { dependencyCycleAfter, type Edge, parentCycleAfter } from './rules/cycles';
import { nextProgress } from './rules/item-update';
import type { AddWorkItemInput } from './dto/add-work-item.input';
import type { CreateWorkPlanInput } from './dto/create-work-plan.input';
import type { UpdateWorkItemInput } from './dto/update-work-item.input';
import { WORK_ITEM_TOPICS } from './work-items/work-item.events';
import { WORK_ITEM_COLUMNS, type WorkItemModel } from './work-items/work-item.model';
import { WorkPlanStatus } from './work-plans/work-plan.enums';
import { WORK_PLAN_COLUMNS, type WorkPlanModel } from './work-plans/work-plan.model';

/** Where a plan or item lives, for the access policy. */
export interface PlanScope {
  initiativeId: string;
  groupId: string;
  planId: string;
}

/**
 * Changes to work plans and items, one transaction each. Every transaction that changes
 * items first locks the plan row FOR UPDATE, so changes to one plan are serialised: cycle
 * checks see every committed edge, and the plan's version is bumped in order.
 *
 * Plan states: items may be added, changed and removed in every state (DRAFT, SUBMITTED,
 * APPROVED), so chairs keep an approved plan up to date and owners report progress on it;
 * every change bumps the plan's version, which tells readers the plan changed since they
 * saw it. Only the state transitions are guarded: DRAFT -> SUBMITTED -> APPROVED, CONFLICT
 * from any other state.
 */
@Injectable()
export class WorkPlansService {
  constructor(private readonly dataSource: DataSource) {}

  // ------------------------------------------------------------------ scopes (for the policy)

  async groupScope(groupId: string): Promise<{ initiativeId: string; groupId: string }> {
    if (!isUuid(groupId)) throw new NotFoundError('Working group', groupId);
    const [row] = (await this.dataSource.query(`SELECT initiative_id AS "initiativeId" FROM working_group WHERE id = $1`, [
      groupId,
    ])) as {
      initiativeId: string;
    }[];
    if (!row) throw new NotFoundError('Working group', groupId);
    return { initiativeId: row.initiativeId, groupId };
  }

  async planScope(planId: string): Promise<PlanScope> {
    if (!isUuid(planId)) throw new NotFoundError('Work plan', planId);
    const [row] = (await this.dataSource.query(
      `SELECT g.initiative_id AS "initiativeId", g.id AS "groupId" FROM work_plan p JOIN working_group g ON g.id = p.working_group_id
        WHERE p.id = $1`,
      [planId],
    )) as { initiativeId: string; groupId: string }[];
    if (!row) throw new NotFoundError('Work plan', planId);
    return { ...row, planId };
  }

  async itemScope(itemId: string): Promise<PlanScope & { ownerId: string | null }> {
    if (!isUuid(itemId)) throw new NotFoundError('Work item', itemId);
    const [row] = (await this.dataSource.query(
      `SELECT g.initiative_id AS "initiativeId", g.id AS "groupId", p.id AS "planId", i.owner_id AS "ownerId"
         FROM work_item i JOIN work_plan p ON p.id = i.work_plan_id JOIN working_group g ON g.id = p.working_group_id
        WHERE i.id = $1`,
      [itemId],
    )) as (PlanScope & { ownerId: string | null })[];
    if (!row) throw new NotFoundError('Work item', itemId);
    return row;
  }

  // ------------------------------------------------------------------ plans

  async createWorkPlan(input: CreateWorkPlanInput): Promise<WorkPlanModel> {
    if (input.periodEnd < input.periodStart) throw InvalidInputError.field('input.periodEnd', 'must not be before periodStart');
    return this.dataSource.transaction(async (m) => {
      const [{ id }] = (await m.query(
        `INSERT INTO work_plan (working_group_id, title, period_start, period_end) VALUES ($1, $2, $3, $4) RETURNING id`,
        [input.workingGroupId, input.title, input.periodStart, input.periodEnd],
      )) as { id: string }[];
      return this.loadPlan(m, id);
    });
  }

  /** DRAFT -> SUBMITTED, or SUBMITTED -> APPROVED; CONFLICT from any other state. */
  async transition(planId: string, from: WorkPlanStatus, to: WorkPlanStatus): Promise<WorkPlanModel> {
    return this.dataSource.transaction(async (m) => {
      const [rows] = (await m.query(
        `UPDATE work_plan SET status = $3, version = version + 1 WHERE id = $1 AND status = $2 RETURNING id`,
        [planId, from, to],
      )) as [unknown[], number];
      if (rows.length !== 1) {
        const plan = await this.loadPlan(m, planId);
        throw new ConflictError(`Work plan ${planId} is ${plan.status}; only a ${from} plan can become ${to}`);
      }
      return this.loadPlan(m, planId);
    });
  }

  // ------------------------------------------------------------------ items

  async addWorkItem(input: AddWorkItemInput): Promise<WorkItemModel> {
    return this.dataSource.transaction(async (m) => {
      const plan = await this.lockPlan(m, input.workPlanId);
      const parentId = input.parentId ?? null;
      const dependsOnIds = unique(input.dependsOnIds ?? []);
      if (parentId !== null) await this.requireItemsOfPlan(m, plan.id, [parentId], 'input.parentId');
      await this.requireItemsOfPlan(m, plan.id, dependsOnIds, 'input.dependsOnIds');
      if (input.ownerId) await this.requireOwnerCandidate(m, plan.groupId, input.ownerId, 'input.ownerId');
      // A new item has no dependants and no children, so it cannot close a cycle.
      const [item] = (await m.query(
        `INSERT INTO work_item (work_plan_id, parent_id, kind, title, description, owner_id, due_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${WORK_ITEM_COLUMNS.replaceAll('i.', '')}`,
        [plan.id, parentId, input.kind, input.title, input.description ?? null, input.ownerId ?? null, input.dueAt ?? null],
      )) as WorkItemModel[];
      await this.replaceDependencies(m, plan.id, item.id, dependsOnIds, false);
      await this.bumpPlan(m, plan.id);
      await writeOutbox(m, WORK_ITEM_TOPICS.created, item.id, eventPayload(item, plan));
      return item;
    });
  }

  /** `planId` is the item's plan (from itemScope); items never move between plans. */
  async updateWorkItem(input: UpdateWorkItemInput, planId: string): Promise<WorkItemModel> {
    return this.dataSource.transaction(async (m) => {
      const plan = await this.lockPlan(m, planId);
      const current = await this.loadItem(m, input.id);
      if (current.version !== input.expectedVersion) {
        throw new ConflictError(
          `Work item ${input.id} is at version ${current.version}, not ${input.expectedVersion}: reload it and retry`,
        );
      }

      const sets: string[] = [];
      const params: unknown[] = [input.id, input.expectedVersion];
      const set = (column: string, value: unknown) => {
        params.push(value);
        sets.push(`${column} = $${params.length}`);
      };

      if (input.title === null) throw InvalidInputError.field('input.title', 'must not be null');
      if (input.title !== undefined) set('title', input.title);
      if (input.description !== undefined) set('description', input.description);
      if (input.dueAt !== undefined) set('due_at', input.dueAt);
      if (input.ownerId !== undefined) {
        if (input.ownerId !== null) await this.requireOwnerCandidate(m, plan.groupId, input.ownerId, 'input.ownerId');
        set('owner_id', input.ownerId);
      }
      const progress = nextProgress(current, { status: input.status, percentComplete: input.percentComplete });
      if ('field' in progress) throw InvalidInputError.field(`input.${progress.field}`, progress.message);
      if (progress.status !== current.status) set('status', progress.status);
      if (progress.percentComplete !== current.percentComplete) set('percent_complete', progress.percentComplete);

      if (input.parentId !== undefined) {
        if (input.parentId !== null) {
          await this.requireItemsOfPlan(m, plan.id, [input.parentId], 'input.parentId');
          const rows = (await m.query(
            `SELECT id, parent_id AS "parentId" FROM work_item WHERE work_plan_id = $1 AND parent_id IS NOT NULL`,
            [plan.id],
          )) as { id: string; parentId: string }[];
          const cycle = parentCycleAfter(new Map(rows.map((r) => [r.id, r.parentId])), input.id, input.parentId);
          if (cycle)
            throw new ConflictError(
              `Making ${input.parentId} the parent of ${input.id} would make a cycle: ${cycle.join(' -> ')}`,
            );
        }
        set('parent_id', input.parentId);
      }

      let dependsOnIds: string[] | null = null;
      if (input.dependsOnIds !== undefined) {
        dependsOnIds = unique(input.dependsOnIds ?? []);
        if (dependsOnIds.includes(input.id)) throw new ConflictError(`Work item ${input.id} cannot depend on itself`);
        await this.requireItemsOfPlan(m, plan.id, dependsOnIds, 'input.dependsOnIds');
        const edges = (await m.query(`SELECT item_id, depends_on_id FROM work_item_dependency WHERE work_plan_id = $1`, [
          plan.id,
        ])) as {
          item_id: string;
          depends_on_id: string;
        }[];
        const cycle = dependencyCycleAfter(
          edges.map((e) => [e.item_id, e.depends_on_id] as Edge),
          input.id,
          dependsOnIds,
        );
        if (cycle) throw new ConflictError(`These dependencies would make a cycle: ${cycle.join(' -> ')}`);
      }

      const [rows] = (await m.query(
        `UPDATE work_item SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')}
          WHERE id = $1 AND version = $2 RETURNING ${WORK_ITEM_COLUMNS.replaceAll('i.', '')}`,
        params,
      )) as [WorkItemModel[], number];
      if (rows.length !== 1) throw new ConflictError(`Work item ${input.id} changed meanwhile: reload it and retry`);
      const item = rows[0];
      if (dependsOnIds !== null) await this.replaceDependencies(m, plan.id, item.id, dependsOnIds, true);
      await this.bumpPlan(m, plan.id);

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

  /** CONFLICT while other items depend on it or it has children. */
  async removeWorkItem(itemId: string, planId: string): Promise<boolean> {
    return this.dataSource.transaction(async (m) => {
      const plan = await this.lockPlan(m, planId);
      const item = await this.loadItem(m, itemId);
      const [{ dependants, children }] = (await m.query(
        `SELECT (SELECT count(*)::int FROM work_item_dependency WHERE depends_on_id = $1) AS dependants,
                (SELECT count(*)::int FROM work_item WHERE parent_id = $1) AS children`,
        [itemId],
      )) as { dependants: number; children: number }[];
      if (dependants > 0) throw new ConflictError(`Work item ${itemId} cannot be removed: ${dependants} item(s) depend on it`);
      if (children > 0) throw new ConflictError(`Work item ${itemId} cannot be removed: it has ${children} child item(s)`);
      await m.query(`DELETE FROM work_item WHERE id = $1`, [itemId]);
      await this.bumpPlan(m, plan.id);
      await writeOutbox(m, WORK_ITEM_TOPICS.removed, itemId, eventPayload(item, plan));
      return true;
    });
  }

  // ------------------------------------------------------------------ helpers

  private async loadPlan(m: EntityManager, planId: string): Promise<WorkPlanModel> {
    const [plan] = (await m.query(
      `SELECT ${WORK_PLAN_COLUMNS} FROM work_plan p JOIN working_group g ON g.id = p.working_group_id WHERE p.id = $1`,
      [planId],
    )) as WorkPlanModel[];
    if (!plan) throw new NotFoundError('Work plan', planId);
    return plan;
  }

  /** Locks the plan row: every item-changing transaction of a plan runs one after the other. */
  private async lockPlan(m: EntityManager, planId: string): Promise<{ id: string; groupId: string }> {
    if (!isUuid(planId)) throw new NotFoundError('Work plan', planId);
    const [row] = (await m.query(`SELECT id, working_group_id AS "groupId" FROM work_plan WHERE id = $1 FOR UPDATE`, [
      planId,
    ])) as {
      id: string;
      groupId: string;
    }[];
    if (!row) throw new NotFoundError('Work plan', planId);
    return row;
  }

  private async loadItem(m: EntityManager, itemId: string): Promise<WorkItemModel> {
    const [item] = (await m.query(`SELECT ${WORK_ITEM_COLUMNS} FROM work_item i WHERE i.id = $1`, [itemId])) as WorkItemModel[];
    if (!item) throw new NotFoundError('Work item', itemId);
    return item;
  }

  private async bumpPlan(m: EntityManager, planId: string): Promise<void> {
    await m.query(`UPDATE work_plan SET version = version + 1 WHERE id = $1`, [planId]);
  }

  /** BAD_USER_INPUT unless every id is an item of the plan. */
  private async requireItemsOfPlan(m: EntityManager, planId: string, ids: string[], field: string): Promise<void> {
    if (!ids.length) return;
    const bad: string[] = ids.filter((id) => !isUuid(id));
    if (!bad.length) {
      const found = (await m.query(`SELECT id FROM work_item WHERE work_plan_id = $1 AND id = ANY($2::uuid[])`, [
        planId,
        ids,
      ])) as {
        id: string;
      }[];
      const known = new Set(found.map((r) => r.id));
      bad.push(...ids.filter((id) => !known.has(id)));
    }
    if (bad.length) throw InvalidInputError.field(field, `must name items of the same work plan; not: ${bad.join(', ')}`);
  }

  /** BAD_USER_INPUT unless the person is a member of the group in a role other than OBSERVER. */
  private async requireOwnerCandidate(m: EntityManager, groupId: string, personId: string, field: string): Promise<void> {
    const rows = isUuid(personId)
      ? ((await m.query(`SELECT 1 FROM group_member WHERE working_group_id = $1 AND person_id = $2 AND role <> 'OBSERVER'`, [
          groupId,
          personId,
        ])) as unknown[])
      : [];
    if (!rows.length) throw InvalidInputError.field(field, 'must be a member of the working group (CHAIR, VICE_CHAIR or MEMBER)');
  }

  private async replaceDependencies(
    m: EntityManager,
    planId: string,
    itemId: string,
    dependsOnIds: string[],
    replace: boolean,
  ): Promise<void> {
    if (replace) await m.query(`DELETE FROM work_item_dependency WHERE item_id = $1`, [itemId]);
    if (!dependsOnIds.length) return;
    await m.query(`INSERT INTO work_item_dependency (item_id, depends_on_id, work_plan_id) SELECT $1, unnest($2::uuid[]), $3`, [
      itemId,
      dependsOnIds,
      planId,
    ]);
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
