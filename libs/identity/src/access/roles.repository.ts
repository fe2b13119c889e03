import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { one, type Queryable, rows } from '@app/platform';
import type { Scope } from './access-policy.service';
import type { GroupRole, InitiativeRole } from './roles';

type RoleRow = { initiativeRole: InitiativeRole | null; groupRole: GroupRole | null };

/**
 * The roles the access policy decides from, read from structure's membership tables: the policy
 * is the one place that may read them outside structure, since structure itself depends on it.
 */
@Injectable()
export class RolesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The person's role in the initiative and in the group of the scope (one row, nulls where none). */
  async roles(personId: string, scope: Scope, db: Queryable = this.dataSource): Promise<RoleRow> {
    return (await one<RoleRow>(
      db,
      `SELECT im.role AS "initiativeRole", gm.role AS "groupRole"
         FROM (SELECT 1) one
         LEFT JOIN initiative_member im ON im.initiative_id = $1 AND im.person_id = $3
         LEFT JOIN group_member gm ON gm.working_group_id = $2 AND gm.initiative_id = $1 AND gm.person_id = $3`,
      [scope.initiativeId, scope.groupId ?? null, personId],
    ))!;
  }

  /** roles(), locked FOR SHARE until the transaction `m` ends. */
  async lockedRoles(personId: string, scope: Scope, m: Queryable): Promise<RoleRow> {
    return (await one<RoleRow>(
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
}
