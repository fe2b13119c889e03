import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar } from '@app/platform';
import { WorkPlanStatus } from './work-plan.enums';

/** A work plan; workingGroup, items and progress are resolved by WorkPlansResolver. */
@ObjectType('WorkPlan')
export class WorkPlanModel {
  @Field(() => ID) id: string;
  /** Not a GraphQL field: the key of `workingGroup`. */
  workingGroupId: string;
  /** Not a GraphQL field: used for access checks. */
  initiativeId: string;
  @Field() title: string;
  @Field(() => DateScalar) periodStart: string;
  @Field(() => DateScalar) periodEnd: string;
  @Field(() => WorkPlanStatus) status: WorkPlanStatus;
  @Field(() => Int, { description: 'Incremented by every change to the plan or its items.' }) version: number;
}

/** Columns of `work_plan p JOIN working_group g` selected for a WorkPlanModel. */
export const WORK_PLAN_COLUMNS = `p.id, p.working_group_id AS "workingGroupId", g.initiative_id AS "initiativeId", p.title,
  to_char(p.period_start, 'YYYY-MM-DD') AS "periodStart", to_char(p.period_end, 'YYYY-MM-DD') AS "periodEnd",
  p.status, p.version`;
