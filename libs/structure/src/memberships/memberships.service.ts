import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  AccessPolicy,
  type Action,
  GroupRole,
  hashPassword,
  InitiativeRole,
  InvitationsService,
  PERSON_COLUMNS,
  type PersonModel,
} from '@app/identity';
import { type Caller, ConflictError, isUuid, NotFoundError } from '@app/platform';
import type { RegisterPersonInput } from './dto/register-person.input';
import type { SetGroupRoleInput } from './dto/set-group-role.input';
import type { GroupMemberModel, InitiativeMemberModel } from './membership.models';

const isChairRole = (role: GroupRole | null | undefined) => role === GroupRole.CHAIR || role === GroupRole.VICE_CHAIR;

/** Who may change a group membership: chairs' seats are the secretariat's, the rest also a CHAIR's. */
export const groupAction = (newRole: GroupRole | null, currentRole: GroupRole | null): Action =>
  isChairRole(newRole) || isChairRole(currentRole) ? 'group.manageChairs' : 'group.manageMembers';

/** Registration and the roles of people in initiatives and working groups. One transaction per mutation. */
@Injectable()
export class MembershipsService {
  constructor(
    private readonly dataSource: DataSource,
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
    const { person, token, initiativeName } = await this.dataSource.transaction(async (m) => {
      const [initiative] = (await m.query(`SELECT name, time_zone AS "timeZone" FROM initiative WHERE id = $1`, [
        input.initiativeId,
      ])) as {
        name: string;
        timeZone: string;
      }[];
      if (!initiative) throw new NotFoundError('Initiative', input.initiativeId);
      if (input.organizationId) {
        const found = (await m.query(`SELECT 1 FROM organization WHERE id = $1`, [input.organizationId])) as unknown[];
        if (!found.length) throw new NotFoundError('Organization', input.organizationId);
      }
      const created = (await m.query(
        `INSERT INTO person (name, email, time_zone, organization_id, password_hash) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT ((lower(email))) DO NOTHING
         RETURNING ${PERSON_COLUMNS}, password_hash IS NOT NULL AS "hasPassword"`,
        [input.name.trim(), email, input.timeZone ?? initiative.timeZone, input.organizationId ?? null, passwordHash],
      )) as (PersonModel & { hasPassword: boolean })[];
      const [row] = created.length
        ? created
        : ((await m.query(
            `SELECT ${PERSON_COLUMNS}, password_hash IS NOT NULL AS "hasPassword" FROM person WHERE lower(email) = lower($1)`,
            [email],
          )) as (PersonModel & { hasPassword: boolean })[]);
      const joined = (await m.query(
        `INSERT INTO initiative_member (initiative_id, person_id, role) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING RETURNING person_id`,
        [input.initiativeId, row.id, input.role],
      )) as unknown[];
      if (!joined.length) throw new ConflictError(`${email} is already registered in this initiative`);
      const token = row.hasPassword ? null : await this.invitations.issue(m, row.id, input.initiativeId);
      const { hasPassword: _has, ...person } = row;
      return { person, token, initiativeName: initiative.name };
    });
    if (token) await this.invitations.send(person, initiativeName, token);
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
      // Serialises every change that could remove the last SECRETARIAT of this initiative.
      const secretariat = (await m.query(
        `SELECT person_id FROM initiative_member WHERE initiative_id = $1 AND role = 'SECRETARIAT' FOR UPDATE`,
        [initiativeId],
      )) as unknown[];
      const [current] = (await m.query(
        `SELECT role, since FROM initiative_member WHERE initiative_id = $1 AND person_id = $2 FOR UPDATE`,
        [initiativeId, personId],
      )) as { role: InitiativeRole; since: Date }[];
      if (!current) throw new NotFoundError('Person', personId);
      if (current.role === role) return { initiativeId, personId, role, since: current.since };
      if (current.role === InitiativeRole.SECRETARIAT && secretariat.length <= 1) {
        throw new ConflictError('An initiative needs at least one SECRETARIAT: appoint another one first');
      }
      const [rows] = (await m.query(
        `UPDATE initiative_member SET role = $3, since = now() WHERE initiative_id = $1 AND person_id = $2 RETURNING since`,
        [initiativeId, personId, role],
      )) as [{ since: Date }[], number];
      return { initiativeId, personId, role, since: rows[0].since };
    });
  }

  /** The group (initiative id) of a client-supplied id, and the target's current role there. */
  private async groupAndRole(
    workingGroupId: string,
    personId: string,
  ): Promise<{ initiativeId: string; current: GroupRole | null }> {
    if (!isUuid(workingGroupId)) throw new NotFoundError('Working group', workingGroupId);
    const [group] = (await this.dataSource.query(
      `SELECT wg.initiative_id AS "initiativeId", gm.role AS current
         FROM working_group wg LEFT JOIN group_member gm ON gm.working_group_id = wg.id AND gm.person_id = $2
        WHERE wg.id = $1`,
      [workingGroupId, isUuid(personId) ? personId : null],
    )) as { initiativeId: string; current: GroupRole | null }[];
    if (!group) throw new NotFoundError('Working group', workingGroupId);
    return group;
  }

  async setGroupRole(caller: Caller | null, input: SetGroupRoleInput): Promise<GroupMemberModel> {
    const { workingGroupId, personId, role } = input;
    this.policy.requireCaller(caller);
    const { initiativeId, current } = await this.groupAndRole(workingGroupId, personId);
    await this.policy.authorize(
      caller,
      groupAction(role, current),
      { initiativeId, groupId: workingGroupId },
      {
        kind: 'Working group',
        id: workingGroupId,
      },
    );
    if (!isUuid(personId)) throw new NotFoundError('Person', personId);
    return this.dataSource.transaction(async (m) => {
      await this.requireInitiativeMember(m, initiativeId, personId);
      const [row] = (await m.query(
        `INSERT INTO group_member (working_group_id, initiative_id, person_id, role) VALUES ($1, $2, $3, $4)
         ON CONFLICT (working_group_id, person_id) DO UPDATE SET role = EXCLUDED.role,
           since = CASE WHEN group_member.role = EXCLUDED.role THEN group_member.since ELSE now() END
         RETURNING since`,
        [workingGroupId, initiativeId, personId, role],
      )) as { since: Date }[];
      return { workingGroupId, personId, role, since: row.since };
    });
  }

  async removeGroupMember(caller: Caller | null, workingGroupId: string, personId: string): Promise<boolean> {
    this.policy.requireCaller(caller);
    const { initiativeId, current } = await this.groupAndRole(workingGroupId, personId);
    await this.policy.authorize(
      caller,
      groupAction(null, current),
      { initiativeId, groupId: workingGroupId },
      {
        kind: 'Working group',
        id: workingGroupId,
      },
    );
    if (!current) throw new NotFoundError('Group member', personId);
    return this.dataSource.transaction(async (m) => {
      const [, deleted] = (await m.query(
        `DELETE FROM group_member WHERE working_group_id = $1 AND person_id = $2 AND role = $3`,
        [workingGroupId, personId, current],
      )) as [unknown[], number];
      if (!deleted) throw new ConflictError('The membership changed meanwhile; reload and retry');
      return true;
    });
  }

  /** NOT_FOUND for an unknown person; CONFLICT when the person does not belong to the initiative. */
  private async requireInitiativeMember(m: EntityManager, initiativeId: string, personId: string): Promise<void> {
    const [row] = (await m.query(
      `SELECT im.role FROM person p LEFT JOIN initiative_member im ON im.person_id = p.id AND im.initiative_id = $1 WHERE p.id = $2`,
      [initiativeId, personId],
    )) as { role: InitiativeRole | null }[];
    if (!row) throw new NotFoundError('Person', personId);
    if (!row.role) throw new ConflictError('The person must belong to the initiative before joining one of its groups');
  }
}
