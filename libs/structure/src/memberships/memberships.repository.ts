import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  type GroupRole,
  type InitiativeRole,
  type MembershipRoleRow,
  type MembershipRolesSource,
  type Scope,
} from '@app/identity';
import { isUuid, one, type PageRequest, type Queryable, rows, updated } from '@app/platform';

/** A membership of a page, keyed by its owner (initiative or group). */
export interface MemberRow {
  ownerId: string;
  personId: string;
  role: string;
  since: Date;
  sinceKey: string;
}

/** A row of memberPages(): an owner's count, and one member of its page (none when the page is empty). */
export type MemberPageRow = Partial<MemberRow> & { countOwner: string; total: number };

/** The two membership tables, and the column naming their owner. */
export const INITIATIVE_MEMBERS = { table: 'initiative_member', owner: 'initiative_id' } as const;
export const GROUP_MEMBERS = { table: 'group_member', owner: 'working_group_id' } as const;
type Memberships = typeof INITIATIVE_MEMBERS | typeof GROUP_MEMBERS;

/**
 * initiative_member and group_member: one role per person and initiative, and per person and
 * working group (the person must belong to the group's initiative). The row locks here are what
 * keep an initiative's last SECRETARIAT and a group's chairs safe from concurrent changes.
 */
@Injectable()
export class MembershipsRepository implements MembershipRolesSource {
  readonly tables = [INITIATIVE_MEMBERS.table, GROUP_MEMBERS.table];

  constructor(private readonly dataSource: DataSource) {}

  /** The person's role in the initiative and in the group of the scope (one row, nulls where none). */
  async roles(personId: string, scope: Scope, db: Queryable = this.dataSource): Promise<MembershipRoleRow> {
    return (await one<MembershipRoleRow>(
      db,
      `SELECT im.role AS "initiativeRole", gm.role AS "groupRole"
         FROM (SELECT 1) one
         LEFT JOIN initiative_member im ON im.initiative_id = $1 AND im.person_id = $3
         LEFT JOIN group_member gm ON gm.working_group_id = $2 AND gm.initiative_id = $1 AND gm.person_id = $3`,
      [scope.initiativeId, scope.groupId ?? null, personId],
    ))!;
  }

  /** roles(), locked FOR SHARE until the transaction `m` ends. */
  async lockedRoles(personId: string, scope: Scope, m: Queryable): Promise<MembershipRoleRow> {
    return (await one<MembershipRoleRow>(
      m,
      `SELECT (SELECT role FROM initiative_member WHERE initiative_id = $1 AND person_id = $3 FOR SHARE) AS "initiativeRole",
              (SELECT role FROM group_member WHERE working_group_id = $2 AND initiative_id = $1 AND person_id = $3 FOR SHARE) AS "groupRole"`,
      [scope.initiativeId, scope.groupId ?? null, personId],
    ))!;
  }

  /** Every role the person holds in any initiative. */
  async initiativeRoles(personId: string, db: Queryable = this.dataSource): Promise<InitiativeRole[]> {
    const found = await rows<{ role: InitiativeRole }>(db, `SELECT DISTINCT role FROM initiative_member WHERE person_id = $1`, [
      personId,
    ]);
    return found.map((r) => r.role);
  }

  /** Adds the person to the initiative; false when they already belong to it. */
  async joinInitiative(initiativeId: string, personId: string, role: InitiativeRole, m: Queryable): Promise<boolean> {
    const joined = await rows(
      m,
      `INSERT INTO initiative_member (initiative_id, person_id, role) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING person_id`,
      [initiativeId, personId, role],
    );
    return joined.length > 0;
  }

  /** The person's membership of the initiative, locked FOR UPDATE; null when they do not belong to it. */
  lockInitiativeRole(
    initiativeId: string,
    personId: string,
    m: Queryable,
  ): Promise<{ role: InitiativeRole; since: Date } | null> {
    return one(m, `SELECT role, since FROM initiative_member WHERE initiative_id = $1 AND person_id = $2 FOR UPDATE`, [
      initiativeId,
      personId,
    ]);
  }

  /** Replaces the person's role in the initiative; returns the new `since`. */
  async setInitiativeRole(initiativeId: string, personId: string, role: InitiativeRole, m: Queryable): Promise<Date> {
    const [row] = await updated<{ since: Date }>(
      m,
      `UPDATE initiative_member SET role = $3, since = now() WHERE initiative_id = $1 AND person_id = $2 RETURNING since`,
      [initiativeId, personId, role],
    );
    return row.since;
  }

