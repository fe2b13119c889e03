import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { WorkPlanStatus } from './work-plan.enums';

/** A working group's work plan for a period; the newest plan of a group is its current one. */
@Entity('work_plan')
export class WorkPlanEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') workingGroupId: string;
  @Column('text') title: string;
  /** YYYY-MM-DD. */
  @Column('date') periodStart: string;
  /** YYYY-MM-DD, not before periodStart. */
  @Column('date') periodEnd: string;
  @Column('text') status: WorkPlanStatus;
  /** Incremented by every change to the plan or its items. */
  @Column('integer') version: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
