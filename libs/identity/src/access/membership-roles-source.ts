import type { Queryable } from '@app/platform';
import type { Scope } from './access-policy.service';
import type { GroupRole, InitiativeRole } from './roles';

/** A person's role in an initiative and in one of its groups (null where none). */
export interface MembershipRoleRow {
  initiativeRole: InitiativeRole | null;
  groupRole: GroupRole | null;
}

/**
 * Where the access policy reads the roles it decides from. Memberships are structure's, and
 * structure depends on identity (it authorises through the policy), so identity declares what it
 * needs and structure provides it under MEMBERSHIP_ROLES_SOURCE (from a global module, since
 * identity cannot import the module that provides it).
 */
export interface MembershipRolesSource {
  /** The tables whose committed changes make remembered roles stale. */
  readonly tables: readonly string[];
  /** The person's role in the initiative and in the group of the scope (one statement). */
  roles(personId: string, scope: Scope, db?: Queryable): Promise<MembershipRoleRow>;
  /** roles(), locked FOR SHARE until the transaction `m` ends. */
  lockedRoles(personId: string, scope: Scope, m: Queryable): Promise<MembershipRoleRow>;
  /** Every role the person holds in any initiative. */
  initiativeRoles(personId: string, db?: Queryable): Promise<InitiativeRole[]>;
}

/** The injection token of the MembershipRolesSource. */
export const MEMBERSHIP_ROLES_SOURCE = Symbol('MembershipRolesSource');
