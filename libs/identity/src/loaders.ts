import type DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { byKeys, isUuid, type LoaderRegistry } from '@app/platform';
import { ORGANIZATION_COLUMNS, type OrganizationModel } from './organizations/organization.model';
import { PERSON_COLUMNS, type PersonModel } from './people/person.model';

/**
 * Per-request loader of people by id (one statement per batch). Use it from any domain to
 * resolve a `Person` field: `personLoader(ctx.loaders, dataSource).load(row.ownerId)`.
 * Unknown or malformed ids load as null.
 */
export function personLoader(loaders: LoaderRegistry, dataSource: DataSource): DataLoader<string, PersonModel | null> {
  return loaders.get<string, PersonModel | null>('identity.person', async (ids) => {
    const valid = ids.filter(isUuid);
    const rows: PersonModel[] = valid.length
      ? await dataSource.query(`SELECT ${PERSON_COLUMNS} FROM person WHERE id = ANY($1::uuid[])`, [valid])
      : [];
    return byKeys(ids, rows, (r) => r.id);
  });
}

/** Per-request loader of organisations by id; unknown ids load as null. */
export function organizationLoader(
  loaders: LoaderRegistry,
  dataSource: DataSource,
): DataLoader<string, OrganizationModel | null> {
  return loaders.get<string, OrganizationModel | null>('identity.organization', async (ids) => {
    const valid = ids.filter(isUuid);
    const rows: OrganizationModel[] = valid.length
      ? await dataSource.query(`SELECT ${ORGANIZATION_COLUMNS} FROM organization WHERE id = ANY($1::uuid[])`, [valid])
      : [];
    return byKeys(ids, rows, (r) => r.id);
  });
}
