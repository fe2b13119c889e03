import { Field, ID, ObjectType } from '@nestjs/graphql';
import '../graphql-enums';
import { GroupStatus } from './group-status';

/**
 * A working group. `initiative`, `chairs` and `members` are resolved by WorkingGroupsResolver;
 * `workPlan` and `termsOfReference` by their own libraries (@ResolveField on this model).
 */
@ObjectType('WorkingGroup')
export class WorkingGroupModel {
  @Field(() => ID) id: string;
  /** Not a GraphQL field: the key of `initiative`. */
  initiativeId: string;
  @Field({ description: 'Unique within the initiative, e.g. WG1.' }) code: string;
  @Field() name: string;
  @Field() mandate: string;
  @Field(() => GroupStatus) status: GroupStatus;
}

export const WORKING_GROUP_COLUMNS = `id, initiative_id AS "initiativeId", code, name, mandate, status`;
