import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessPolicy } from '@app/identity';
import {
  type Caller,
  ConflictError,
  type ConnectionShape,
  InvalidInputError,
  isUuid,
  LoaderRegistry,
  NotFoundError,
  pageRequest,
  toConnection,
} from '@app/platform';
import { initiativeLoader } from '@app/structure';
import { type WorkItemModel, WorkItemKind, WorkItemsService, WorkPlansService } from '@app/work-plans';
import { AgendaLinks } from '../agenda/agenda-links';
import { AgendaRepository } from '../agenda/agenda.repository';
import type { RecordActionInput } from '../dto/record-action.input';
import type { RecordDecisionInput } from '../dto/record-decision.input';
import { MeetingStatus, MinutesStatus } from '../graphql-enums';
import { MeetingAccess } from '../meetings/meeting-access';
import { type LockedMeeting, MeetingsRepository } from '../meetings/meetings.repository';
import { MinutesRepository } from '../minutes/minutes.repository';
import { decisionNumber } from '../rules/lifecycle';
import type { DecisionModel } from './decision.model';
import { DecisionsRepository } from './decisions.repository';

/**
 * What a meeting records: decisions, numbered in the initiative's register under the meeting's
 * row lock (no gaps, no duplicates), and actions, which become TASKs of a work plan through
 * work-plans' own service. Both while IN_PROGRESS, or CLOSED with minutes not yet FINAL.
 */
@Injectable()
export class DecisionsService {
  constructor(
    private readonly access: AccessPolicy,
    private readonly meetingAccess: MeetingAccess,
    private readonly meetings: MeetingsRepository,
    private readonly agenda: AgendaRepository,
    private readonly decisions: DecisionsRepository,
    private readonly minutes: MinutesRepository,
    private readonly links: AgendaLinks,
    private readonly workPlans: WorkPlansService,
    private readonly workItems: WorkItemsService,
    private readonly dataSource: DataSource,
  ) {}

  async recordDecision(caller: Caller | null, input: RecordDecisionInput): Promise<DecisionModel> {
    const scope = await this.meetingAccess.scopeOf(input.meetingId);
    await this.meetingAccess.authorize(caller, scope, 'meeting.record');
    await this.links.require(scope.initiativeId, { ballotId: input.ballotId }, 'input.');
    const initiative = await initiativeLoader(new LoaderRegistry(), this.dataSource).load(scope.initiativeId);
    if (!initiative) throw new NotFoundError('Meeting', input.meetingId);
    return this.dataSource.transaction(async (m) => {
      const meeting = await this.lockRecording(input.meetingId, m);
      const agendaItemId = input.agendaItemId ?? null;
      if (agendaItemId !== null) await this.requireAgendaItem(input.meetingId, agendaItemId, 'input.agendaItemId', m);
      const seq = await this.decisions.nextSeq(input.meetingId, m);
      return this.decisions.insert(
        {
          meetingId: input.meetingId,
          agendaItemId,
          ballotId: input.ballotId ?? null,
          text: input.text,
          recordedById: (caller as Caller).personId,
        },
        seq,
        decisionNumber(initiative.slug, meeting.number, seq),
        m,
      );
    });
  }

  /**
   * A TASK in the plan, owned and due as given, linked to the agenda item: whoever runs the
   * meeting, and (checked by work-plans) a chair of the plan's group or SECRETARIAT.
   */
  async recordAction(caller: Caller | null, input: RecordActionInput): Promise<WorkItemModel> {
    const scope = await this.meetingAccess.scopeOfAgendaItem(input.agendaItemId);
    await this.meetingAccess.authorize(caller, scope, 'meeting.record', { kind: 'Agenda item', id: input.agendaItemId });
    const plan = await this.workPlans.planScope(input.workPlanId);
    if (plan.initiativeId !== scope.initiativeId) throw new NotFoundError('Work plan', input.workPlanId);
    return this.workItems.addWorkItem(
      caller,
      {
        workPlanId: input.workPlanId,
        kind: WorkItemKind.TASK,
        title: input.title,
        description: input.description ?? null,
        ownerId: input.ownerId ?? null,
        dueAt: input.dueAt ?? null,
      },
      async (m, item) => {
        await this.lockRecording(scope.meetingId, m);
        await this.agenda.insertAction(input.agendaItemId, item.id, m);
      },
    );
  }

  /** The initiative's register, newest first. */
  async register(
    caller: Caller | null,
    initiativeId: string,
    first: number,
    after: string | null,
  ): Promise<ConnectionShape<DecisionModel>> {
    await this.access.authorize(caller, 'initiative.read', { initiativeId }, { kind: 'Initiative', id: initiativeId });
    const page = pageRequest(first, after);
    const [afterKey, afterId] = (page.after ?? [null, null]) as [unknown, unknown];
    const validAfter = typeof afterKey === 'string' && !Number.isNaN(Date.parse(afterKey)) && isUuid(afterId);
    if (page.after && !validAfter) throw InvalidInputError.field('after', 'is not a cursor returned by this API');
    const total = await this.decisions.countOfInitiative(initiativeId);
    const found =
      page.limit === 0
        ? []
        : await this.decisions.pageOfInitiative(
            initiativeId,
            validAfter ? { recordedAt: afterKey as string, id: afterId as string } : null,
            page.limit + 1,
          );
    return toConnection(found, page, (r) => [(r as DecisionModel & { recordedKey: string }).recordedKey, r.id], total);
  }

  /** The meeting row, locked; CONFLICT unless IN_PROGRESS, or CLOSED with minutes not FINAL. */
  private async lockRecording(meetingId: string, m: EntityManager): Promise<LockedMeeting> {
    const meeting = await this.meetings.lock(meetingId, m);
    if (!meeting) throw new NotFoundError('Meeting', meetingId);
    const open =
      meeting.status === MeetingStatus.IN_PROGRESS ||
      (meeting.status === MeetingStatus.CLOSED &&
        (await this.minutes.ofMeetings([meetingId], m))[0]?.status !== MinutesStatus.FINAL);
    if (!open)
      throw new ConflictError(
        `Meeting ${meetingId} is ${meeting.status}; decisions and actions are recorded while IN_PROGRESS, or CLOSED until the minutes are FINAL`,
      );
    return meeting;
  }

  private async requireAgendaItem(meetingId: string, itemId: string, field: string, m: EntityManager): Promise<void> {
    const [item] = isUuid(itemId) ? await this.agenda.byIds([itemId], m) : [];
    if (item?.meetingId !== meetingId) throw InvalidInputError.field(field, "must be an item of the meeting's agenda");
  }
}
