import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessPolicy } from '@app/identity';
import {
  type Caller,
  type ConnectionShape,
  InvalidInputError,
  isUuid,
  type LoaderRegistry,
  NotFoundError,
  pageRequest,
  toConnection,
} from '@app/platform';
import { type WorkItemModel, WorkItemsService, WorkPlansReader } from '@app/work-plans';
import { kpiProblems, normalisedKpi } from '../catalogue/kpi-rules';
import type { KpiInput } from './dto/kpi.input';
import type { KpiImportResultModel, KpiModel } from './kpi.model';
import { KpiLoaders } from './kpis.loaders';
import { type KpiFilter, KpisRepository } from './kpis.repository';

/** The policy needs a uuid; a malformed id simply belongs to no initiative (NOT_FOUND). */
const NIL_UUID = '00000000-0000-0000-0000-000000000000';
const uuidOrNil = (id: string) => (isUuid(id) ? id : NIL_UUID);

/** KPIs one work item may address, at most. */
export const MAX_KPIS_PER_WORK_ITEM = 100;

/** Longest search text (a code is at most 50 characters, a name 200). */
const MAX_SEARCH_LENGTH = 200;

/**
 * The KPI catalogue of an initiative: reading it (any member), importing it (SECRETARIAT) and
 * linking work items to its KPIs (those who may edit the item's plan).
 */
@Injectable()
export class KpisService {
  constructor(
    private readonly access: AccessPolicy,
    private readonly kpis: KpisRepository,
    private readonly loadersOf: KpiLoaders,
    private readonly workItems: WorkItemsService,
    private readonly workPlans: WorkPlansReader,
    private readonly dataSource: DataSource,
  ) {}

  /** A KPI, for any member of its initiative; NOT_FOUND otherwise. */
  async kpi(caller: Caller | null, id: string, loaders: LoaderRegistry): Promise<KpiModel> {
    const kpi = await this.loadersOf.kpi(loaders).load(id);
    if (!kpi) throw new NotFoundError('KPI', id);
    await this.access.authorize(caller, 'initiative.read', { initiativeId: kpi.initiativeId }, { kind: 'KPI', id });
    return kpi;
  }

  /** A page of the initiative's catalogue, ordered by code: two statements. */
  async catalogue(
    caller: Caller | null,
    initiativeId: string,
    filter: KpiFilter,
    first: number | null,
    after: string | null,
  ): Promise<ConnectionShape<KpiModel>> {
    await this.access.authorize(
      caller,
      'initiative.read',
      { initiativeId: uuidOrNil(initiativeId) },
      { kind: 'Initiative', id: initiativeId },
    );
    const page = pageRequest(first, after, 100);
    const afterCode = page.after ? page.after[0] : null;
    if (page.after && (typeof afterCode !== 'string' || afterCode.length > 50)) {
      throw InvalidInputError.field('after', 'is not a cursor returned by this API');
    }
    const search = filter.search?.trim() || null;
    if (search !== null && search.length > MAX_SEARCH_LENGTH) {
      throw InvalidInputError.field('search', `must be at most ${MAX_SEARCH_LENGTH} characters`);
    }
    const matching = { ...filter, search };
    const total = await this.kpis.count(initiativeId, matching);
    const rows = page.limit === 0 ? [] : await this.kpis.page(initiativeId, matching, afterCode as string | null, page.limit + 1);
    return toConnection(rows, page, (r) => [r.code], total);
  }

  /** SECRETARIAT: creates or updates by code, in one transaction; an identical second import changes nothing. */
  async importKpis(caller: Caller | null, initiativeId: string, input: readonly KpiInput[]): Promise<KpiImportResultModel> {
    await this.access.authorize(
      caller,
      'kpi.import',
      { initiativeId: uuidOrNil(initiativeId) },
      { kind: 'Initiative', id: initiativeId },
    );
    const kpis = input.map((kpi) => normalisedKpi(kpi));
    const problems = kpiProblems(kpis);
    if (problems.length) {
      throw new InvalidInputError(
        problems.map((p) => ({ field: p.field ? `kpis[${p.index}].${p.field}` : 'kpis', message: p.message })),
      );
    }
    const counts = await this.dataSource.transaction((m) => this.kpis.upsert(initiativeId, kpis, m));
    return { ...counts, unchanged: kpis.length - counts.created - counts.updated };
  }

  /** Those who may edit the item's plan: replaces the item's KPIs (KPIs of the item's initiative). */
  async linkWorkItemKpis(
    caller: Caller | null,
    workItemId: string,
    kpiIds: readonly string[],
    loaders: LoaderRegistry,
  ): Promise<WorkItemModel> {
    const scope = await this.workItems.itemScope(workItemId);
    await this.access.authorize(caller, 'workItem.linkKpis', scope, { kind: 'Work item', id: workItemId });
    const ids = [...new Set(kpiIds)];
    if (ids.length > MAX_KPIS_PER_WORK_ITEM) {
      throw InvalidInputError.field('kpiIds', `at most ${MAX_KPIS_PER_WORK_ITEM} KPIs per work item`);
    }
    await this.dataSource.transaction(async (m) => {
      await this.kpis.lockLinksOf(workItemId, m);
      const found = new Set(await this.kpis.idsInInitiative(scope.initiativeId, ids.filter(isUuid), m));
      const missing = ids.find((id) => !found.has(id));
      if (missing !== undefined) throw new NotFoundError('KPI', missing);
      await this.kpis.replaceLinks(workItemId, scope.initiativeId, ids, m);
    });
    return (await this.workPlans.item(loaders).load(workItemId)) as WorkItemModel;
  }

  /** The work items that address a KPI (the KPI was authorised as its parent), in plan order. */
  async workItemsOf(kpiId: string, loaders: LoaderRegistry): Promise<WorkItemModel[]> {
    const ids = await this.loadersOf.workItemIdsOf(loaders).load(kpiId);
    const items = await this.workPlans.item(loaders).loadMany(ids);
    return items
      .filter((i): i is WorkItemModel => i !== null && !(i instanceof Error))
      .sort((a, b) => (BigInt(a.seq) < BigInt(b.seq) ? -1 : BigInt(a.seq) > BigInt(b.seq) ? 1 : 0));
  }
}
