import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { personLoader, PersonModel } from '@app/identity';
import { type ConnectionShape, listOf, pagePrice, type RequestContext } from '@app/platform';
import { AddWorkItemInput } from '../dto/add-work-item.input';
import { UpdateWorkItemInput } from '../dto/update-work-item.input';
import { ProgressService } from '../progress/progress.service';
import { isOverdue } from '../rules/progress';
import { WorkPlanModel } from '../work-plans/work-plan.model';
import { WorkPlansReader } from '../work-plans.reader';
import { WorkItemConnection, WorkItemModel } from './work-item.model';
import { WorkItemsService } from './work-items.service';

@Resolver(() => WorkItemModel)
export class WorkItemsResolver {
  constructor(
    private readonly service: WorkItemsService,
    private readonly progress: ProgressService,
    private readonly reader: WorkPlansReader,
    private readonly dataSource: DataSource,
  ) {}

  @Query(() => WorkItemModel, { nullable: true })
  workItem(@Args('id', { type: () => ID }) id: string, @Context() ctx: RequestContext): Promise<WorkItemModel> {
    return this.service.workItem(ctx.caller, id, ctx.loaders);
  }

  @Query(() => WorkItemConnection, {
    description: 'Overdue items across the initiative, oldest dueAt first.',
    complexity: pagePrice,
  })
  overdueItems(
    @Args('initiativeId', { type: () => ID }) initiativeId: string,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Context() ctx: RequestContext,
  ): Promise<ConnectionShape<WorkItemModel>> {
    return this.progress.overdueItems(ctx.caller, initiativeId, first, after, ctx.loaders);
  }

  @Mutation(() => WorkItemModel, { description: "CHAIR or VICE_CHAIR of the plan's group, or SECRETARIAT." })
  addWorkItem(@Args('input') input: AddWorkItemInput, @Context() ctx: RequestContext): Promise<WorkItemModel> {
    return this.service.addWorkItem(ctx.caller, input);
  }

  @Mutation(() => WorkItemModel, {
    description: "Chairs and SECRETARIAT change anything; the item's owner may change status and percentComplete only.",
  })
  updateWorkItem(@Args('input') input: UpdateWorkItemInput, @Context() ctx: RequestContext): Promise<WorkItemModel> {
    return this.service.updateWorkItem(ctx.caller, input);
  }

  @Mutation(() => Boolean, { description: 'Chairs and SECRETARIAT. CONFLICT while other items depend on it or it has children.' })
  removeWorkItem(@Args('id', { type: () => ID }) id: string, @Context() ctx: RequestContext): Promise<boolean> {
    return this.service.removeWorkItem(ctx.caller, id);
  }

  @ResolveField(() => WorkPlanModel)
  async workPlan(@Parent() item: WorkItemModel, @Context() ctx: RequestContext): Promise<WorkPlanModel> {
    return (await this.reader.plan(ctx.loaders).load(item.workPlanId)) as WorkPlanModel;
  }

  @ResolveField(() => WorkItemModel, { nullable: true })
  parent(@Parent() item: WorkItemModel, @Context() ctx: RequestContext): Promise<WorkItemModel | null> | null {
    return item.parentId ? this.reader.item(ctx.loaders).load(item.parentId) : null;
  }

  @ResolveField(() => PersonModel, { nullable: true })
  owner(@Parent() item: WorkItemModel, @Context() ctx: RequestContext): Promise<PersonModel | null> | null {
    return item.ownerId ? personLoader(ctx.loaders, this.dataSource).load(item.ownerId) : null;
  }

  @ResolveField(() => [WorkItemModel], { complexity: listOf(100) })
  dependsOn(@Parent() item: WorkItemModel, @Context() ctx: RequestContext): Promise<WorkItemModel[]> {
    return this.reader.dependsOn(ctx.loaders).load(item.id);
  }

  @ResolveField(() => Boolean, { description: 'dueAt has passed and status is neither DONE nor CANCELLED.' })
  overdue(@Parent() item: WorkItemModel): boolean {
    return isOverdue(item.dueAt ? new Date(item.dueAt) : null, item.status, new Date());
  }
}
