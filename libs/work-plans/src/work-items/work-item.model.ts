import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '@app/platform';
import { WorkItemKind, WorkItemStatus } from '../work-plans/work-plan.enums';

/** A work item; workPlan, parent, owner, dependsOn and overdue are resolved by WorkItemsResolver. */
@ObjectType('WorkItem')
export class WorkItemModel {
  @Field(() => ID) id: string;
  /** Not GraphQL fields: keys and order. */
  workPlanId: string;
  parentId: string | null;
  ownerId: string | null;
  seq: string;
  @Field(() => WorkItemKind) kind: WorkItemKind;
  @Field() title: string;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field(() => Date, { nullable: true }) dueAt: Date | null;
  @Field(() => WorkItemStatus) status: WorkItemStatus;
  @Field(() => Int, { description: '0..100; DONE implies 100.' }) percentComplete: number;
  @Field(() => Int, { description: 'Incremented by every change to this item (optimistic locking).' }) version: number;
}

@ObjectType('WorkItemConnection')
export class WorkItemConnection extends Connection(WorkItemModel, 'WorkItem') {}
