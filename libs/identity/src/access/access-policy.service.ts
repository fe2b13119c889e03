import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  AudienceRoles,
  type Caller,
  ChangeAwareCache,
  DataChanges,
  ForbiddenError,
  NotFoundError,
  noteRoles,
  policyIdentity,
  UnauthenticatedError,
} from '@app/platform';
import { type Action, allows } from './actions';
import type { Roles } from './roles';
import { MEMBERSHIP_ROLES_SOURCE, type MembershipRolesSource } from './membership-roles-source';

/** Where an action happens: an initiative, and the working group when it concerns one. */
export interface Scope {
  initiativeId: string;
  groupId?: string | null;
}

/** What a checked resource is called in a NOT_FOUND message (e.g. "Working group"). */
export interface ResourceRef {
  kind: string;
  id: string;
}

/** Roles do not move with the clock; the TTL is only a backstop. */
const ROLES_TTL_MS = 60_000;
const ROLES_KEPT = 50_000;

/**
 * The one access policy: "may this caller do this action here?". It reads the caller's
 * roles from the MembershipRolesSource (one statement) and answers from ACTION_RULES. A caller outside
 * the initiative gets NOT_FOUND for its resources, so their existence does not leak.
 * Roles are remembered across requests until a membership changes anywhere (ChangeAwareCache,
 * told by PostgreSQL's change notices): a revoked role stops working on the next request.
 */
@Injectable()
export class AccessPolicy implements AudienceRoles {
  private readonly roles = new ChangeAwareCache<Roles>(ROLES_TTL_MS, ROLES_KEPT);

  constructor(
    @Inject(MEMBERSHIP_ROLES_SOURCE) private readonly repository: MembershipRolesSource,
    changes: DataChanges,
  ) {
    // A committed change to a table roles are read from forgets every remembered role.
    const roleTables = new Set(repository.tables);
    changes.subscribe({
      changed: (table) => roleTables.has(table) && this.roles.invalidate(),
      setLive: (live) => this.roles.setLive(live),
    });
  }

  /** The caller, or UNAUTHENTICATED. */
  requireCaller(caller: Caller | null): Caller {
    if (!caller) throw new UnauthenticatedError();
    return caller;
  }

  /** The person's roles in the initiative and (optionally) one of its groups. */
  async rolesOf(personId: string, scope: Scope): Promise<Roles> {
    const key = `${personId} ${scope.initiativeId} ${scope.groupId ?? ''}`;
    const known = this.roles.get(key);
    if (known) return known;
    const startedIn = this.roles.begin();
    const roles = rolesFrom(await this.repository.roles(personId, scope));
    this.roles.set(key, roles, startedIn);
    return roles;
  }

  /**
   * Checks that the caller may do `action` in `scope`; returns their roles.
   * UNAUTHENTICATED without a caller; NOT_FOUND (naming `resource`) when the caller is not a
   * member of the initiative; FORBIDDEN when the role does not allow it.
   */
  async authorize(caller: Caller | null, action: Action, scope: Scope, resource: ResourceRef): Promise<Roles> {
    const known = this.requireCaller(caller);
    const roles = await this.rolesOf(policyIdentity(known), scope);
    // The answer depends on these roles, not on who the caller is: the response cache may give
    // it to anyone with the same roles here (libs/platform/src/graphql/response-cache/audience.ts).
    noteRoles(known, scopeKey(scope), rolesKey(roles));
    return decide(action, roles, resource);
  }

  /** AudienceRoles: the person's roles key in a scope key written by authorize(). */
  async rolesKey(personId: string, key: string): Promise<string> {
    const [initiativeId, groupId] = key.split(' ');
    return rolesKey(await this.rolesOf(personId, { initiativeId, groupId: groupId || null }));
  }

  /**
   * authorize() from the caller's roles as they are now, read in the transaction `m` and locked
   * (FOR SHARE) until it ends: for changes that must not race a change of the caller's own
   * roles (a CHAIR demoted while changing a member's role). Never from memory.
   */
  async authorizeInTransaction(
    m: EntityManager,
    caller: Caller | null,
    action: Action,
    scope: Scope,
    resource: ResourceRef,
  ): Promise<Roles> {
    const { personId } = this.requireCaller(caller);
    return decide(action, rolesFrom(await this.repository.lockedRoles(personId, scope, m)), resource);
  }

  /**
   * Forgets every remembered role at once, for a change of memberships committed by this
   * process: its next request must not wait for the change notice to see it.
   */
  forgetRoles(): void {
    this.roles.invalidate();
  }

  /**
   * Checks that the caller holds, in at least one initiative, a role that allows `action`
   * (e.g. organization.create: SECRETARIAT of any initiative). FORBIDDEN otherwise.
   */
  async authorizeAnywhere(caller: Caller | null, action: Action): Promise<void> {
    const { personId } = this.requireCaller(caller);
    const held = await this.repository.initiativeRoles(personId);
    if (!held.some((role) => allows(action, { initiative: role, group: null }))) {
      throw new ForbiddenError(`Your role does not allow ${describe(action)}`);
    }
  }
}

const scopeKey = (scope: Scope) => `${scope.initiativeId} ${scope.groupId ?? ''}`;
const rolesKey = (roles: Roles) => `${roles.initiative ?? '-'} ${roles.group ?? '-'}`;

/** A group role counts only for a member of the initiative. */
const rolesFrom = (row: { initiativeRole: Roles['initiative']; groupRole: Roles['group'] }): Roles => ({
  initiative: row.initiativeRole,
  group: row.initiativeRole ? row.groupRole : null,
});

/** The answer of the policy for these roles: NOT_FOUND outside the initiative, FORBIDDEN when not allowed. */
function decide(action: Action, roles: Roles, resource: ResourceRef): Roles {
  if (!roles.initiative) throw new NotFoundError(resource.kind, resource.id);
  if (!allows(action, roles)) throw new ForbiddenError(`Your role does not allow ${describe(action)}`);
  return roles;
}

function describe(action: Action): string {
  return `this (${action})`;
}
