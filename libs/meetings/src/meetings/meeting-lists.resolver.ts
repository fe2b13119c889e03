import { Args, Context, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { type ConnectionShape, pagePrice, type RequestContext } from '@app/platform';
import { InitiativeModel, WorkingGroupModel } from '@app/structure';
import { DecisionConnection, type DecisionModel } from '../decisions/decision.model';
import { DecisionsService } from '../decisions/decisions.service';
import { MeetingConnection, type MeetingModel } from './meeting.model';
import { MeetingsService } from './meetings.service';

/** Initiative.meetings and Initiative.decisions (the register). */
@Resolver(() => InitiativeModel)
export class InitiativeMeetingsResolver {
  constructor(
    private readonly meetingsService: MeetingsService,
    private readonly decisionsService: DecisionsService,
  ) {}

  @ResolveField(() => MeetingConnection, {
    description:
      "Meetings of the initiative and of its groups, by first session, soonest first; from/to bound the first session's start.",
    complexity: pagePrice,
  })
  meetings(
    @Parent() initiative: InitiativeModel,
    @Context() ctx: RequestContext,
    @Args('from', { type: () => Date, nullable: true }) from: Date | null,
    @Args('to', { type: () => Date, nullable: true }) to: Date | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<ConnectionShape<MeetingModel>> {
    return this.meetingsService.list(ctx.caller, initiative.id, null, { from: from ?? null, to: to ?? null, first, after });
  }

  @ResolveField(() => DecisionConnection, {
    description: "The decisions register: every decision recorded at the initiative's meetings, newest first.",
    complexity: pagePrice,
  })
  decisions(
    @Parent() initiative: InitiativeModel,
    @Context() ctx: RequestContext,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<ConnectionShape<DecisionModel>> {
    return this.decisionsService.register(ctx.caller, initiative.id, first, after);
  }
}

/** WorkingGroup.meetings. */
@Resolver(() => WorkingGroupModel)
export class WorkingGroupMeetingsResolver {
  constructor(private readonly meetingsService: MeetingsService) {}

  @ResolveField(() => MeetingConnection, { description: "The group's meetings, soonest first.", complexity: pagePrice })
  meetings(
    @Parent() group: WorkingGroupModel,
    @Context() ctx: RequestContext,
    @Args('from', { type: () => Date, nullable: true }) from: Date | null,
    @Args('to', { type: () => Date, nullable: true }) to: Date | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<ConnectionShape<MeetingModel>> {
    return this.meetingsService.list(ctx.caller, group.initiativeId, group.id, {
      from: from ?? null,
      to: to ?? null,
      first,
      after,
    });
  }
}
