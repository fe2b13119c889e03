import { Module } from '@nestjs/common';
import { WorkItemDeadlines } from './work-items/work-items.deadlines';

/** The worker's part: work items as deadline subjects of reminders. */
@Module({ providers: [WorkItemDeadlines] })
export class WorkPlansJobsModule {}
