import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { KpisReader } from '@app/kpis';
import { type Caller, ConflictError, InvalidInputError, isUuid, NotFoundError } from '@app/platform';
import type { AddAgendaItemInput } from '../dto/add-agenda-item.input';
import type { UpdateAgendaItemInput } from '../dto/update-agenda-item.input';
import { MeetingAccess } from '../meetings/meeting-access';
import { MeetingsRepository } from '../meetings/meetings.repository';
import { MeetingsService } from '../meetings/meetings.service';
import type { AgendaItemModel } from './agenda-item.model';
import { AgendaLinks } from './agenda-links';
import { type AgendaItemFields, AgendaRepository } from './agenda.repository';

/** Meeting.agenda returns at most this many (its price). */
export const MAX_AGENDA_ITEMS = 200;

/**
 * The agenda: whoever may schedule the meeting adds, changes, moves and removes items until it
 * is CLOSED or CANCELLED. Each change locks the meeting row, renumbers in one statement and bumps
 * the meeting's version; the table's deferred constraints hold positions at 1..n at every commit.
 */
@Injectable()
export class AgendaService {
  constructor(
    private readonly meetingAccess: MeetingAccess,
    private readonly meetingsService: MeetingsService,
    private readonly meetings: MeetingsRepository,
    private readonly agenda: AgendaRepository,
    private readonly links: AgendaLinks,
    private readonly kpis: KpisReader,
    private readonly dataSource: DataSource,
  ) {}

  async add(caller: Caller | null, input: AddAgendaItemInput): Promise<AgendaItemModel> {
    const scope = await this.meetingAccess.scopeOf(input.meetingId);
    await this.meetingAccess.authorize(caller, scope, 'meeting.schedule');
    await this.links.require(scope.initiativeId, input, 'input.');
    const kpiIds = await this.requireKpis(scope.initiativeId, input.kpiIds);
    return this.dataSource.transaction(async (m) => {
      await this.meetingsService.lockEditable(input.meetingId, m);
      await this.requireSession(input.meetingId, input.sessionId ?? null, m);
      const n = await this.agenda.count(input.meetingId, m);
      if (n >= MAX_AGENDA_ITEMS)
        throw new ConflictError(`Meeting ${input.meetingId} has ${n} agenda items, the most it may have`);
      const position = input.position ?? n + 1;
      if (position > n + 1) throw InvalidInputError.field('input.position', `must be between 1 and ${n + 1}`);
      const id = await this.agenda.insertAt(
        input.meetingId,
        position,
        {
          title: input.title,
          description: input.description ?? null,
          kind: input.kind,
          durationMinutes: input.durationMinutes ?? null,
          presenterId: input.presenterId ?? null,
          sessionId: input.sessionId ?? null,
          termsOfReferenceId: input.termsOfReferenceId ?? null,
          ballotId: input.ballotId ?? null,
          workPlanId: input.workPlanId ?? null,
        },
        m,
      );
      if (kpiIds?.length) await this.agenda.replaceKpis(id, kpiIds, m);
      await this.meetings.bumpVersion(input.meetingId, m);
      return this.load(id, m);
    });
  }

  async update(caller: Caller | null, input: UpdateAgendaItemInput): Promise<AgendaItemModel> {
    const scope = await this.meetingAccess.scopeOfAgendaItem(input.id);
    await this.meetingAccess.authorize(caller, scope, 'meeting.schedule', { kind: 'Agenda item', id: input.id });
    if (input.title === null) throw InvalidInputError.field('input.title', 'must not be null');
    if (input.kind === null) throw InvalidInputError.field('input.kind', 'must not be null');
    await this.links.require(scope.initiativeId, input, 'input.');
    const kpiIds = await this.requireKpis(scope.initiativeId, input.kpiIds);
    return this.dataSource.transaction(async (m) => {
      await this.meetingsService.lockEditable(scope.meetingId, m);
      if (input.sessionId) await this.requireSession(scope.meetingId, input.sessionId, m);
      const changes: Partial<AgendaItemFields> = {};
      const keys = [
        'title',
        'description',
        'kind',
        'durationMinutes',
        'presenterId',
        'sessionId',
        'termsOfReferenceId',
        'ballotId',
        'workPlanId',
      ] as const;
      for (const key of keys) if (input[key] !== undefined) (changes as Record<string, unknown>)[key] = input[key];
      await this.agenda.update(input.id, changes, m);
      if (kpiIds) await this.agenda.replaceKpis(input.id, kpiIds, m);
      await this.meetings.bumpVersion(scope.meetingId, m);
      return this.load(input.id, m);
    });
  }

