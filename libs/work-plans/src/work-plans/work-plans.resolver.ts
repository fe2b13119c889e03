import { Args, Context, ID, Info, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { DataSource } from 'typeorm';
import { type ConnectionShape, pagePrice, pageRequest, type RequestContext, selectsField } from '@app/platform';
import { WorkingGroupModel, workingGroupLoader } from '@app/structure';
import { CreateWorkPlanInput } from '../dto/create-work-plan.input';
import { ProgressModel } from '../progress/progress.model';
import { WorkItemConnection, type WorkItemModel } from '../work-items/work-item.model';
import { WorkPlansReader } from '../work-plans.reader';
import { WorkItemStatus } from './work-plan.enums';
import { WorkPlanModel } from './work-plan.model';
import { WorkPlansService } from './work-plans.service';

@Resolver(() => WorkPlanModel)
export class WorkPlansResolver {
  constructor(
    private readonly service: WorkPlansService,
    private readonly reader: WorkPlansReader,
    private readonly dataSource: DataSource,
  ) {}

  @Query(() => WorkPlanModel, { nullable: true })
  workPlan(@Args('id', { type: () => ID }) id: string, @Context() ctx: RequestContext): Promise<WorkPlanModel> {
    return this.service.workPlan(ctx.caller, id, ctx.loaders);
  }

  @Mutation(() => WorkPlanModel, { description: 'CHAIR or VICE_CHAIR of the group, or SECRETARIAT.' })
  createWorkPlan(@Args('input') input: CreateWorkPlanInput, @Context() ctx: RequestContext): Promise<WorkPlanModel> {
    return this.service.createWorkPlan(ctx.caller, input);
  }

  @Mutation(() => WorkPlanModel, { description: 'Chairs: DRAFT -> SUBMITTED.' })
  submitWorkPlan(@Args('id', { type: () => ID }) id: string, @Context() ctx: RequestContext): Promise<WorkPlanModel> {
    return this.service.submitWorkPlan(ctx.caller, id);
  }

  @Mutation(() => WorkPlanModel, { description: 'SECRETARIAT: SUBMITTED -> APPROVED.' })
  approveWorkPlan(@Args('id', { type: () => ID }) id: string, @Context() ctx: RequestContext): Promise<WorkPlanModel> {
    return this.service.approveWorkPlan(ctx.caller, id);
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
  workPlan(
    @Parent() group: WorkingGroupModel,
    @Context() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<WorkPlanModel | null> {
    // A page that shows the plan's progress (the group page) gets both in one statement.
    const loader = selectsField(info, 'progress')
      ? this.reader.currentPlanWithProgressOfGroup(ctx.loaders)
      : this.reader.currentPlanOfGroup(ctx.loaders);
    return loader.load(group.id);
  }
}
