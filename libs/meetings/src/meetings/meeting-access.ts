import { Injectable } from '@nestjs/common';
import { type Action, AccessPolicy, allows, type Roles } from '@app/identity';
import { type Caller, isUuid, NotFoundError, type Queryable } from '@app/platform';
import { MeetingStatus } from '../graphql-enums';
import { AgendaRepository } from '../agenda/agenda.repository';
import { type MeetingScope, MeetingsRepository } from './meetings.repository';

/**
 * Who may see and change a meeting, through the one access policy: any member of the initiative
 * reads a meeting that is not DRAFT; a DRAFT one is NOT_FOUND for all but those who may schedule
 * it (SECRETARIAT, the group's chairs); then `action` decides (FORBIDDEN otherwise).
 */
@Injectable()
export class MeetingAccess {
  constructor(
    private readonly access: AccessPolicy,
    private readonly meetings: MeetingsRepository,
    private readonly agenda: AgendaRepository,
  ) {}

  /** The meeting's scope and state; NOT_FOUND when there is no such meeting. */
  async scopeOf(meetingId: string, db?: Queryable): Promise<MeetingScope> {
    const scope = isUuid(meetingId) ? await this.meetings.scopeOf(meetingId, db) : null;
    if (!scope) throw new NotFoundError('Meeting', meetingId);
    return scope;
  }

  /** The scope of the agenda item's meeting; NOT_FOUND when there is no such item. */
  async scopeOfAgendaItem(itemId: string): Promise<MeetingScope & { agendaItemId: string }> {
    const item = isUuid(itemId) ? await this.agenda.meetingOf(itemId) : null;
    if (!item) throw new NotFoundError('Agenda item', itemId);
    return { ...(await this.scopeOf(item.meetingId)), agendaItemId: itemId };
  }

  /** Checks that the caller may see the meeting and do `action` on it; returns their roles. */
  async authorize(
    caller: Caller | null,
    scope: MeetingScope,
    action: Action,
    resource = { kind: 'Meeting', id: scope.meetingId },
  ) {
    const where = { initiativeId: scope.initiativeId, groupId: scope.groupId };
    const roles = await this.access.authorize(caller, 'initiative.read', where, resource);
    if (scope.status === MeetingStatus.DRAFT && !allows('meeting.schedule', roles))
      throw new NotFoundError(resource.kind, resource.id);
    return this.access.authorize(caller, action, where, resource);
  }

  /** Whether these roles show DRAFT meetings of the scope. */
  seesDrafts(roles: Roles): boolean {
    return allows('meeting.schedule', roles);
  }
}
