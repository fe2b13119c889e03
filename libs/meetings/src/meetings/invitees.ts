import { Injectable } from '@nestjs/common';
import { PeopleReader } from '@app/identity';
import type { Queryable } from '@app/platform';
import { MembershipsReader } from '@app/structure';
import { type Invitee, MeetingsRepository } from './meetings.repository';

/**
 * Who is invited to a meeting: until it starts, the current members (of the initiative for a
 * plenary, of the group otherwise, observers included), read from structure; from then on the
 * participants fixed when it started. Names come from identity, for the lists sorted by name.
 * Three statements per call, whatever the number of meetings.
 */
@Injectable()
export class Invitees {
  constructor(
    private readonly meetings: MeetingsRepository,
    private readonly memberships: MembershipsReader,
    private readonly people: PeopleReader,
  ) {}

  /** The invitees of each meeting among `personIds` (all of them when null). */
  async of(meetingIds: readonly string[], personIds: readonly string[] | null, db?: Queryable): Promise<Invitee[]> {
    if (!meetingIds.length || personIds?.length === 0) return [];
    const sources = await this.meetings.inviteeSources(meetingIds, db);
    const open = sources.filter((s) => s.open);
    const members = open.length
      ? await this.memberships.memberIds(
          {
            initiativeIds: open.filter((s) => s.groupId === null).map((s) => s.initiativeId),
            groupIds: open.flatMap((s) => (s.groupId === null ? [] : [s.groupId])),
          },
          db,
        )
      : new Map<string, string[]>();
    const wanted = personIds && new Set(personIds);
    const pairs = sources.flatMap((s) =>
      (s.open ? (members.get(s.groupId ?? s.initiativeId) ?? []) : s.participantIds)
        .filter((personId) => !wanted || wanted.has(personId))
        .map((personId) => ({ meetingId: s.meetingId, personId })),
    );
    if (!pairs.length) return [];
    const people = await this.people.byIds([...new Set(pairs.map((p) => p.personId))], db);
    const names = new Map(people.map((p) => [p.id, p.name]));
    return pairs.flatMap((p) => {
      const name = names.get(p.personId);
      return name === undefined ? [] : [{ ...p, name }];
    });
  }

  /** The current members a meeting of this scope invites while it is open. */
  async currentMembers(scope: { initiativeId: string; groupId: string | null }, db?: Queryable): Promise<string[]> {
    const members = await this.memberships.memberIds(
      scope.groupId === null
        ? { initiativeIds: [scope.initiativeId], groupIds: [] }
        : { initiativeIds: [], groupIds: [scope.groupId] },
      db,
    );
    return members.get(scope.groupId ?? scope.initiativeId) ?? [];
  }
}
