import { Module } from '@nestjs/common';
import { StructureDataModule } from '@app/structure';
import { WorkItemDeadlinesRepository } from './work-items/work-item-deadlines.repository';
import { WorkItemDeadlines } from './work-items/work-items.deadlines';

/** The worker's part: work items as deadline subjects of reminders. */
@Module({ imports: [StructureDataModule], providers: [WorkItemDeadlinesRepository, WorkItemDeadlines] })
export class WorkPlansJobsModule {}
