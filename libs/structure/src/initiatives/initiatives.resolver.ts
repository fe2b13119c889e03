import { Args, Context, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { InitiativeRole } from '@app/identity';
import { type ConnectionShape, listOf, pagePrice, pageRequest, type RequestContext } from '@app/platform';
import { groupsOfInitiativeLoader, initiativeMembersLoader } from '../loaders';
import { InitiativeMemberConnection, type InitiativeMemberModel } from '../memberships/membership.models';
import { WorkingGroupModel } from '../working-groups/working-group.model';
import { InitiativeModel } from './initiative.model';
import { InitiativesService } from './initiatives.service';

@Resolver(() => InitiativeModel)
export class InitiativesResolver {
  constructor(
    private readonly service: InitiativesService,
    private readonly dataSource: DataSource,
  ) {}

  @Query(() => [InitiativeModel], {
    description: 'Initiatives the caller belongs to (all of them for a platform administrator, if the server has one).',
    complexity: listOf(100),
  })
  initiatives(@Context() ctx: RequestContext): Promise<InitiativeModel[]> {
    return this.service.mine(ctx.caller);
  }

  @Query(() => InitiativeModel, { nullable: true })
  initiative(@Args('slug') slug: string, @Context() ctx: RequestContext): Promise<InitiativeModel> {
    return this.service.bySlug(ctx.caller, slug);
  }

  @ResolveField(() => InitiativeMemberConnection, { complexity: pagePrice })
  members(
    @Parent() initiative: InitiativeModel,
    @Context() ctx: RequestContext,
    @Args('role', { type: () => InitiativeRole, nullable: true }) role: InitiativeRole | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<ConnectionShape<InitiativeMemberModel>> {
    return initiativeMembersLoader(ctx.loaders, this.dataSource, role ?? null, pageRequest(first, after)).load(initiative.id);
  }

  @ResolveField(() => [WorkingGroupModel], { complexity: listOf(100) })
  workingGroups(@Parent() initiative: InitiativeModel, @Context() ctx: RequestContext): Promise<WorkingGroupModel[]> {
    return groupsOfInitiativeLoader(ctx.loaders, this.dataSource).load(initiative.id);
  }
}
