import { Injectable } from '@nestjs/common';
import type DataLoader from 'dataloader';
import { isUuid, type LoaderRegistry, type Queryable } from '@app/platform';
import type { KpiModel } from './kpi.model';
import { KpiLoaders } from './kpis.loaders';
import { KpisRepository } from './kpis.repository';

/** What other domains read of the KPI catalogue (meetings' agenda items link to KPIs). */
@Injectable()
export class KpisReader {
  constructor(
    private readonly repository: KpisRepository,
    private readonly loaders: KpiLoaders,
  ) {}

  /** KPIs by id, batched per request (one statement per tick). */
  kpi(loaders: LoaderRegistry): DataLoader<string, KpiModel | null> {
    return this.loaders.kpi(loaders);
  }

  /** Which of the ids are KPIs of the initiative (one statement; malformed ids are not). */
  idsInInitiative(initiativeId: string, ids: readonly string[], db?: Queryable): Promise<string[]> {
    const valid = ids.filter(isUuid);
    return valid.length && isUuid(initiativeId) ? this.repository.idsInInitiative(initiativeId, valid, db) : Promise.resolve([]);
  }
}
