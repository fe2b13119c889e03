import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { personLoader, PersonModel } from '@app/identity';
import { type ConnectionShape, listOf, pagePrice, pageRequest, type RequestContext } from '@app/platform';
import { InitiativeModel, initiativeLoader, WorkingGroupModel, workingGroupLoader } from '@app/structure';
import { AgendaItemModel } from '../agenda/agenda-item.model';
import { DecisionModel } from '../decisions/decision.model';
import { ScheduleMeetingInput } from '../dto/schedule-meeting.input';
import { UpdateMeetingInput } from '../dto/update-meeting.input';
import { MeetingStatus, RsvpResponse } from '../graphql-enums';
import { MeetingsReader } from '../meetings.reader';
import {
  MeetingModel,
  MeetingParticipantConnection,
  MeetingParticipantModel,
  MeetingSessionModel,
  MinutesModel,
} from './meeting.model';
import { MeetingsService } from './meetings.service';

@Resolver(() => MeetingModel)
export class MeetingsResolver {
  constructor(
    private readonly service: MeetingsService,
    private readonly reader: MeetingsReader,
    private readonly dataSource: DataSource,
  ) {}

  @Query(() => MeetingModel, {
    nullable: true,
    description:
      "Meetings visible to the caller: plenaries and group meetings of the caller's initiatives (DRAFT ones only to SECRETARIAT and the group's chairs).",
  })
  meeting(@Args('id', { type: () => ID }) id: string, @Context() ctx: RequestContext): Promise<MeetingModel> {
    return this.service.meeting(ctx.caller, id);
  }

  @Mutation(() => MeetingModel)
  scheduleMeeting(@Args('input') input: ScheduleMeetingInput, @Context() ctx: RequestContext): Promise<MeetingModel> {
    return this.service.schedule(ctx.caller, input);
  }

  @Mutation(() => MeetingModel)
  updateMeeting(@Args('input') input: UpdateMeetingInput, @Context() ctx: RequestContext): Promise<MeetingModel> {
    return this.service.update(ctx.caller, input);
  }

  @Mutation(() => MeetingModel, { description: 'DRAFT -> ANNOUNCED.' })
  announceMeeting(@Args('id', { type: () => ID }) id: string, @Context() ctx: RequestContext): Promise<MeetingModel> {
    return this.service.transition(ctx.caller, id, MeetingStatus.ANNOUNCED);
  }

  @Mutation(() => MeetingModel, { description: 'ANNOUNCED -> IN_PROGRESS.' })
  startMeeting(@Args('id', { type: () => ID }) id: string, @Context() ctx: RequestContext): Promise<MeetingModel> {
    return this.service.transition(ctx.caller, id, MeetingStatus.IN_PROGRESS);
  }

  @Mutation(() => MeetingModel, { description: 'IN_PROGRESS -> CLOSED.' })
  closeMeeting(@Args('id', { type: () => ID }) id: string, @Context() ctx: RequestContext): Promise<MeetingModel> {
    return this.service.transition(ctx.caller, id, MeetingStatus.CLOSED);
  }

  @Mutation(() => MeetingModel, { description: 'DRAFT or ANNOUNCED -> CANCELLED.' })
  cancelMeeting(
    @Args('id', { type: () => ID }) id: string,
    @Args('reason') reason: string,
    @Context() ctx: RequestContext,
  ): Promise<MeetingModel> {
    return this.service.transition(ctx.caller, id, MeetingStatus.CANCELLED, reason);
  }

  @Mutation(() => MeetingParticipantModel, { description: "An invitee's answer; CONFLICT once CLOSED or CANCELLED." })
  respondToMeeting(
    @Args('meetingId', { type: () => ID }) meetingId: string,
    @Args('response', { type: () => RsvpResponse }) response: RsvpResponse,
    @Context() ctx: RequestContext,
  ): Promise<MeetingParticipantModel> {
    return this.service.respond(ctx.caller, meetingId, response);
  }

