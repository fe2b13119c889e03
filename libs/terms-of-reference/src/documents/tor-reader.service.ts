import { Injectable } from '@nestjs/common';
import type DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { byKeys, groupedByKeys, isUuid, type LoaderRegistry } from '@app/platform';
import {
  TOR_COLUMNS,
  type TermsOfReferenceModel,
  type TermsOfReferenceVersionModel,
  VERSION_COLUMNS,
} from './terms-of-reference.model';

/** Per-request loaders of documents and versions (one statement per batch). */
@Injectable()
export class TorReader {
  constructor(private readonly dataSource: DataSource) {}

  async fetch(id: string): Promise<TermsOfReferenceModel | null> {
    if (!isUuid(id)) return null;
    const [row] = (await this.dataSource.query(`SELECT ${TOR_COLUMNS} FROM terms_of_reference WHERE id = $1`, [
      id,
    ])) as TermsOfReferenceModel[];
    return row ?? null;
  }

  async fetchVersion(id: string): Promise<TermsOfReferenceVersionModel | null> {
    const [row] = (await this.dataSource.query(`SELECT ${VERSION_COLUMNS} FROM tor_version WHERE id = $1`, [
      id,
    ])) as TermsOfReferenceVersionModel[];
    return row ?? null;
  }

  torLoader(loaders: LoaderRegistry): DataLoader<string, TermsOfReferenceModel | null> {
    return loaders.get<string, TermsOfReferenceModel | null>('tor.tor', async (ids) => {
      const valid = ids.filter(isUuid);
      const rows = valid.length
        ? ((await this.dataSource.query(`SELECT ${TOR_COLUMNS} FROM terms_of_reference WHERE id = ANY($1::uuid[])`, [
            valid,
          ])) as TermsOfReferenceModel[])
        : [];
      return byKeys(ids, rows, (r) => r.id);
    });
  }

  /** The initiative's own document (working_group_id IS NULL), by initiative id. */
  torOfInitiativeLoader(loaders: LoaderRegistry): DataLoader<string, TermsOfReferenceModel | null> {
    return loaders.get<string, TermsOfReferenceModel | null>('tor.torOfInitiative', async (ids) => {
      const rows = (await this.dataSource.query(
        `SELECT ${TOR_COLUMNS} FROM terms_of_reference WHERE initiative_id = ANY($1::uuid[]) AND working_group_id IS NULL`,
        [ids.filter(isUuid)],
      )) as TermsOfReferenceModel[];
      return byKeys(ids, rows, (r) => r.initiativeId);
    });
  }

  torOfGroupLoader(loaders: LoaderRegistry): DataLoader<string, TermsOfReferenceModel | null> {
    return loaders.get<string, TermsOfReferenceModel | null>('tor.torOfGroup', async (ids) => {
      const rows = (await this.dataSource.query(
        `SELECT ${TOR_COLUMNS} FROM terms_of_reference WHERE working_group_id = ANY($1::uuid[])`,
        [ids.filter(isUuid)],
      )) as TermsOfReferenceModel[];
      return byKeys(ids, rows, (r) => r.workingGroupId as string);
    });
  }

  versionLoader(loaders: LoaderRegistry): DataLoader<string, TermsOfReferenceVersionModel | null> {
    return loaders.get<string, TermsOfReferenceVersionModel | null>('tor.version', async (ids) => {
      const rows = (await this.dataSource.query(`SELECT ${VERSION_COLUMNS} FROM tor_version WHERE id = ANY($1::uuid[])`, [
        ids.filter(isUuid),
      ])) as TermsOfReferenceVersionModel[];
      return byKeys(ids, rows, (r) => r.id);
    });
  }

  /** Versions of each document, oldest first. */
  versionsOfTorLoader(loaders: LoaderRegistry): DataLoader<string, TermsOfReferenceVersionModel[]> {
    return loaders.get<string, TermsOfReferenceVersionModel[]>('tor.versionsOfTor', async (ids) => {
      const rows = (await this.dataSource.query(
        `SELECT ${VERSION_COLUMNS} FROM tor_version WHERE tor_id = ANY($1::uuid[]) ORDER BY tor_id, number`,
        [ids.filter(isUuid)],
      )) as TermsOfReferenceVersionModel[];
      const versions = this.versionLoader(loaders);
      for (const row of rows) versions.prime(row.id, row);
      return groupedByKeys(ids, rows, (r) => r.torId);
    });
  }

  /** The newest version each document's persisted ballots approved (version id), if any. */
  approvedVersionIdLoader(loaders: LoaderRegistry): DataLoader<string, { versionId: string; number: number } | null> {
    return loaders.get<string, { versionId: string; number: number } | null>('tor.approvedVersionId', async (ids) => {
      const rows = (await this.dataSource.query(
        `SELECT DISTINCT ON (b.tor_id) b.tor_id AS "torId", v.id AS "versionId", v.number
           FROM ballot b JOIN tor_version v ON v.id = b.version_id
          WHERE b.tor_id = ANY($1::uuid[]) AND b.state = 'CLOSED' AND b.outcome = 'APPROVED'
          ORDER BY b.tor_id, v.number DESC`,
        [ids.filter(isUuid)],
      )) as { torId: string; versionId: string; number: number }[];
      return byKeys(ids, rows, (r) => r.torId);
    });
  }
}
