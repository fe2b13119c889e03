import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { AccessPolicy } from '@app/identity';
import { type ConnectionShape, pagePrice, pageRequest, type RequestContext } from '@app/platform';
import { WorkingGroupModel, workingGroupLoader } from '@app/structure';
import { CreateWorkPlanInput } from '../dto/create-work-plan.input';
import { ProgressModel } from '../progress/progress.model';
import { WorkItemConnection, type WorkItemModel } from '../work-items/work-item.model';
import { WorkPlansReader } from '../work-plans.reader';
import { WorkPlansService } from '../work-plans.service';
import { WorkItemStatus, WorkPlanStatus } from './work-plan.enums';
import { WorkPlanModel } from './work-plan.model';

@Resolver(() => WorkPlanModel)
export class WorkPlansResolver {
  constructor(
    private readonly policy: AccessPolicy,
    private readonly service: WorkPlansService,
    private readonly reader: WorkPlansReader,
    private readonly dataSource: DataSource,
  ) {}

  @Query(() => WorkPlanModel, { nullable: true })
  async workPlan(@Args('id', { type: () => ID }) id: string, @Context() ctx: RequestContext): Promise<WorkPlanModel> {
    const scope = await this.service.planScope(id);
    await this.policy.authorize(ctx.caller, 'initiative.read', scope, { kind: 'Work plan', id });
    return (await this.reader.plan(ctx.loaders).load(id)) as WorkPlanModel;
  }

  @Mutation(() => WorkPlanModel, { description: 'CHAIR or VICE_CHAIR of the group, or SECRETARIAT.' })
  async createWorkPlan(@Args('input') input: CreateWorkPlanInput, @Context() ctx: RequestContext): Promise<WorkPlanModel> {
    const scope = await this.service.groupScope(input.workingGroupId);
    await this.policy.authorize(ctx.caller, 'workPlan.edit', scope, { kind: 'Working group', id: input.workingGroupId });
    return this.service.createWorkPlan(input);
  }

  @Mutation(() => WorkPlanModel, { description: 'Chairs: DRAFT -> SUBMITTED.' })
  async submitWorkPlan(@Args('id', { type: () => ID }) id: string, @Context() ctx: RequestContext): Promise<WorkPlanModel> {
    const scope = await this.service.planScope(id);
    await this.policy.authorize(ctx.caller, 'workPlan.submit', scope, { kind: 'Work plan', id });
    return this.service.transition(id, WorkPlanStatus.DRAFT, WorkPlanStatus.SUBMITTED);
  }

  @Mutation(() => WorkPlanModel, { description: 'SECRETARIAT: SUBMITTED -> APPROVED.' })
  async approveWorkPlan(@Args('id', { type: () => ID }) id: string, @Context() ctx: RequestContext): Promise<WorkPlanModel> {
    const scope = await this.service.planScope(id);
    await this.policy.authorize(ctx.caller, 'workPlan.approve', scope, { kind: 'Work plan', id });
    return this.service.transition(id, WorkPlanStatus.SUBMITTED, WorkPlanStatus.APPROVED);
  }

  @ResolveField(() => WorkingGroupModel)
  async workingGroup(@Parent() plan: WorkPlanModel, @Context() ctx: RequestContext): Promise<WorkingGroupModel> {
    return (await workingGroupLoader(ctx.loaders, this.dataSource).load(plan.workingGroupId)) as WorkingGroupModel;
  }

  @ResolveField(() => WorkItemConnection, { complexity: pagePrice })
  items(
    @Parent() plan: WorkPlanModel,
    @Context() ctx: RequestContext,
    @Args('status', { type: () => WorkItemStatus, nullable: true }) status: WorkItemStatus | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 100 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<ConnectionShape<WorkItemModel>> {
    return this.reader.items(ctx.loaders, status ?? null, pageRequest(first, after, 100)).load(plan.id);
  }

  @ResolveField(() => ProgressModel)
  progress(@Parent() plan: WorkPlanModel, @Context() ctx: RequestContext): Promise<ProgressModel> {
    return this.reader.progress(ctx.loaders).load(plan.id);
  }
}

/** WorkingGroup.workPlan: the group's current (newest) plan. */
@Resolver(() => WorkingGroupModel)
export class WorkingGroupPlanResolver {
  constructor(private readonly reader: WorkPlansReader) {}

  @ResolveField(() => WorkPlanModel, { nullable: true, description: "The group's current work plan (the newest one), if any." })
  workPlan(@Parent() group: WorkingGroupModel, @Context() ctx: RequestContext): Promise<WorkPlanModel | null> {
    return this.reader.currentPlanOfGroup(ctx.loaders).load(group.id);
  }
}
