import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { GroupRole, PersonModel } from '@app/identity';
import { type ConnectionShape, listOf, pagePrice, pageRequest, type RequestContext } from '@app/platform';
import { InitiativeModel } from '../initiatives/initiative.model';
import { chairLoader, groupMembersLoader, initiativeLoader } from '../loaders';
import { GroupMemberConnection, type GroupMemberModel } from '../memberships/membership.models';
import { CreateWorkingGroupInput } from './dto/create-working-group.input';
import { WorkingGroupModel } from './working-group.model';
import { WorkingGroupsService } from './working-groups.service';

@Resolver(() => WorkingGroupModel)
export class WorkingGroupsResolver {
  constructor(
    private readonly groups: WorkingGroupsService,
    private readonly dataSource: DataSource,
  ) {}

  @Query(() => WorkingGroupModel, { nullable: true })
  workingGroup(@Args('id', { type: () => ID }) id: string, @Context() ctx: RequestContext): Promise<WorkingGroupModel> {
    return this.groups.byId(ctx.caller, id);
  }

  @Mutation(() => WorkingGroupModel, { description: 'SECRETARIAT. CONFLICT on a duplicate code.' })
  createWorkingGroup(@Args('input') input: CreateWorkingGroupInput, @Context() ctx: RequestContext): Promise<WorkingGroupModel> {
    return this.groups.create(ctx.caller, input);
  }

  @ResolveField(() => InitiativeModel)
  async initiative(@Parent() group: WorkingGroupModel, @Context() ctx: RequestContext): Promise<InitiativeModel> {
    return (await initiativeLoader(ctx.loaders, this.dataSource).load(group.initiativeId)) as InitiativeModel;
  }

  @ResolveField(() => [PersonModel], { description: 'CHAIR and VICE_CHAIR members, chairs first.', complexity: listOf(50) })
  async chairs(@Parent() group: WorkingGroupModel, @Context() ctx: RequestContext): Promise<PersonModel[]> {
    const people = await chairLoader(ctx.loaders, this.dataSource).loadMany(group.chairIds);
    return people.filter((p): p is PersonModel => !!p && !(p instanceof Error));
  }

  @ResolveField(() => GroupMemberConnection, { complexity: pagePrice })
  members(
    @Parent() group: WorkingGroupModel,
    @Context() ctx: RequestContext,
    @Args('role', { type: () => GroupRole, nullable: true }) role: GroupRole | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<ConnectionShape<GroupMemberModel>> {
    return groupMembersLoader(ctx.loaders, this.dataSource, role ?? null, pageRequest(first, after)).load(group.id);
  }
}
