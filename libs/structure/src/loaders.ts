import type DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { loadPeopleWithOrganizations, type PersonModel } from '@app/identity';
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
 * Per-request loader of the chairs of groups, by person id (a group's `chairIds` come with its row).
 * Its own loader, used by `chairs` alone, so the chairs of the groups resolved in one tick cost
 * exactly one statement (identity's people with their organisations, which primes those loaders),
 * whatever other fields load people at the same time.
 */
export function chairLoader(loaders: LoaderRegistry, dataSource: DataSource): DataLoader<string, PersonModel | null> {
  return loaders.get<string, PersonModel | null>('structure.chair', async (ids) =>
    byKeys(ids, await loadPeopleWithOrganizations(loaders, dataSource, ids), (p) => p.id),
  );
}

/**
 * Pages of memberships for many owners in one statement, then their people (with organisations)
 * from identity in one more, which primes the person loader (`node { person { name } }`). Both run
 * in this batch, so a page costs exactly two statements.
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
  const rows: MemberRow[] = [];
  for (const { countOwner: _owner, total: _total, ...row } of result) {
    if (!row.personId) continue;
    rows.push({ ...row, since: new Date(row.since as Date) } as MemberRow);
  }
  await loadPeopleWithOrganizations(
    loaders,
    dataSource,
    rows.map((r) => r.personId),
  );
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
