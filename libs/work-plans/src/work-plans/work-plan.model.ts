import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar } from '@app/platform';
import { WorkPlanStatus } from './work-plan.enums';

/** A work plan; workingGroup, items and progress are resolved by WorkPlansResolver. */
@ObjectType('WorkPlan')
export class WorkPlanModel {
  @Field(() => ID) id: string;
  /** Not a GraphQL field: the key of `workingGroup`. */
  workingGroupId: string;
  @Field() title: string;
  @Field(() => DateScalar) periodStart: string;
  @Field(() => DateScalar) periodEnd: string;
  @Field(() => WorkPlanStatus) status: WorkPlanStatus;
  @Field(() => Int, { description: 'Incremented by every change to the plan or its items.' }) version: number;
}
