import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  AccessPolicy,
  type Action,
  GroupRole,
  hashPassword,
  InitiativeRole,
  InvitationsService,
  PeopleService,
  type PersonModel,
} from '@app/identity';
import { type Caller, ConflictError, isUuid, NotFoundError } from '@app/platform';
import { InitiativesRepository } from '../initiatives/initiatives.repository';
import type { RegisterPersonInput } from './dto/register-person.input';
import type { SetGroupRoleInput } from './dto/set-group-role.input';
import type { GroupMemberModel, InitiativeMemberModel } from './membership.models';
import { MembershipsRepository } from './memberships.repository';

const isChairRole = (role: GroupRole | null | undefined) => role === GroupRole.CHAIR || role === GroupRole.VICE_CHAIR;

/** Who may change a group membership: chairs' seats are the secretariat's, the rest also a CHAIR's. */
export const groupAction = (newRole: GroupRole | null, currentRole: GroupRole | null): Action =>
  isChairRole(newRole) || isChairRole(currentRole) ? 'group.manageChairs' : 'group.manageMembers';

/** Registration and the roles of people in initiatives and working groups. One transaction per mutation. */
@Injectable()
export class MembershipsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly memberships: MembershipsRepository,
    private readonly initiatives: InitiativesRepository,
    private readonly people: PeopleService,
    private readonly policy: AccessPolicy,
    private readonly invitations: InvitationsService,
  ) {}

  /** The initiative scope of a client-supplied id, after checking the caller may do `action` there. */
  async authorizeInitiative(caller: Caller | null, action: Action, initiativeId: string): Promise<void> {
    this.policy.requireCaller(caller);
    if (!isUuid(initiativeId)) throw new NotFoundError('Initiative', initiativeId);
    await this.policy.authorize(caller, action, { initiativeId }, { kind: 'Initiative', id: initiativeId });
  }

  async registerPerson(caller: Caller | null, input: RegisterPersonInput): Promise<PersonModel> {
    await this.authorizeInitiative(caller, 'initiative.manageMembers', input.initiativeId);
    if (input.organizationId != null && !isUuid(input.organizationId))
      throw new NotFoundError('Organization', input.organizationId);
    const passwordHash = input.password ? await hashPassword(input.password) : null;
    const email = input.email.trim();
    const { person, token, recipient, initiativeName } = await this.dataSource.transaction(async (m) => {
      const initiative = await this.initiatives.namedZone(input.initiativeId, m);
      if (!initiative) throw new NotFoundError('Initiative', input.initiativeId);
      const {
        person: { hasPassword, ...row },
        existing,
      } = await this.people.findOrCreate(
        {
          name: input.name.trim(),
          email,
          timeZone: input.timeZone ?? initiative.timeZone,
          organizationId: input.organizationId ?? null,
          passwordHash,
        },
        m,
      );
      if (!(await this.memberships.joinInitiative(input.initiativeId, row.id, input.role, m))) {
        throw new ConflictError(`${email} is already registered in this initiative`);
      }
      // Someone already on the platform keeps their own profile and password, is invited (they
      // confirm with their account) and is told by e-mail; the SECRETARIAT gets the answer a new
      // registration with this input would give, so it learns nothing of their profile.
      const person: PersonModel = existing
        ? {
            id: row.id,
            name: input.name.trim(),
            email,
            timeZone: input.timeZone ?? initiative.timeZone,
            organizationId: input.organizationId ?? null,
          }
        : row;
      const invited = existing || !hasPassword;
      const token = invited ? await this.invitations.issue(m, row.id, input.initiativeId) : null;
      return { person, token, recipient: { ...row, hasAccount: hasPassword }, initiativeName: initiative.name };
    });
    if (token) await this.invitations.send(recipient, initiativeName, token);
    return person;
  }

  async setInitiativeRole(
    caller: Caller | null,
    initiativeId: string,
    personId: string,
    role: InitiativeRole,
  ): Promise<InitiativeMemberModel> {
    await this.authorizeInitiative(caller, 'initiative.manageMembers', initiativeId);
    if (!isUuid(personId)) throw new NotFoundError('Person', personId);
    return this.dataSource.transaction(async (m) => {
      const secretariat = await this.lockSecretariat(m, caller, initiativeId);
      const current = await this.memberships.lockInitiativeRole(initiativeId, personId, m);
      if (!current) throw new NotFoundError('Person', personId);
      if (current.role === role) return { initiativeId, personId, role, since: current.since };
      if (current.role === InitiativeRole.SECRETARIAT && secretariat.length <= 1) {
        throw new ConflictError('An initiative needs at least one SECRETARIAT: appoint another one first');
      }
      const since = await this.memberships.setInitiativeRole(initiativeId, personId, role, m);
      return { initiativeId, personId, role, since };
    });
  }

  /**
   * SECRETARIAT. Removes the person from the initiative and, by the foreign key, from its groups,
   * and withdraws their open invitations to it; CONFLICT for the last SECRETARIAT. Their next
   * request no longer sees the initiative: here at once, elsewhere once the change notice arrives.
   */
  async removeInitiativeMember(caller: Caller | null, initiativeId: string, personId: string): Promise<boolean> {
    await this.authorizeInitiative(caller, 'initiative.manageMembers', initiativeId);
    if (!isUuid(personId)) throw new NotFoundError('Person', personId);
    await this.dataSource.transaction(async (m) => {
      const secretariat = await this.lockSecretariat(m, caller, initiativeId);
      const current = await this.memberships.lockInitiativeRole(initiativeId, personId, m);
      if (!current) throw new NotFoundError('Person', personId);
      if (current.role === InitiativeRole.SECRETARIAT && secretariat.length <= 1) {
        throw new ConflictError('An initiative needs at least one SECRETARIAT: appoint another one first');
      }
      await this.memberships.leaveInitiative(initiativeId, personId, m);
      await this.invitations.withdraw(m, initiativeId, personId);
    });
    this.policy.forgetRoles();
    return true;
  }

  /**
   * Locks the initiative's SECRETARIAT rows, which serialises every change that could remove
   * its last SECRETARIAT, and checks again, under the lock, that the caller may manage members
   * (they may have been demoted or removed meanwhile). Returns the SECRETARIAT rows.
   */
  private async lockSecretariat(m: EntityManager, caller: Caller | null, initiativeId: string): Promise<string[]> {
    const secretariat = await this.memberships.lockSecretariat(initiativeId, m);
    await this.policy.authorizeInTransaction(
      m,
      caller,
      'initiative.manageMembers',
      { initiativeId },
      { kind: 'Initiative', id: initiativeId },
    );
    return secretariat;
  }

  /** The group (initiative id) of a client-supplied id, and the target's current role there. */
  private async groupAndRole(
    workingGroupId: string,
    personId: string,
  ): Promise<{ initiativeId: string; current: GroupRole | null }> {
    if (!isUuid(workingGroupId)) throw new NotFoundError('Working group', workingGroupId);
    const group = await this.memberships.groupAndRole(workingGroupId, isUuid(personId) ? personId : null);
    if (!group) throw new NotFoundError('Working group', workingGroupId);
    return group;
  }

  async setGroupRole(caller: Caller | null, input: SetGroupRoleInput): Promise<GroupMemberModel> {
    const { workingGroupId, personId, role } = input;
    this.policy.requireCaller(caller);
    const { initiativeId, current } = await this.groupAndRole(workingGroupId, personId);
    const scope = { initiativeId, groupId: workingGroupId };
    const resource = { kind: 'Working group', id: workingGroupId };
    await this.policy.authorize(caller, groupAction(role, current), scope, resource);
    if (!isUuid(personId)) throw new NotFoundError('Person', personId);
    return this.dataSource.transaction(async (m) => {
      await this.lockInitiativeMember(m, initiativeId, personId);
      // The roles as they are now, locked: the check above may have read them before a
      // concurrent change (the target made CHAIR, the caller no longer CHAIR).
      const locked = await this.memberships.lockGroupRole(workingGroupId, personId, m);
      await this.policy.authorizeInTransaction(m, caller, groupAction(role, locked), scope, resource);
      const since = await this.memberships.setGroupRole(workingGroupId, initiativeId, personId, role, m);
      return { workingGroupId, personId, role, since };
    });
  }

  async removeGroupMember(caller: Caller | null, workingGroupId: string, personId: string): Promise<boolean> {
    this.policy.requireCaller(caller);
    const { initiativeId, current } = await this.groupAndRole(workingGroupId, personId);
    const scope = { initiativeId, groupId: workingGroupId };
    const resource = { kind: 'Working group', id: workingGroupId };
    await this.policy.authorize(caller, groupAction(null, current), scope, resource);
    if (!current) throw new NotFoundError('Group member', personId);
    return this.dataSource.transaction(async (m) => {
      const locked = await this.memberships.lockGroupRole(workingGroupId, personId, m);
      if (locked !== current) throw new ConflictError('The membership changed meanwhile; reload and retry');
      await this.policy.authorizeInTransaction(m, caller, groupAction(null, locked), scope, resource);
      await this.memberships.leaveGroup(workingGroupId, personId, m);
      return true;
    });
  }

  /**
   * Locks the person's membership of the initiative (FOR NO KEY UPDATE: their group roles may
   * still reference it), which serialises every change of their group roles there.
   * NOT_FOUND for an unknown person; CONFLICT when the person does not belong to the initiative.
   */
  private async lockInitiativeMember(m: EntityManager, initiativeId: string, personId: string): Promise<void> {
    if (await this.memberships.lockInitiativeMember(initiativeId, personId, m)) return;
    if (!(await this.people.exists(personId, m))) throw new NotFoundError('Person', personId);
    throw new ConflictError('The person must belong to the initiative before joining one of its groups');
  }
}
