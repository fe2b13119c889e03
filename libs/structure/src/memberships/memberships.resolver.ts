import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { InitiativeRole, personLoader, PersonModel } from '@app/identity';
import type { RequestContext } from '@app/platform';
import { RegisterPersonInput } from './dto/register-person.input';
import { SetGroupRoleInput } from './dto/set-group-role.input';
import { GroupMemberModel, InitiativeMemberModel } from './membership.models';
import { MembershipsService } from './memberships.service';

@Resolver()
export class MembershipsResolver {
  constructor(private readonly memberships: MembershipsService) {}

  @Mutation(() => PersonModel, {
    description: 'SECRETARIAT of that initiative. CONFLICT if the e-mail is already registered in it.',
  })
  registerPerson(@Args('input') input: RegisterPersonInput, @Context() ctx: RequestContext): Promise<PersonModel> {
    return this.memberships.registerPerson(ctx.caller, input);
  }

  @Mutation(() => InitiativeMemberModel, { description: 'SECRETARIAT. The person must already belong to the initiative.' })
  setInitiativeRole(
    @Args('initiativeId', { type: () => ID }) initiativeId: string,
    @Args('personId', { type: () => ID }) personId: string,
    @Args('role', { type: () => InitiativeRole }) role: InitiativeRole,
    @Context() ctx: RequestContext,
  ): Promise<InitiativeMemberModel> {
    return this.memberships.setInitiativeRole(ctx.caller, initiativeId, personId, role);
  }

  @Mutation(() => GroupMemberModel, {
    description: 'SECRETARIAT; a CHAIR of the group may also set MEMBER or OBSERVER. The person must belong to the initiative.',
  })
  setGroupRole(@Args('input') input: SetGroupRoleInput, @Context() ctx: RequestContext): Promise<GroupMemberModel> {
    return this.memberships.setGroupRole(ctx.caller, input);
  }

  @Mutation(() => Boolean, { description: 'SECRETARIAT; a CHAIR for MEMBERs and OBSERVERs of the group.' })
  removeGroupMember(
    @Args('workingGroupId', { type: () => ID }) workingGroupId: string,
    @Args('personId', { type: () => ID }) personId: string,
    @Context() ctx: RequestContext,
  ): Promise<boolean> {
    return this.memberships.removeGroupMember(ctx.caller, workingGroupId, personId);
  }

  @Mutation(() => Boolean, {
    description:
      'SECRETARIAT. Removes the person from the initiative and its groups; their access to it ends at the next request. CONFLICT for the last SECRETARIAT.',
  })
  removeInitiativeMember(
    @Args('initiativeId', { type: () => ID }) initiativeId: string,
    @Args('personId', { type: () => ID }) personId: string,
    @Context() ctx: RequestContext,
  ): Promise<boolean> {
    return this.memberships.removeInitiativeMember(ctx.caller, initiativeId, personId);
  }
}

/** `person` of a membership, through the per-request person loader. */
async function personOf(dataSource: DataSource, ctx: RequestContext, personId: string): Promise<PersonModel> {
  return (await personLoader(ctx.loaders, dataSource).load(personId)) as PersonModel;
}

@Resolver(() => InitiativeMemberModel)
export class InitiativeMemberResolver {
  constructor(private readonly dataSource: DataSource) {}

  @ResolveField(() => PersonModel)
  person(@Parent() member: InitiativeMemberModel, @Context() ctx: RequestContext): Promise<PersonModel> {
    return personOf(this.dataSource, ctx, member.personId);
  }
}

@Resolver(() => GroupMemberModel)
export class GroupMemberResolver {
  constructor(private readonly dataSource: DataSource) {}

  @ResolveField(() => PersonModel)
  person(@Parent() member: GroupMemberModel, @Context() ctx: RequestContext): Promise<PersonModel> {
    return personOf(this.dataSource, ctx, member.personId);
  }
}