  /** Removes the person from the initiative and, by the foreign key, from its groups. */
  async leaveInitiative(initiativeId: string, personId: string, m: Queryable): Promise<void> {
    await updated(m, `DELETE FROM initiative_member WHERE initiative_id = $1 AND person_id = $2`, [initiativeId, personId]);
  }

  /** The initiative's SECRETARIAT members, locked FOR UPDATE. */
  async lockSecretariat(initiativeId: string, m: Queryable): Promise<string[]> {
    const found = await rows<{ personId: string }>(
      m,
      `SELECT person_id AS "personId" FROM initiative_member WHERE initiative_id = $1 AND role = 'SECRETARIAT' FOR UPDATE`,
      [initiativeId],
    );
    return found.map((r) => r.personId);
  }

  /**
   * The person's membership of the initiative, locked FOR NO KEY UPDATE (their group roles may
   * still reference it); null when they do not belong to it.
   */
  lockInitiativeMember(initiativeId: string, personId: string, m: Queryable): Promise<{ role: InitiativeRole } | null> {
    return one(m, `SELECT role FROM initiative_member WHERE initiative_id = $1 AND person_id = $2 FOR NO KEY UPDATE`, [
      initiativeId,
      personId,
    ]);
  }

  /** The group's initiative and the person's current role in it; null for an unknown group. */
  groupAndRole(
    workingGroupId: string,
    personId: string | null,
    db: Queryable = this.dataSource,
  ): Promise<{ initiativeId: string; current: GroupRole | null } | null> {
    return one(
      db,
      `SELECT wg.initiative_id AS "initiativeId", gm.role AS current
         FROM working_group wg LEFT JOIN group_member gm ON gm.working_group_id = wg.id AND gm.person_id = $2
        WHERE wg.id = $1`,
      [workingGroupId, personId],
    );
  }

  /** The person's role in the group, locked FOR UPDATE; null when they are not in it. */
  async lockGroupRole(workingGroupId: string, personId: string, m: Queryable): Promise<GroupRole | null> {
    const row = await one<{ role: GroupRole }>(
      m,
      `SELECT role FROM group_member WHERE working_group_id = $1 AND person_id = $2 FOR UPDATE`,
      [workingGroupId, personId],
    );
    return row?.role ?? null;
  }

  /** Sets the person's role in the group (a new `since` only when the role changes); returns `since`. */
  async setGroupRole(
    workingGroupId: string,
    initiativeId: string,
    personId: string,
    role: GroupRole,
    m: Queryable,
  ): Promise<Date> {
    const row = await one<{ since: Date }>(
      m,
      `INSERT INTO group_member (working_group_id, initiative_id, person_id, role) VALUES ($1, $2, $3, $4)
       ON CONFLICT (working_group_id, person_id) DO UPDATE SET role = EXCLUDED.role,
         since = CASE WHEN group_member.role = EXCLUDED.role THEN group_member.since ELSE now() END
       RETURNING since`,
      [workingGroupId, initiativeId, personId, role],
    );
    return row!.since;
  }

  async leaveGroup(workingGroupId: string, personId: string, m: Queryable): Promise<void> {
    await updated(m, `DELETE FROM group_member WHERE working_group_id = $1 AND person_id = $2`, [workingGroupId, personId]);
  }

  /** The person ids of the group's CHAIR, VICE_CHAIR and MEMBERs. */
  async groupElectors(workingGroupId: string, db: Queryable = this.dataSource): Promise<string[]> {
    const found = await rows<{ personId: string }>(
      db,
      `SELECT person_id AS "personId" FROM group_member WHERE working_group_id = $1 AND role IN ('CHAIR', 'VICE_CHAIR', 'MEMBER')`,
      [workingGroupId],
    );
    return found.map((r) => r.personId);
  }

  /** The person ids of the initiative's MEMBERs. */
  async initiativeElectors(initiativeId: string, db: Queryable = this.dataSource): Promise<string[]> {
    const found = await rows<{ personId: string }>(
      db,
      `SELECT person_id AS "personId" FROM initiative_member WHERE initiative_id = $1 AND role = 'MEMBER'`,
      [initiativeId],
    );
    return found.map((r) => r.personId);
  }

  /** Whether the person is a member of the group in a role other than OBSERVER. */
  async isGroupContributor(workingGroupId: string, personId: string, db: Queryable = this.dataSource): Promise<boolean> {
    const found = await rows(
      db,
      `SELECT 1 FROM group_member WHERE working_group_id = $1 AND person_id = $2 AND role <> 'OBSERVER'`,
      [workingGroupId, personId],
    );
    return found.length > 0;
  }

