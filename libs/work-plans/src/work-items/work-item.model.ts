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

/** Columns of `work_item i` selected for a WorkItemModel. */
export const WORK_ITEM_COLUMNS = `i.id, i.work_plan_id AS "workPlanId", i.parent_id AS "parentId", i.owner_id AS "ownerId",
  i.seq::text AS seq, i.kind, i.title, i.description, i.due_at AS "dueAt", i.status,
  i.percent_complete AS "percentComplete", i.version`;
