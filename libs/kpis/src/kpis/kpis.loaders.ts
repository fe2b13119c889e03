import { Injectable } from '@nestjs/common';
import type DataLoader from 'dataloader';
import { byKeys, groupedByKeys, isUuid, type LoaderRegistry } from '@app/platform';
import type { KpiModel } from './kpi.model';
import { KpisRepository } from './kpis.repository';

/** Work items shown under a KPI (Kpi.workItems), at most. */
export const MAX_WORK_ITEMS_PER_KPI = 100;

/** The per-request DataLoaders of the KPI fields: one statement per batch, whatever the number of parents. */
@Injectable()
export class KpiLoaders {
  constructor(private readonly kpis: KpisRepository) {}

  /** KPIs by id. */
  kpi(loaders: LoaderRegistry): DataLoader<string, KpiModel | null> {
    return loaders.get<string, KpiModel | null>('kpis.kpi', async (ids) => {
      const valid = ids.filter(isUuid);
      const rows = valid.length ? await this.kpis.byIds(valid) : [];
      return byKeys(ids, rows, (r) => r.id);
    });
  }

  /** The KPIs of each work item, ordered by code. */
  ofWorkItem(loaders: LoaderRegistry): DataLoader<string, KpiModel[]> {
    return loaders.get<string, KpiModel[]>('kpis.ofWorkItem', async (ids) => {
      const valid = ids.filter(isUuid);
      const rows = valid.length ? await this.kpis.ofWorkItems(valid) : [];
      const kpis = this.kpi(loaders);
      return groupedByKeys(ids, rows, (r) => r.workItemId).map((list) =>
        list.map(({ workItemId: _unused, ...kpi }) => {
          kpis.prime(kpi.id, kpi);
          return kpi;
        }),
      );
    });
  }

  /** The ids of the work items that address each KPI. */
  workItemIdsOf(loaders: LoaderRegistry): DataLoader<string, string[]> {
    return loaders.get<string, string[]>('kpis.workItemIds', async (ids) => {
      const valid = ids.filter(isUuid);
      const rows = valid.length ? await this.kpis.workItemIdsOf(valid, MAX_WORK_ITEMS_PER_KPI) : [];
      return groupedByKeys(ids, rows, (r) => r.kpiId).map((list) => list.map((r) => r.workItemId));
    });
  }
}