  /** The CHAIR and VICE_CHAIR person ids of each of the groups that has any (by role, then person). */
  chairIdsOf(
    workingGroupIds: readonly string[],
    db: Queryable = this.dataSource,
  ): Promise<{ groupId: string; chairIds: string[] }[]> {
    return rows(
      db,
      `SELECT working_group_id AS "groupId", array_agg(person_id ORDER BY role, person_id) AS "chairIds"
         FROM group_member WHERE working_group_id = ANY($1::uuid[]) AND role IN ('CHAIR', 'VICE_CHAIR')
        GROUP BY working_group_id`,
      [workingGroupIds],
    );
  }

  /** The SECRETARIAT person ids of an initiative, in id order. */
  async secretariatIdsOf(initiativeId: string, db: Queryable = this.dataSource): Promise<string[]> {
    const found = await rows<{ personId: string }>(
      db,
      `SELECT person_id AS "personId" FROM initiative_member WHERE initiative_id = $1 AND role = 'SECRETARIAT' ORDER BY person_id`,
      [initiativeId],
    );
    return found.map((r) => r.personId);
  }

  /** The (group, person) pairs, among these, that are memberships in a role other than OBSERVER. */
  contributorPairs(
    pairs: readonly { groupId: string; personId: string }[],
    db: Queryable = this.dataSource,
  ): Promise<{ groupId: string; personId: string }[]> {
    return rows(
      db,
      `SELECT gm.working_group_id AS "groupId", gm.person_id AS "personId"
         FROM unnest($1::uuid[], $2::uuid[]) AS q (group_id, person_id)
         JOIN group_member gm ON gm.working_group_id = q.group_id AND gm.person_id = q.person_id AND gm.role <> 'OBSERVER'`,
      [pairs.map((p) => p.groupId), pairs.map((p) => p.personId)],
    );
  }

  /** Every member (observers included) of the initiatives and of the groups: the scope's id and the person. */
  memberIdsOf(
    initiativeIds: readonly string[],
    groupIds: readonly string[],
    db: Queryable = this.dataSource,
  ): Promise<{ scopeId: string; personId: string }[]> {
    return rows(
      db,
      `SELECT initiative_id AS "scopeId", person_id AS "personId" FROM initiative_member WHERE initiative_id = ANY($1::uuid[])
       UNION ALL
       SELECT working_group_id, person_id FROM group_member WHERE working_group_id = ANY($2::uuid[])`,
      [initiativeIds, groupIds],
    );
  }

  /** The groups the person chairs (CHAIR or VICE_CHAIR). */
  async groupsChairedBy(personId: string, db: Queryable = this.dataSource): Promise<string[]> {
    const found = await rows<{ groupId: string }>(
      db,
      `SELECT working_group_id AS "groupId" FROM group_member WHERE person_id = $1 AND role IN ('CHAIR', 'VICE_CHAIR')`,
      [personId],
    );
    return found.map((r) => r.groupId);
  }

  /**
   * Pages of memberships for many owners in one statement: per owner its count, and the first
   * `limit + 1` rows after the cursor (ordered by since, person id).
   */
  memberPages(
    memberships: Memberships,
    ownerIds: readonly string[],
    role: string | null,
    page: PageRequest,
    db: Queryable = this.dataSource,
  ): Promise<MemberPageRow[]> {
    const { table, owner } = memberships;
    const [afterSince, afterPerson] = (page.after ?? [null, null]) as [string | null, string | null];
    // Per owner: its count, and its page as a LIMIT over (owner, since, person_id) indexes.
    return rows<MemberPageRow>(
      db,
      `SELECT o.id AS "countOwner", c.total, r."ownerId", r."personId", r.role, r.since, r."sinceKey"
       FROM unnest($1::uuid[]) AS o (id)
      CROSS JOIN LATERAL (
        SELECT count(*)::int AS total FROM ${table} WHERE ${owner} = o.id AND ($2::text IS NULL OR role = $2)) c
       LEFT JOIN LATERAL (
        SELECT m.${owner} AS "ownerId", m.person_id AS "personId", m.role, m.since,
               to_char(m.since AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "sinceKey"
          FROM (SELECT * FROM ${table}
                 WHERE ${owner} = o.id AND ($2::text IS NULL OR role = $2)
                   AND ($3::timestamptz IS NULL OR (since, person_id) > ($3::timestamptz, $4::uuid))
                 ORDER BY since, person_id LIMIT $5) m) r ON true
      ORDER BY o.id, r.since, r."personId"`,
      [
        ownerIds.filter(isUuid),
        role,
        afterSince,
        isUuid(afterPerson) ? afterPerson : null,
        page.limit === 0 ? 0 : page.limit + 1,
      ],
    );
  }
}
