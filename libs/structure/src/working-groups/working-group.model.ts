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
  /**
   * Not a GraphQL field: the CHAIR and VICE_CHAIR person ids, chairs first (the keys of `chairs`).
   * Read with the group so that `chairs { name organization { name } }` costs one statement (the people).
   */
  chairIds: string[];
}

/** The columns of a WorkingGroupModel, selected from (or returned by) the table `working_group`. */
export const WORKING_GROUP_COLUMNS = `id, initiative_id AS "initiativeId", code, name, mandate, status,
  ARRAY(SELECT gm.person_id FROM group_member gm
         WHERE gm.working_group_id = working_group.id AND gm.role IN ('CHAIR', 'VICE_CHAIR')
         ORDER BY (gm.role = 'CHAIR') DESC, gm.since, gm.person_id) AS "chairIds"`;