  @Mutation(() => [MeetingParticipantModel], {
    description: 'While IN_PROGRESS or CLOSED; the people must be invitees.',
    complexity: listOf(1000),
  })
  recordAttendance(
    @Args('meetingId', { type: () => ID }) meetingId: string,
    @Args('personIds', { type: () => [ID] }) personIds: string[],
    @Args('attended') attended: boolean,
    @Context() ctx: RequestContext,
  ): Promise<MeetingParticipantModel[]> {
    return this.service.recordAttendance(ctx.caller, meetingId, personIds, attended);
  }

  @ResolveField(() => InitiativeModel)
  async initiative(@Parent() meeting: MeetingModel, @Context() ctx: RequestContext): Promise<InitiativeModel> {
    return (await initiativeLoader(ctx.loaders, this.dataSource).load(meeting.initiativeId)) as InitiativeModel;
  }

  @ResolveField(() => WorkingGroupModel, { nullable: true })
  workingGroup(@Parent() meeting: MeetingModel, @Context() ctx: RequestContext): Promise<WorkingGroupModel | null> | null {
    return meeting.workingGroupId ? workingGroupLoader(ctx.loaders, this.dataSource).load(meeting.workingGroupId) : null;
  }

  @ResolveField(() => [MeetingSessionModel], { description: 'Ordered by startsAt; at least one.', complexity: listOf(14) })
  sessions(@Parent() meeting: MeetingModel, @Context() ctx: RequestContext): Promise<MeetingSessionModel[]> {
    return this.reader.sessions(ctx.loaders).load(meeting.id);
  }

  @ResolveField(() => [AgendaItemModel], { description: 'Ordered by position.', complexity: listOf(200) })
  agenda(@Parent() meeting: MeetingModel, @Context() ctx: RequestContext): Promise<AgendaItemModel[]> {
    return this.reader.agendaOf(ctx.loaders).load(meeting.id);
  }

  @ResolveField(() => MeetingParticipantConnection, { complexity: pagePrice })
  participants(
    @Parent() meeting: MeetingModel,
    @Context() ctx: RequestContext,
    @Args('response', { type: () => RsvpResponse, nullable: true }) response: RsvpResponse | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<ConnectionShape<MeetingParticipantModel>> {
    return this.reader.participants(ctx.loaders, response ?? null, pageRequest(first, after)).load(meeting.id);
  }

  @ResolveField(() => MeetingParticipantModel, {
    nullable: true,
    description: "The caller's invitation, if the caller is invited.",
  })
  myParticipation(
    @Parent() meeting: MeetingModel,
    @Context() ctx: RequestContext,
  ): Promise<MeetingParticipantModel | null> | null {
    return ctx.caller ? this.reader.participation(ctx.loaders).load(`${meeting.id}:${ctx.caller.personId}`) : null;
  }

  @ResolveField(() => MinutesModel, { nullable: true })
  minutes(@Parent() meeting: MeetingModel, @Context() ctx: RequestContext): Promise<MinutesModel | null> {
    return this.reader.minutesOf(ctx.loaders).load(meeting.id);
  }

  @ResolveField(() => [DecisionModel], {
    description: 'Decisions recorded at this meeting, by number.',
    complexity: listOf(1000),
  })
  decisions(@Parent() meeting: MeetingModel, @Context() ctx: RequestContext): Promise<DecisionModel[]> {
    return this.reader.decisionsOfMeeting(ctx.loaders).load(meeting.id);
  }
}

@Resolver(() => MeetingParticipantModel)
export class MeetingParticipantsResolver {
  constructor(private readonly dataSource: DataSource) {}

  @ResolveField(() => PersonModel)
  async person(@Parent() participant: MeetingParticipantModel, @Context() ctx: RequestContext): Promise<PersonModel> {
    return (await personLoader(ctx.loaders, this.dataSource).load(participant.personId)) as PersonModel;
  }
}

@Resolver(() => MinutesModel)
export class MinutesFieldsResolver {
  constructor(private readonly dataSource: DataSource) {}

  @ResolveField(() => PersonModel, { nullable: true })
  approvedBy(@Parent() minutes: MinutesModel, @Context() ctx: RequestContext): Promise<PersonModel | null> | null {
    return minutes.approvedById ? personLoader(ctx.loaders, this.dataSource).load(minutes.approvedById) : null;
  }
}
