import { Injectable } from '@nestjs/common';
import type DataLoader from 'dataloader';
import {
  byKeys,
  type ConnectionShape,
  groupedByKeys,
  InvalidInputError,
  isUuid,
  type LoaderRegistry,
  type PageRequest,
  toConnection,
} from '@app/platform';
import type { AgendaItemModel } from './agenda/agenda-item.model';
import { AgendaRepository } from './agenda/agenda.repository';
import type { DecisionModel } from './decisions/decision.model';
import { DecisionsRepository } from './decisions/decisions.repository';
import type { RsvpResponse } from './graphql-enums';
import type { MeetingModel, MeetingParticipantModel, MeetingSessionModel, MinutesModel } from './meetings/meeting.model';
import { Invitees } from './meetings/invitees';
import { MeetingsRepository } from './meetings/meetings.repository';
import { MinutesRepository } from './minutes/minutes.repository';

/**
 * The per-request DataLoaders of meetings' fields: every field of a meeting, its agenda items and
 * decisions batches through one statement per kind of row, so `meeting(id)` with its agenda and
 * links costs the same number of statements whatever the number of agenda items.
 */
@Injectable()
export class MeetingsReader {
  constructor(
    private readonly meetings: MeetingsRepository,
    private readonly invitees: Invitees,
    private readonly agenda: AgendaRepository,
    private readonly decisions: DecisionsRepository,
    private readonly minutes: MinutesRepository,
  ) {}

  meeting(loaders: LoaderRegistry): DataLoader<string, MeetingModel | null> {
    return loaders.get<string, MeetingModel | null>('meetings.meeting', async (ids) => {
      const valid = ids.filter(isUuid);
      return byKeys(ids, valid.length ? await this.meetings.byIds(valid) : [], (r) => r.id);
    });
  }

  sessions(loaders: LoaderRegistry): DataLoader<string, MeetingSessionModel[]> {
    return loaders.get<string, MeetingSessionModel[]>('meetings.sessions', async (ids) =>
      groupedByKeys(ids, await this.meetings.sessionsOf(ids.filter(isUuid)), (r) => r.meetingId),
    );
  }

  /** Sessions by id, through the sessions of their meetings (keys are `<meetingId>:<sessionId>`). */
  session(loaders: LoaderRegistry): DataLoader<string, MeetingSessionModel | null> {
    return loaders.get<string, MeetingSessionModel | null>('meetings.session', async (keys) => {
      const all = await this.sessions(loaders).loadMany([...new Set(keys.map((k) => k.split(':')[0]))]);
      const byId = new Map(all.flatMap((list) => (Array.isArray(list) ? list : [])).map((s) => [s.id, s]));
      return keys.map((k) => byId.get(k.split(':')[1]) ?? null);
    });
  }

  agendaOf(loaders: LoaderRegistry): DataLoader<string, AgendaItemModel[]> {
    return loaders.get<string, AgendaItemModel[]>('meetings.agendaOf', async (ids) => {
      const items = await this.agenda.ofMeetings(ids.filter(isUuid));
      const one = this.agendaItem(loaders);
      for (const item of items) one.prime(item.id, item);
      return groupedByKeys(ids, items, (r) => r.meetingId);
    });
  }

  agendaItem(loaders: LoaderRegistry): DataLoader<string, AgendaItemModel | null> {
    return loaders.get<string, AgendaItemModel | null>('meetings.agendaItem', async (ids) => {
      const valid = ids.filter(isUuid);
      return byKeys(ids, valid.length ? await this.agenda.byIds(valid) : [], (r) => r.id);
    });
  }

  /** The agenda item a work item was recorded at, by work item id. */
  agendaItemOfWorkItem(loaders: LoaderRegistry): DataLoader<string, AgendaItemModel | null> {
    return loaders.get<string, AgendaItemModel | null>('meetings.agendaItemOfWorkItem', async (ids) => {
      const valid = ids.filter(isUuid);
      const found = valid.length ? await this.agenda.ofWorkItems(valid) : [];
      return byKeys(ids, found, (r) => r.workItemId).map((row) => {
        if (!row) return null;
        const { workItemId: _unused, ...item } = row;
        return item;
      });
    });
  }

