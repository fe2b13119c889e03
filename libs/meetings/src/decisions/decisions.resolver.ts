import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { personLoader, PersonModel } from '@app/identity';
import type { RequestContext } from '@app/platform';
import { BallotModel, BallotReader } from '@app/terms-of-reference';
import { WorkItemModel } from '@app/work-plans';
import { AgendaItemModel } from '../agenda/agenda-item.model';
import { RecordActionInput } from '../dto/record-action.input';
import { RecordDecisionInput } from '../dto/record-decision.input';
import { MeetingModel } from '../meetings/meeting.model';
import { MeetingsReader } from '../meetings.reader';
import { DecisionModel } from './decision.model';
import { DecisionsService } from './decisions.service';

@Resolver(() => DecisionModel)
export class DecisionsResolver {
  constructor(
    private readonly service: DecisionsService,
    private readonly reader: MeetingsReader,
    private readonly ballots: BallotReader,
    private readonly dataSource: DataSource,
  ) {}

  @Mutation(() => DecisionModel, { description: 'While IN_PROGRESS, or CLOSED with minutes not yet FINAL.' })
  recordDecision(@Args('input') input: RecordDecisionInput, @Context() ctx: RequestContext): Promise<DecisionModel> {
    return this.service.recordDecision(ctx.caller, input);
  }

  @Mutation(() => WorkItemModel)
  recordAction(@Args('input') input: RecordActionInput, @Context() ctx: RequestContext): Promise<WorkItemModel> {
    return this.service.recordAction(ctx.caller, input);
  }

  @ResolveField(() => MeetingModel)
  async meeting(@Parent() decision: DecisionModel, @Context() ctx: RequestContext): Promise<MeetingModel> {
    return (await this.reader.meeting(ctx.loaders).load(decision.meetingId)) as MeetingModel;
  }

  @ResolveField(() => AgendaItemModel, { nullable: true })
  agendaItem(@Parent() decision: DecisionModel, @Context() ctx: RequestContext): Promise<AgendaItemModel | null> | null {
    return decision.agendaItemId ? this.reader.agendaItem(ctx.loaders).load(decision.agendaItemId) : null;
  }

  @ResolveField(() => BallotModel, { nullable: true, description: 'The ballot whose outcome it records, if any.' })
  ballot(@Parent() decision: DecisionModel, @Context() ctx: RequestContext): Promise<BallotModel | null> | null {
    return decision.ballotId ? this.ballots.ballotLoader(ctx.loaders).load(decision.ballotId) : null;
  }

  @ResolveField(() => PersonModel)
  async recordedBy(@Parent() decision: DecisionModel, @Context() ctx: RequestContext): Promise<PersonModel> {
    return (await personLoader(ctx.loaders, this.dataSource).load(decision.recordedById)) as PersonModel;
  }
}
