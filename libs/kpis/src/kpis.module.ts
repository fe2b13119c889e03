import { Module } from '@nestjs/common';
import { IdentityModule } from '@app/identity';
import { WorkPlansModule } from '@app/work-plans';
import { KpiLoaders } from './kpis/kpis.loaders';
import { KpisReader } from './kpis/kpis.reader';
import { KpisRepository } from './kpis/kpis.repository';
import { InitiativeKpisResolver, KpisResolver, WorkItemKpisResolver } from './kpis/kpis.resolver';
import { KpisService } from './kpis/kpis.service';

/** The KPI catalogue of an initiative and the links from work items to its KPIs. */
@Module({
  imports: [IdentityModule, WorkPlansModule],
  providers: [KpisRepository, KpiLoaders, KpisReader, KpisService, KpisResolver, InitiativeKpisResolver, WorkItemKpisResolver],
  exports: [KpisService, KpisReader],
})
export class KpisModule {}