  /** Ids of the work items recorded as actions at each agenda item. */
  actionIds(loaders: LoaderRegistry): DataLoader<string, string[]> {
    return loaders.get<string, string[]>('meetings.actionIds', async (ids) =>
      groupedByKeys(ids, await this.agenda.actionsOf(ids.filter(isUuid)), (r) => r.agendaItemId).map((list) =>
        list.map((r) => r.workItemId),
      ),
    );
  }

  /** Ids of the KPIs each agenda item is about. */
  kpiIds(loaders: LoaderRegistry): DataLoader<string, string[]> {
    return loaders.get<string, string[]>('meetings.kpiIds', async (ids) =>
      groupedByKeys(ids, await this.agenda.kpiLinksOf(ids.filter(isUuid)), (r) => r.agendaItemId).map((list) =>
        list.map((r) => r.kpiId),
      ),
    );
  }

  decisionsOfMeeting(loaders: LoaderRegistry): DataLoader<string, DecisionModel[]> {
    return loaders.get<string, DecisionModel[]>('meetings.decisionsOfMeeting', async (ids) =>
      groupedByKeys(ids, await this.decisions.ofMeetings(ids.filter(isUuid)), (r) => r.meetingId),
    );
  }

  decisionsOfAgendaItem(loaders: LoaderRegistry): DataLoader<string, DecisionModel[]> {
    return loaders.get<string, DecisionModel[]>('meetings.decisionsOfAgendaItem', async (ids) =>
      groupedByKeys(ids, await this.decisions.ofAgendaItems(ids.filter(isUuid)), (r) => r.agendaItemId as string),
    );
  }

  minutesOf(loaders: LoaderRegistry): DataLoader<string, MinutesModel | null> {
    return loaders.get<string, MinutesModel | null>('meetings.minutes', async (ids) =>
      byKeys(ids, await this.minutes.ofMeetings(ids.filter(isUuid)), (r) => r.meetingId),
    );
  }

  /** The caller's invitation to each meeting (keys are `<meetingId>:<personId>`). */
  participation(loaders: LoaderRegistry): DataLoader<string, MeetingParticipantModel | null> {
    return loaders.get<string, MeetingParticipantModel | null>('meetings.participation', async (keys) => {
      const pairs = keys.map((k) => k.split(':'));
      const meetingIds = [...new Set(pairs.map(([m]) => m).filter(isUuid))];
      const personIds = [...new Set(pairs.map(([, p]) => p).filter(isUuid))];
      const invited = meetingIds.length && personIds.length ? await this.invitees.of(meetingIds, personIds) : [];
      const found = invited.length ? await this.meetings.participants(invited) : [];
      return byKeys(keys, found, (r) => `${r.meetingId}:${r.personId}`);
    });
  }

  /** A page of each meeting's invitees by name, optionally of one response. */
  participants(
    loaders: LoaderRegistry,
    response: RsvpResponse | null,
    page: PageRequest,
  ): DataLoader<string, ConnectionShape<MeetingParticipantModel>> {
    const [afterName, afterId] = (page.after ?? [null, null]) as [unknown, unknown];
    if (page.after && !(typeof afterName === 'string' && isUuid(afterId)))
      throw InvalidInputError.field('after', 'is not a cursor returned by this API');
    const after = page.after ? { name: afterName as string, personId: afterId as string } : null;
    const name = `meetings.participants:${response ?? '*'}:${page.limit}:${JSON.stringify(page.after)}`;
    return loaders.get<string, ConnectionShape<MeetingParticipantModel>>(name, async (ids) => {
      const invited = await this.invitees.of(ids.filter(isUuid), null);
      const counts = invited.length ? await this.meetings.participantCounts(invited, response) : [];
      const found =
        page.limit === 0 || !invited.length ? [] : await this.meetings.participantsPage(invited, response, after, page.limit + 1);
      const totals = new Map(counts.map((c) => [c.meetingId, c.total]));
      return groupedByKeys(ids, found, (r) => r.meetingId).map((list, i) =>
        toConnection(
          list.map(({ total: _unused, ...p }) => p),
          page,
          (r) => [r.name, r.personId],
          totals.get(ids[i]) ?? 0,
        ),
      );
    });
  }
}
