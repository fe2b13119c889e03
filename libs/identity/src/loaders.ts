import type DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { byKeys, isUuid, type LoaderRegistry } from '@app/platform';
import type { OrganizationModel } from './organizations/organization.model';
import { OrganizationsRepository } from './organizations/organizations.repository';
import { PeopleRepository } from './people/people.repository';
import type { PersonModel } from './people/person.model';

/**
 * Per-request loader of people by id (one statement per batch). Use it from any domain to
 * resolve a `Person` field: `personLoader(ctx.loaders, dataSource).load(row.ownerId)`.
 * Unknown or malformed ids load as null.
 */
export function personLoader(loaders: LoaderRegistry, dataSource: DataSource): DataLoader<string, PersonModel | null> {
  return loaders.get<string, PersonModel | null>('identity.person', async (ids) => {
    const valid = ids.filter(isUuid);
    const rows = valid.length ? await new PeopleRepository(dataSource).byIds(valid) : [];
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
    const rows = valid.length ? await new OrganizationsRepository(dataSource).byIds(valid) : [];
    return byKeys(ids, rows, (r) => r.id);
  });
}

/**
 * Reads the people among `ids` with their organisations in one statement (always exactly one,
 * whatever is cached, so a caller's statement count does not depend on batch timing) and primes
 * the person and organisation loaders with them. Returns the people that exist, in the order of `ids`.
 */
export async function loadPeopleWithOrganizations(
  loaders: LoaderRegistry,
  dataSource: DataSource,
  ids: readonly string[],
): Promise<PersonModel[]> {
  const valid = [...new Set(ids.filter(isUuid))];
  if (!valid.length) return [];
  const found = await new PeopleRepository(dataSource).withOrganizations(valid);
  const people = personLoader(loaders, dataSource);
  const organizations = organizationLoader(loaders, dataSource);
  for (const { person, organization } of found) {
    people.prime(person.id, person);
    if (organization) organizations.prime(organization.id, organization);
  }
  const byId = new Map(found.map((r) => [r.person.id, r.person]));
  return ids.map((id) => byId.get(id)).filter((p): p is PersonModel => !!p);
}
