import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { listOf } from '@app/platform';
import { InitiativeModel, WorkingGroupModel } from '@app/structure';
import { WorkItemModel } from '../work-items/work-item.model';
import { WorkPlanModel } from '../work-plans/work-plan.model';

@ObjectType('Progress', {
  description:
    'Counts over the items that are not CANCELLED. percentComplete is the mean of their\npercentComplete (DONE counts 100), 0 when there are none.',
})
export class ProgressModel {
  @Field(() => Int) total: number;
  @Field(() => Int) notStarted: number;
  @Field(() => Int) inProgress: number;
  @Field(() => Int) blocked: number;
  @Field(() => Int) done: number;
  @Field(() => Int) overdue: number;
  @Field(() => Float) percentComplete: number;
  @Field(() => [WorkItemModel], {
    description: 'Up to 5 not-done items with the nearest dueAt, soonest first.',
    complexity: listOf(5),
  })
  nextDue: WorkItemModel[];
}

@ObjectType('WorkingGroupProgress')
export class WorkingGroupProgressModel {
  @Field(() => WorkingGroupModel) workingGroup: WorkingGroupModel;
  @Field(() => WorkPlanModel, { nullable: true }) workPlan: WorkPlanModel | null;
  @Field(() => ProgressModel) progress: ProgressModel;
}

/** Built whole by WorkPlansReader.initiativeProgress (one statement); initiative and openBallots are resolved. */
@ObjectType('InitiativeProgress')
export class InitiativeProgressModel {
  /** Not a GraphQL field: the key of `initiative`. */
  initiativeId: string;
  @Field(() => InitiativeModel) initiative?: InitiativeModel;
  @Field(() => Date) asOf: Date;
  @Field(() => [WorkingGroupProgressModel], {
    description: 'One row per working group, ordered by code.',
    complexity: listOf(100),
  })
  workingGroups: WorkingGroupProgressModel[];
  @Field(() => ProgressModel) totals: ProgressModel;
}
