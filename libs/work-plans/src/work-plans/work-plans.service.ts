import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessPolicy } from '@app/identity';
import { type Caller, ConflictError, InvalidInputError, isUuid, type LoaderRegistry, NotFoundError } from '@app/platform';
import { WorkingGroupsReader } from '@app/structure';
import type { CreateWorkPlanInput } from '../dto/create-work-plan.input';
import { WorkPlansReader } from '../work-plans.reader';
import { WorkPlanStatus } from './work-plan.enums';
import type { WorkPlanModel } from './work-plan.model';
import { type PlanPlace, type PlanScope, WorkPlansRepository } from './work-plans.repository';

/**
 * Work plans: reading one, creating one, and its state transitions DRAFT -> SUBMITTED (chairs)
 * -> APPROVED (SECRETARIAT), CONFLICT from any other state. Items may be added, changed and
 * removed in every state (WorkItemsService), so chairs keep an approved plan up to date and
 * owners report progress on it; every change bumps the plan's version, which tells readers the
 * plan changed since they saw it.
 */
@Injectable()
export class WorkPlansService {
  constructor(
    private readonly access: AccessPolicy,
    private readonly plans: WorkPlansRepository,
    private readonly reader: WorkPlansReader,
    private readonly dataSource: DataSource,
    private readonly groups: WorkingGroupsReader,
  ) {}

  /** The plan's initiative and group (for the access policy); NOT_FOUND when there is no such plan. */
  async planScope(planId: string): Promise<PlanScope> {
    const place = isUuid(planId) ? await this.plans.placeOf(planId) : null;
    if (!place) throw new NotFoundError('Work plan', planId);
    return this.inInitiative(place);
  }

  /** A plan's (or item's) place with its group's initiative, read through structure's working groups. */
  async inInitiative<T extends PlanPlace>(place: T): Promise<T & PlanScope> {
    const { initiativeId } = await this.groupScope(place.groupId);
    return { ...place, initiativeId };
  }

  async workPlan(caller: Caller | null, id: string, loaders: LoaderRegistry): Promise<WorkPlanModel> {
    const scope = await this.planScope(id);
    await this.access.authorize(caller, 'initiative.read', scope, { kind: 'Work plan', id });
    return (await this.reader.plan(loaders).load(id)) as WorkPlanModel;
  }

  /** CHAIR or VICE_CHAIR of the group, or SECRETARIAT. */
  async createWorkPlan(caller: Caller | null, input: CreateWorkPlanInput): Promise<WorkPlanModel> {
    const scope = await this.groupScope(input.workingGroupId);
    await this.access.authorize(caller, 'workPlan.edit', scope, { kind: 'Working group', id: input.workingGroupId });
    if (input.periodEnd < input.periodStart) throw InvalidInputError.field('input.periodEnd', 'must not be before periodStart');
    return this.dataSource.transaction(async (m) => {
      const id = await this.plans.insert(input, m);
      return this.loadPlan(id, m);
    });
  }

  /** Chairs: DRAFT -> SUBMITTED. */
  async submitWorkPlan(caller: Caller | null, id: string): Promise<WorkPlanModel> {
    const scope = await this.planScope(id);
    await this.access.authorize(caller, 'workPlan.submit', scope, { kind: 'Work plan', id });
    return this.transition(id, WorkPlanStatus.DRAFT, WorkPlanStatus.SUBMITTED);
  }

  /** SECRETARIAT: SUBMITTED -> APPROVED. */
  async approveWorkPlan(caller: Caller | null, id: string): Promise<WorkPlanModel> {
    const scope = await this.planScope(id);
    await this.access.authorize(caller, 'workPlan.approve', scope, { kind: 'Work plan', id });
    return this.transition(id, WorkPlanStatus.SUBMITTED, WorkPlanStatus.APPROVED);
  }

  /** CONFLICT unless the plan is in state `from`. */
  private async transition(planId: string, from: WorkPlanStatus, to: WorkPlanStatus): Promise<WorkPlanModel> {
    return this.dataSource.transaction(async (m) => {
      if (!(await this.plans.transition(planId, from, to, m))) {
        const plan = await this.loadPlan(planId, m);
        throw new ConflictError(`Work plan ${planId} is ${plan.status}; only a ${from} plan can become ${to}`);
      }
      return this.loadPlan(planId, m);
    });
  }

  /** The group's initiative, through structure's working groups; NOT_FOUND when there is no such group. */
  private async groupScope(groupId: string): Promise<{ initiativeId: string; groupId: string }> {
    const group = await this.groups.workingGroup(groupId);
    if (!group) throw new NotFoundError('Working group', groupId);
    return { initiativeId: group.initiativeId, groupId };
  }

  private async loadPlan(planId: string, m: EntityManager): Promise<WorkPlanModel> {
    const plan = await this.plans.byId(planId, m);
    if (!plan) throw new NotFoundError('Work plan', planId);
    return plan;
  }
}
