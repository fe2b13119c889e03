import { Module } from '@nestjs/common';
import { IdentityModule } from '@app/identity';
import { StructureDataModule } from '@app/structure';
import { TermsOfReferenceModule } from '@app/terms-of-reference';
import { ProgressRepository } from './progress/progress.repository';
import { ProgressResolver } from './progress/progress.resolver';
import { ProgressService } from './progress/progress.service';
import { WorkItemDeadlinesRepository } from './work-items/work-item-deadlines.repository';
import { WorkItemDeadlines } from './work-items/work-items.deadlines';
import { WorkItemsRepository } from './work-items/work-items.repository';
import { WorkItemsResolver } from './work-items/work-items.resolver';
import { WorkItemsService } from './work-items/work-items.service';
import { WorkingGroupPlanResolver, WorkPlansResolver } from './work-plans/work-plans.resolver';
import { WorkPlansRepository } from './work-plans/work-plans.repository';
import { WorkPlansService } from './work-plans/work-plans.service';
import { WorkPlansReader } from './work-plans.reader';

/** Work plans of the working groups, their items and dependencies, and progress. */
@Module({
  imports: [IdentityModule, StructureDataModule, TermsOfReferenceModule],
  providers: [
    WorkPlansRepository,
    WorkItemsRepository,
    ProgressRepository,
    WorkPlansReader,
    WorkPlansService,
    WorkItemsService,
    ProgressService,
    WorkPlansResolver,
    WorkingGroupPlanResolver,
    WorkItemsResolver,
    ProgressResolver,
    WorkItemDeadlinesRepository,
    WorkItemDeadlines,
  ],
  exports: [WorkPlansService, WorkItemsService, ProgressService, WorkPlansReader],
})
export class WorkPlansModule {}
