import { Injectable } from '@nestjs/common';
import type DataLoader from 'dataloader';
import { byKeys, groupedByKeys, isUuid, type LoaderRegistry } from '@app/platform';
import type { AmendmentModel, AmendmentStatus } from './amendment.model';
import { AmendmentsRepository } from './amendments.repository';

/** The per-request DataLoaders of amendments: one statement per batch. */
@Injectable()
export class AmendmentLoaders {
  constructor(private readonly amendments: AmendmentsRepository) {}

  amendment(loaders: LoaderRegistry): DataLoader<string, AmendmentModel | null> {
    return loaders.get<string, AmendmentModel | null>('discussion.amendment', async (ids) => {
      const valid = ids.filter(isUuid);
      const rows = valid.length ? await this.amendments.byIds(valid) : [];
      return byKeys(ids, rows, (r) => r.id);
    });
  }

  /** The amendments of each document, oldest first, of one status or all (one loader per status). */
  ofTor(loaders: LoaderRegistry, status: AmendmentStatus | null): DataLoader<string, AmendmentModel[]> {
    return loaders.get<string, AmendmentModel[]>(`discussion.amendmentsOfTor.${status ?? 'all'}`, async (ids) => {
      const valid = ids.filter(isUuid);
      const rows = valid.length ? await this.amendments.ofTors(valid, status) : [];
      const byId = this.amendment(loaders);
      for (const row of rows) byId.prime(row.id, row);
      return groupedByKeys(ids, rows, (r) => r.torId);
    });
  }
}
