import { Injectable } from '@nestjs/common';
import type DataLoader from 'dataloader';
import { byKeys, groupedByKeys, isUuid, type LoaderRegistry } from '@app/platform';
import type { TermsOfReferenceModel, TermsOfReferenceVersionModel } from './terms-of-reference.model';
import { TermsOfReferenceRepository } from './terms-of-reference.repository';

/** Per-request loaders of documents and versions (one statement per batch). */
@Injectable()
export class TorReader {
  constructor(private readonly repository: TermsOfReferenceRepository) {}

  fetch(id: string): Promise<TermsOfReferenceModel | null> {
    return isUuid(id) ? this.repository.byId(id) : Promise.resolve(null);
  }

  fetchVersion(id: string): Promise<TermsOfReferenceVersionModel | null> {
    return this.repository.versionById(id);
  }

  torLoader(loaders: LoaderRegistry): DataLoader<string, TermsOfReferenceModel | null> {
    return loaders.get<string, TermsOfReferenceModel | null>('tor.tor', async (ids) => {
      const valid = ids.filter(isUuid);
      const found = valid.length ? await this.repository.byIds(valid) : [];
      return byKeys(ids, found, (r) => r.id);
    });
  }

  /** The initiative's own document (working_group_id IS NULL), by initiative id. */
  torOfInitiativeLoader(loaders: LoaderRegistry): DataLoader<string, TermsOfReferenceModel | null> {
    return loaders.get<string, TermsOfReferenceModel | null>('tor.torOfInitiative', async (ids) => {
      const found = await this.repository.ofInitiatives(ids.filter(isUuid));
      return byKeys(ids, found, (r) => r.initiativeId);
    });
  }

  torOfGroupLoader(loaders: LoaderRegistry): DataLoader<string, TermsOfReferenceModel | null> {
    return loaders.get<string, TermsOfReferenceModel | null>('tor.torOfGroup', async (ids) => {
      const found = await this.repository.ofGroups(ids.filter(isUuid));
      return byKeys(ids, found, (r) => r.workingGroupId as string);
    });
  }

  versionLoader(loaders: LoaderRegistry): DataLoader<string, TermsOfReferenceVersionModel | null> {
    return loaders.get<string, TermsOfReferenceVersionModel | null>('tor.version', async (ids) => {
      const found = await this.repository.versionsByIds(ids.filter(isUuid));
      return byKeys(ids, found, (r) => r.id);
    });
  }

  /** Versions of each document, oldest first. */
  versionsOfTorLoader(loaders: LoaderRegistry): DataLoader<string, TermsOfReferenceVersionModel[]> {
    return loaders.get<string, TermsOfReferenceVersionModel[]>('tor.versionsOfTor', async (ids) => {
      const found = await this.repository.versionsOfTors(ids.filter(isUuid));
      const versions = this.versionLoader(loaders);
      for (const row of found) versions.prime(row.id, row);
      return groupedByKeys(ids, found, (r) => r.torId);
    });
  }

  /** The newest version each document's persisted ballots approved (version id), if any. */
  approvedVersionIdLoader(loaders: LoaderRegistry): DataLoader<string, { versionId: string; number: number } | null> {
    return loaders.get<string, { versionId: string; number: number } | null>('tor.approvedVersionId', async (ids) => {
      const found = await this.repository.approvedVersions(ids.filter(isUuid));
      return byKeys(ids, found, (r) => r.torId);
    });
  }
}
