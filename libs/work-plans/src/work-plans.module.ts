import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@app/identity';
import { TermsOfReferenceModule } from '@app/terms-of-reference';
import { ProgressResolver } from './progress/progress.resolver';
import { WorkItemDependencyEntity, WorkItemEntity } from './work-items/work-item.entity';
import { WorkItemDeadlines } from './work-items/work-items.deadlines';
import { WorkItemsResolver } from './work-items/work-items.resolver';
import { WorkPlanEntity } from './work-plans/work-plan.entity';
import { WorkingGroupPlanResolver, WorkPlansResolver } from './work-plans/work-plans.resolver';
import { WorkPlansReader } from './work-plans.reader';
import { WorkPlansService } from './work-plans.service';

/** Work plans of the working groups, their items and dependencies, and progress. */
@Module({
  imports: [
    IdentityModule,
    TermsOfReferenceModule,
    TypeOrmModule.forFeature([WorkPlanEntity, WorkItemEntity, WorkItemDependencyEntity]),
  ],
  providers: [
    WorkPlansService,
    WorkPlansReader,
    WorkPlansResolver,
    WorkingGroupPlanResolver,
    WorkItemsResolver,
    ProgressResolver,
    WorkItemDeadlines,
  ],
  exports: [WorkPlansService, WorkPlansReader],
})
export class WorkPlansModule {}
