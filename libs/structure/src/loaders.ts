import type DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import {
  byKeys,
  type ConnectionShape,
  groupedByKeys,
  isUuid,
  type LoaderRegistry,
  type PageRequest,
  toConnection,
} from '@app/platform';
import { INITIATIVE_COLUMNS, type InitiativeModel } from './initiatives/initiative.model';
import type { GroupMemberModel, InitiativeMemberModel } from './memberships/membership.models';
import { WORKING_GROUP_COLUMNS, type WorkingGroupModel } from './working-groups/working-group.model';

/** Per-request loader of initiatives by id (unknown or malformed ids load as null). */
export function initiativeLoader(loaders: LoaderRegistry, dataSource: DataSource): DataLoader<string, InitiativeModel | null> {
  return loaders.get<string, InitiativeModel | null>('structure.initiative', async (ids) => {
    const valid = ids.filter(isUuid);
    const rows: InitiativeModel[] = valid.length
      ? await dataSource.query(`SELECT ${INITIATIVE_COLUMNS} FROM initiative WHERE id = ANY($1::uuid[])`, [valid])
      : [];
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
    const rows: WorkingGroupModel[] = valid.length
      ? await dataSource.query(`SELECT ${WORKING_GROUP_COLUMNS} FROM working_group WHERE id = ANY($1::uuid[])`, [valid])
      : [];
    return byKeys(ids, rows, (r) => r.id);
  });
}

/** Per-request loader of an initiative's working groups, ordered by code. */
export function groupsOfInitiativeLoader(
  loaders: LoaderRegistry,
  dataSource: DataSource,
): DataLoader<string, WorkingGroupModel[]> {
  return loaders.get<string, WorkingGroupModel[]>('structure.groupsOfInitiative', async (ids) => {
    const rows: WorkingGroupModel[] = await dataSource.query(
      `SELECT ${WORKING_GROUP_COLUMNS} FROM working_group WHERE initiative_id = ANY($1::uuid[]) ORDER BY code`,
      [ids.filter(isUuid)],
    );
    const loader = workingGroupLoader(loaders, dataSource);
    for (const row of rows) loader.prime(row.id, row);
    return groupedByKeys(ids, rows, (r) => r.initiativeId);
  });
}

/** Per-request loader of a group's CHAIR and VICE_CHAIR person ids, chairs first. */
export function chairIdsLoader(loaders: LoaderRegistry, dataSource: DataSource): DataLoader<string, string[]> {
  return loaders.get<string, string[]>('structure.chairIds', async (ids) => {
    const rows: { workingGroupId: string; personId: string }[] = await dataSource.query(
      `SELECT working_group_id AS "workingGroupId", person_id AS "personId" FROM group_member
        WHERE working_group_id = ANY($1::uuid[]) AND role IN ('CHAIR', 'VICE_CHAIR')
        ORDER BY working_group_id, (role = 'CHAIR') DESC, since, person_id`,
      [ids.filter(isUuid)],
    );
    return groupedByKeys(ids, rows, (r) => r.workingGroupId).map((list) => list.map((r) => r.personId));
  });
}

type MemberRow = { ownerId: string; personId: string; role: string; since: Date; sinceKey: string };

/**
 * Pages of memberships (initiative_member or group_member) for many owners in two statements:
 * the counts, and the first `limit + 1` rows after the cursor per owner (ordered by since, person id).
 */
async function memberPages(
  dataSource: DataSource,
  table: 'initiative_member' | 'group_member',
  ownerColumn: 'initiative_id' | 'working_group_id',
  ownerIds: readonly string[],
  role: string | null,
  page: PageRequest,
): Promise<ConnectionShape<MemberRow>[]> {
  const ids = ownerIds.filter(isUuid);
  const [afterSince, afterPerson] = (page.after ?? [null, null]) as [string | null, string | null];
  const counts: { ownerId: string; total: number }[] = await dataSource.query(
    `SELECT ${ownerColumn} AS "ownerId", count(*)::int AS total FROM ${table}
      WHERE ${ownerColumn} = ANY($1::uuid[]) AND ($2::text IS NULL OR role = $2) GROUP BY ${ownerColumn}`,
    [ids, role],
  );
  const rows: MemberRow[] =
    page.limit === 0
      ? []
      : await dataSource.query(
          `SELECT "ownerId", "personId", role, since, "sinceKey" FROM (
             SELECT ${ownerColumn} AS "ownerId", person_id AS "personId", role, since,
                    to_char(since AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "sinceKey",
                    row_number() OVER (PARTITION BY ${ownerColumn} ORDER BY since, person_id) AS n
               FROM ${table}
              WHERE ${ownerColumn} = ANY($1::uuid[]) AND ($2::text IS NULL OR role = $2)
                AND ($3::timestamptz IS NULL OR (since, person_id) > ($3::timestamptz, $4::uuid))) x
            WHERE n <= $5 ORDER BY "ownerId", since, "personId"`,
          [ids, role, afterSince, isUuid(afterPerson) ? afterPerson : null, page.limit + 1],
        );
  const totals = new Map(counts.map((c) => [c.ownerId, c.total]));
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
      (await memberPages(dataSource, 'initiative_member', 'initiative_id', ids, role, page)).map((c) => ({
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
    (await memberPages(dataSource, 'group_member', 'working_group_id', ids, role, page)).map((c) => ({
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
