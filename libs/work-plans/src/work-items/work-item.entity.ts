import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { WorkItemKind, WorkItemStatus } from '../work-plans/work-plan.enums';

/** A deliverable, milestone or task of a work plan; its parent is an item of the same plan. */
@Entity('work_item')
export class WorkItemEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** Insertion order (identity column): the order of WorkPlan.items and its cursors. */
  @Column({ type: 'bigint', insert: false, update: false }) seq: string;
  @Column('uuid') workPlanId: string;
  @Column('uuid', { nullable: true }) parentId: string | null;
  @Column('text') kind: WorkItemKind;
  @Column('text') title: string;
  @Column('text', { nullable: true }) description: string | null;
  @Column('uuid', { nullable: true }) ownerId: string | null;
  @Column('timestamptz', { nullable: true }) dueAt: Date | null;
  @Column('text') status: WorkItemStatus;
  @Column('integer') percentComplete: number;
  @Column('integer') version: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

/** `itemId` depends on `dependsOnId`; both are items of `workPlanId`. */
@Entity('work_item_dependency')
export class WorkItemDependencyEntity {
  @PrimaryColumn('uuid') itemId: string;
  @PrimaryColumn('uuid') dependsOnId: string;
  @Column('uuid') workPlanId: string;
}
