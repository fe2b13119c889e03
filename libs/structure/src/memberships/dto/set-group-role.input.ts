import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsString } from 'class-validator';
import { GroupRole } from '@app/identity';

@InputType('SetGroupRoleInput')
export class SetGroupRoleInput {
  @Field(() => ID)
  @IsString()
  workingGroupId: string;

  @Field(() => ID)
  @IsString()
  personId: string;

  @Field(() => GroupRole)
  @IsEnum(GroupRole)
  role: GroupRole;
}
