import type DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { organizationLoader, personLoader } from '@app/identity';
import {
  byKeys,
  type ConnectionShape,
  groupedByKeys,
  isUuid,
  type LoaderRegistry,
  type PageRequest,
  toConnection,
} from '@app/platform';
import type { InitiativeModel } from './initiatives/initiative.model';
import { InitiativesRepository } from './initiatives/initiatives.repository';
import type { GroupMemberModel, InitiativeMemberModel } from './memberships/membership.models';
import { GROUP_MEMBERS, INITIATIVE_MEMBERS, type MemberRow, MembershipsRepository } from './memberships/memberships.repository';
import type { WorkingGroupModel } from './working-groups/working-group.model';
import { WorkingGroupsRepository } from './working-groups/working-groups.repository';

/** Per-request loader of initiatives by id (unknown or malformed ids load as null). */
export function initiativeLoader(loaders: LoaderRegistry, dataSource: DataSource): DataLoader<string, InitiativeModel | null> {
  return loaders.get<string, InitiativeModel | null>('structure.initiative', async (ids) => {
    const valid = ids.filter(isUuid);
    const rows = valid.length ? await new InitiativesRepository(dataSource).byIds(valid) : [];
    return byKeys(ids, rows, (r) => r.id);
  });
}

/** Per-request loader of working groups by id (unknown or malformed ids load as null). */
export function workingGroupLoader(
  loaders: LoaderRegistry,
  dataSource: DataSource,
): DataLoader<string, WorkingGroupModel | null> {
  return loaders.get<string, WorkingGroupModel | null>('structure.workingGroup', async (ids) => {
    const valid = ids.filter(isUuid);
    const rows = valid.length ? await new WorkingGroupsRepository(dataSource).byIds(valid) : [];
    return byKeys(ids, rows, (r) => r.id);
  });
}

/** Per-request loader of an initiative's working groups, ordered by code. */
export function groupsOfInitiativeLoader(
  loaders: LoaderRegistry,
  dataSource: DataSource,
): DataLoader<string, WorkingGroupModel[]> {
  return loaders.get<string, WorkingGroupModel[]>('structure.groupsOfInitiative', async (ids) => {
    const rows = await new WorkingGroupsRepository(dataSource).ofInitiatives(ids.filter(isUuid));
    const loader = workingGroupLoader(loaders, dataSource);
    for (const row of rows) loader.prime(row.id, row);
    return groupedByKeys(ids, rows, (r) => r.initiativeId);
  });
}

/**
 * Per-request loader of a group's CHAIR and VICE_CHAIR person ids, chairs first. The same
 * statement reads the people and their organisations and primes those loaders, so `chairs {
 * name organization { name } }` costs one statement.
 */
export function chairIdsLoader(loaders: LoaderRegistry, dataSource: DataSource): DataLoader<string, string[]> {
  return loaders.get<string, string[]>('structure.chairIds', async (ids) => {
    const rows = await new MembershipsRepository(dataSource).chairs(ids.filter(isUuid));
    const people = personLoader(loaders, dataSource);
    const organizations = organizationLoader(loaders, dataSource);
    for (const row of rows) {
      people.prime(row.personId, row.person);
      if (row.organization) organizations.prime(row.organization.id, row.organization);
    }
    return groupedByKeys(ids, rows, (r) => r.workingGroupId).map((list) => list.map((r) => r.personId));
  });
}

/**
 * Pages of memberships for many owners in one statement; the people read with them prime the
 * person loader (`node { person { name } }`).
 */
async function memberPages(
  loaders: LoaderRegistry,
  dataSource: DataSource,
  memberships: typeof INITIATIVE_MEMBERS | typeof GROUP_MEMBERS,
  ownerIds: readonly string[],
  role: string | null,
  page: PageRequest,
): Promise<ConnectionShape<MemberRow>[]> {
  const result = await new MembershipsRepository(dataSource).memberPages(memberships, ownerIds, role, page);
  const totals = new Map(result.map((c) => [c.countOwner, c.total]));
  const people = personLoader(loaders, dataSource);
  const rows: MemberRow[] = [];
  for (const { countOwner: _owner, total: _total, person, ...row } of result) {
    if (!row.personId) continue;
    if (person) people.prime(row.personId, person);
    rows.push({ ...row, since: new Date(row.since as Date) } as MemberRow);
  }
  return groupedByKeys(ownerIds, rows, (r) => r.ownerId).map((list, i) =>
    toConnection(list, page, (r) => [r.sinceKey, r.personId], totals.get(ownerIds[i]) ?? 0),
  );
}
const pageKey = (role: string | null, page: PageRequest) => `${role ?? '*'}:${page.limit}:${JSON.stringify(page.after)}`;

/** Per-request loader of an initiative's members page (one loader per role/page arguments). */
export function initiativeMembersLoader(
  loaders: LoaderRegistry,
  dataSource: DataSource,
  role: string | null,
  page: PageRequest,
): DataLoader<string, ConnectionShape<InitiativeMemberModel>> {
  return loaders.get<string, ConnectionShape<InitiativeMemberModel>>(
    `structure.initiativeMembers:${pageKey(role, page)}`,
    async (ids) =>
      (await memberPages(loaders, dataSource, INITIATIVE_MEMBERS, ids, role, page)).map((c) => ({
        ...c,
        edges: c.edges.map((e) => ({
          cursor: e.cursor,
          node: {
            initiativeId: e.node.ownerId,
            personId: e.node.personId,
            role: e.node.role,
            since: e.node.since,
          } as InitiativeMemberModel,
        })),
      })),
  );
}

/** Per-request loader of a working group's members page (one loader per role/page arguments). */
export function groupMembersLoader(
  loaders: LoaderRegistry,
  dataSource: DataSource,
  role: string | null,
  page: PageRequest,
): DataLoader<string, ConnectionShape<GroupMemberModel>> {
  return loaders.get<string, ConnectionShape<GroupMemberModel>>(`structure.groupMembers:${pageKey(role, page)}`, async (ids) =>
    (await memberPages(loaders, dataSource, GROUP_MEMBERS, ids, role, page)).map((c) => ({
      ...c,
      edges: c.edges.map((e) => ({
        cursor: e.cursor,
        node: {
          workingGroupId: e.node.ownerId,
          personId: e.node.personId,
          role: e.node.role,
          since: e.node.since,
        } as GroupMemberModel,
      })),
    })),
  );
}
