import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { listOf, pagePrice, type ConnectionShape, type RequestContext } from '@app/platform';
import { InitiativeModel } from '@app/structure';
import { WorkItemModel } from '@app/work-plans';
import { KpiInput } from './dto/kpi.input';
import { KpiDimension, KpiLevel } from './kpi.enums';
import { KpiConnection, KpiImportResultModel, KpiModel } from './kpi.model';
import { KpiLoaders, MAX_WORK_ITEMS_PER_KPI } from './kpis.loaders';
import { KpisService, MAX_KPIS_PER_WORK_ITEM } from './kpis.service';

@Resolver(() => KpiModel)
export class KpisResolver {
  constructor(private readonly service: KpisService) {}

  @Query(() => KpiModel, { nullable: true })
  kpi(@Args('id', { type: () => ID }) id: string, @Context() ctx: RequestContext): Promise<KpiModel> {
    return this.service.kpi(ctx.caller, id, ctx.loaders);
  }

  @Mutation(() => KpiImportResultModel, {
    description: 'SECRETARIAT. Creates or updates by code; running it twice changes nothing the second time.',
  })
  importKpis(
    @Args('initiativeId', { type: () => ID }) initiativeId: string,
    @Args('kpis', { type: () => [KpiInput] }) kpis: KpiInput[],
    @Context() ctx: RequestContext,
  ): Promise<KpiImportResultModel> {
    return this.service.importKpis(ctx.caller, initiativeId, kpis);
  }

  @Mutation(() => WorkItemModel, { description: "Chairs of the item's group and SECRETARIAT; replaces the item's KPIs." })
  linkWorkItemKpis(
    @Args('workItemId', { type: () => ID }) workItemId: string,
    @Args('kpiIds', { type: () => [ID] }) kpiIds: string[],
    @Context() ctx: RequestContext,
  ): Promise<WorkItemModel> {
    return this.service.linkWorkItemKpis(ctx.caller, workItemId, kpiIds, ctx.loaders);
  }

  @ResolveField(() => [WorkItemModel], { description: 'Work items that address it.', complexity: listOf(MAX_WORK_ITEMS_PER_KPI) })
  workItems(@Parent() kpi: KpiModel, @Context() ctx: RequestContext): Promise<WorkItemModel[]> {
    return this.service.workItemsOf(kpi.id, ctx.loaders);
  }
}

/** Initiative.kpis: the catalogue, filtered. */
@Resolver(() => InitiativeModel)
export class InitiativeKpisResolver {
  constructor(private readonly service: KpisService) {}

  @ResolveField(() => KpiConnection, {
    description: 'The KPI catalogue of the initiative, ordered by code.',
    complexity: pagePrice,
  })
  kpis(
    @Parent() initiative: InitiativeModel,
    @Context() ctx: RequestContext,
    @Args('dimension', { type: () => KpiDimension, nullable: true }) dimension: KpiDimension | null,
    @Args('level', { type: () => KpiLevel, nullable: true }) level: KpiLevel | null,
    @Args('search', { type: () => String, nullable: true }) search: string | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 100 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<ConnectionShape<KpiModel>> {
    const filter = { dimension: dimension ?? null, level: level ?? null, search: search ?? null };
    return this.service.catalogue(ctx.caller, initiative.id, filter, first, after);
  }
}

/** WorkItem.kpis, resolved here so that work-plans does not depend on kpis. */
@Resolver(() => WorkItemModel)
export class WorkItemKpisResolver {
  constructor(private readonly loaders: KpiLoaders) {}

  @ResolveField(() => [KpiModel], { description: 'KPIs this item addresses.', complexity: listOf(MAX_KPIS_PER_WORK_ITEM) })
  kpis(@Parent() item: WorkItemModel, @Context() ctx: RequestContext): Promise<KpiModel[]> {
    return this.loaders.ofWorkItem(ctx.loaders).load(item.id);
  }
}
