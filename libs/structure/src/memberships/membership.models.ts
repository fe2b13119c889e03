import { Field, ObjectType } from '@nestjs/graphql';
import { GroupRole, InitiativeRole, PersonModel } from '@app/identity';
import { Connection } from '@app/platform';

/** A person's role in an initiative; `person` is resolved from personId. */
@ObjectType('InitiativeMember')
export class InitiativeMemberModel {
  @Field(() => PersonModel) person?: PersonModel;
  @Field(() => InitiativeRole) role: InitiativeRole;
  @Field() since: Date;
  initiativeId: string;
  personId: string;
}

@ObjectType('InitiativeMemberConnection')
export class InitiativeMemberConnection extends Connection(InitiativeMemberModel, 'InitiativeMember') {}

/** A person's role in a working group; `person` is resolved from personId. */
@ObjectType('GroupMember')
export class GroupMemberModel {
  @Field(() => PersonModel) person?: PersonModel;
  @Field(() => GroupRole) role: GroupRole;
  @Field() since: Date;
  workingGroupId: string;
  personId: string;
}

@ObjectType('GroupMemberConnection')
export class GroupMemberConnection extends Connection(GroupMemberModel, 'GroupMember') {}