  /** Returns the whole agenda in its new order. */
  async move(caller: Caller | null, itemId: string, position: number): Promise<AgendaItemModel[]> {
    const scope = await this.meetingAccess.scopeOfAgendaItem(itemId);
    await this.meetingAccess.authorize(caller, scope, 'meeting.schedule', { kind: 'Agenda item', id: itemId });
    return this.dataSource.transaction(async (m) => {
      await this.meetingsService.lockEditable(scope.meetingId, m);
      const n = await this.agenda.count(scope.meetingId, m);
      if (!Number.isInteger(position) || position < 1 || position > n)
        throw InvalidInputError.field('position', `must be between 1 and ${n}`);
      await this.agenda.move(itemId, position, m);
      await this.meetings.bumpVersion(scope.meetingId, m);
      return this.agenda.ofMeetings([scope.meetingId], m);
    });
  }

  /** CONFLICT when decisions or actions were recorded at it. */
  async remove(caller: Caller | null, itemId: string): Promise<boolean> {
    const scope = await this.meetingAccess.scopeOfAgendaItem(itemId);
    await this.meetingAccess.authorize(caller, scope, 'meeting.schedule', { kind: 'Agenda item', id: itemId });
    return this.dataSource.transaction(async (m) => {
      await this.meetingsService.lockEditable(scope.meetingId, m);
      if ((await this.agenda.recordedAt(itemId, m)) > 0)
        throw new ConflictError(`Agenda item ${itemId} cannot be removed: decisions or actions were recorded at it`);
      await this.agenda.delete(itemId, m);
      await this.meetings.bumpVersion(scope.meetingId, m);
      return true;
    });
  }

  /**
   * The KPI ids to link, without duplicates (null: leave the links as they are); BAD_USER_INPUT on
   * `input.kpiIds` naming the ids that are not KPIs of the meeting's initiative, before anything changes.
   */
  private async requireKpis(initiativeId: string, kpiIds: string[] | null | undefined): Promise<string[] | null> {
    if (kpiIds === undefined || kpiIds === null) return null;
    const ids = [...new Set(kpiIds)];
    const found = new Set(ids.length ? await this.kpis.idsInInitiative(initiativeId, ids) : []);
    const bad = ids.filter((id) => !found.has(id));
    if (bad.length)
      throw InvalidInputError.field(
        'input.kpiIds',
        `must be KPIs of the meeting's initiative (${bad.length} of ${ids.length} are not)`,
      );
    return ids;
  }

  /** BAD_USER_INPUT unless the session is one of the meeting's. */
  private async requireSession(meetingId: string, sessionId: string | null, m: EntityManager): Promise<void> {
    if (sessionId === null) return;
    const sessions = isUuid(sessionId) ? await this.meetings.sessionsOf([meetingId], m) : [];
    if (!sessions.some((s) => s.id === sessionId))
      throw InvalidInputError.field('input.sessionId', 'must be a session of the meeting');
  }

  private async load(id: string, m: EntityManager): Promise<AgendaItemModel> {
    const [item] = await this.agenda.byIds([id], m);
    if (!item) throw new NotFoundError('Agenda item', id);
    return item;
  }
}
