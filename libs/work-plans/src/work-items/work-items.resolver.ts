import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { AccessPolicy, allows, personLoader, PersonModel } from '@app/identity';
import { type ConnectionShape, ForbiddenError, listOf, pagePrice, pageRequest, type RequestContext } from '@app/platform';
import { AddWorkItemInput } from '../dto/add-work-item.input';
import { UpdateWorkItemInput } from '../dto/update-work-item.input';
import { fieldsNamed, mayUpdate } from '../rules/item-update';
import { isOverdue } from '../rules/progress';
import { WorkPlanModel } from '../work-plans/work-plan.model';
import { WorkPlansReader } from '../work-plans.reader';
import { WorkPlansService } from '../work-plans.service';
import { WorkItemConnection, WorkItemModel } from './work-item.model';

@Resolver(() => WorkItemModel)
export class WorkItemsResolver {
  constructor(
    private readonly policy: AccessPolicy,
    private readonly service: WorkPlansService,
    private readonly reader: WorkPlansReader,
    private readonly dataSource: DataSource,
  ) {}

  @Query(() => WorkItemModel, { nullable: true })
  async workItem(@Args('id', { type: () => ID }) id: string, @Context() ctx: RequestContext): Promise<WorkItemModel> {
    const scope = await this.service.itemScope(id);
    await this.policy.authorize(ctx.caller, 'initiative.read', scope, { kind: 'Work item', id });
    return (await this.reader.item(ctx.loaders).load(id)) as WorkItemModel;
  }

  @Query(() => WorkItemConnection, {
    description: 'Overdue items across the initiative, oldest dueAt first.',
    complexity: pagePrice,
  })
  async overdueItems(
    @Args('initiativeId', { type: () => ID }) initiativeId: string,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Context() ctx: RequestContext,
  ): Promise<ConnectionShape<WorkItemModel>> {
    await this.policy.authorize(
      ctx.caller,
      'initiative.read',
      { initiativeId: uuidOrNil(initiativeId) },
      { kind: 'Initiative', id: initiativeId },
    );
    return this.reader.overdueItems(initiativeId, pageRequest(first, after, 50));
  }

  @Mutation(() => WorkItemModel, { description: "CHAIR or VICE_CHAIR of the plan's group, or SECRETARIAT." })
  async addWorkItem(@Args('input') input: AddWorkItemInput, @Context() ctx: RequestContext): Promise<WorkItemModel> {
    const scope = await this.service.planScope(input.workPlanId);
    await this.policy.authorize(ctx.caller, 'workPlan.edit', scope, { kind: 'Work plan', id: input.workPlanId });
    return this.service.addWorkItem(input);
  }

  @Mutation(() => WorkItemModel, {
    description: "Chairs and SECRETARIAT change anything; the item's owner may change status and percentComplete only.",
  })
  async updateWorkItem(@Args('input') input: UpdateWorkItemInput, @Context() ctx: RequestContext): Promise<WorkItemModel> {
    const scope = await this.service.itemScope(input.id);
    const roles = await this.policy.authorize(ctx.caller, 'initiative.read', scope, { kind: 'Work item', id: input.id });
    const isOwner = scope.ownerId !== null && scope.ownerId === ctx.caller?.personId;
    if (!mayUpdate(allows('workPlan.edit', roles), isOwner, fieldsNamed(input))) {
      throw new ForbiddenError(
        isOwner
          ? 'As the owner of this item you may change its status and percentComplete only'
          : 'Only the chairs, the SECRETARIAT and the owner of this item may change it',
      );
    }
    return this.service.updateWorkItem(input, scope.planId);
  }

  @Mutation(() => Boolean, { description: 'Chairs and SECRETARIAT. CONFLICT while other items depend on it or it has children.' })
  async removeWorkItem(@Args('id', { type: () => ID }) id: string, @Context() ctx: RequestContext): Promise<boolean> {
    const scope = await this.service.itemScope(id);
    await this.policy.authorize(ctx.caller, 'workPlan.edit', scope, { kind: 'Work item', id });
    return this.service.removeWorkItem(id, scope.planId);
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

/** The policy needs a uuid; a malformed id simply belongs to no initiative (NOT_FOUND). */
export const uuidOrNil = (id: string) => (/^[0-9a-f-]{36}$/i.test(id) ? id : '00000000-0000-0000-0000-000000000000');
