import { Args, Context, ID, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { personLoader, PersonModel } from '@app/identity';
import { KpiModel, KpisReader } from '@app/kpis';
import { listOf, type RequestContext } from '@app/platform';
import { BallotModel, BallotReader, TermsOfReferenceModel, TorReader } from '@app/terms-of-reference';
import { WorkItemModel, WorkPlanModel, WorkPlansReader } from '@app/work-plans';
import { DecisionModel } from '../decisions/decision.model';
import { AddAgendaItemInput } from '../dto/add-agenda-item.input';
import { UpdateAgendaItemInput } from '../dto/update-agenda-item.input';
import { MeetingModel, MeetingSessionModel } from '../meetings/meeting.model';
import { MeetingsReader } from '../meetings.reader';
import { AgendaItemModel } from './agenda-item.model';
import { AgendaService } from './agenda.service';

@Resolver(() => AgendaItemModel)
export class AgendaResolver {
  constructor(
    private readonly service: AgendaService,
    private readonly reader: MeetingsReader,
    private readonly tors: TorReader,
    private readonly ballots: BallotReader,
    private readonly plans: WorkPlansReader,
    private readonly kpiReader: KpisReader,
    private readonly dataSource: DataSource,
  ) {}

  @Mutation(() => AgendaItemModel, { description: 'Whoever may schedule the meeting; CONFLICT once CLOSED or CANCELLED.' })
  addAgendaItem(@Args('input') input: AddAgendaItemInput, @Context() ctx: RequestContext): Promise<AgendaItemModel> {
    return this.service.add(ctx.caller, input);
  }

  @Mutation(() => AgendaItemModel)
  updateAgendaItem(@Args('input') input: UpdateAgendaItemInput, @Context() ctx: RequestContext): Promise<AgendaItemModel> {
    return this.service.update(ctx.caller, input);
  }

  @Mutation(() => [AgendaItemModel], { description: 'Returns the whole agenda in its new order.', complexity: listOf(200) })
  moveAgendaItem(
    @Args('id', { type: () => ID }) id: string,
    @Args('position', { type: () => Int }) position: number,
    @Context() ctx: RequestContext,
  ): Promise<AgendaItemModel[]> {
    return this.service.move(ctx.caller, id, position);
  }

  @Mutation(() => Boolean, { description: 'CONFLICT when decisions or actions were recorded at it.' })
  removeAgendaItem(@Args('id', { type: () => ID }) id: string, @Context() ctx: RequestContext): Promise<boolean> {
    return this.service.remove(ctx.caller, id);
  }

  @ResolveField(() => MeetingModel)
  async meeting(@Parent() item: AgendaItemModel, @Context() ctx: RequestContext): Promise<MeetingModel> {
    return (await this.reader.meeting(ctx.loaders).load(item.meetingId)) as MeetingModel;
  }

  @ResolveField(() => PersonModel, { nullable: true })
  presenter(@Parent() item: AgendaItemModel, @Context() ctx: RequestContext): Promise<PersonModel | null> | null {
    return item.presenterId ? personLoader(ctx.loaders, this.dataSource).load(item.presenterId) : null;
  }

  @ResolveField(() => MeetingSessionModel, { nullable: true })
  session(@Parent() item: AgendaItemModel, @Context() ctx: RequestContext): Promise<MeetingSessionModel | null> | null {
    return item.sessionId ? this.reader.session(ctx.loaders).load(`${item.meetingId}:${item.sessionId}`) : null;
  }

  @ResolveField(() => TermsOfReferenceModel, { nullable: true })
  termsOfReference(
    @Parent() item: AgendaItemModel,
    @Context() ctx: RequestContext,
  ): Promise<TermsOfReferenceModel | null> | null {
    return item.termsOfReferenceId ? this.tors.torLoader(ctx.loaders).load(item.termsOfReferenceId) : null;
  }

  @ResolveField(() => BallotModel, { nullable: true })
  ballot(@Parent() item: AgendaItemModel, @Context() ctx: RequestContext): Promise<BallotModel | null> | null {
    return item.ballotId ? this.ballots.ballotLoader(ctx.loaders).load(item.ballotId) : null;
  }

  @ResolveField(() => WorkPlanModel, { nullable: true })
  workPlan(@Parent() item: AgendaItemModel, @Context() ctx: RequestContext): Promise<WorkPlanModel | null> | null {
    return item.workPlanId ? this.plans.plan(ctx.loaders).load(item.workPlanId) : null;
  }

  /** Two statements per request whatever the number of items: the links, then the KPIs (by code). */
  @ResolveField(() => [KpiModel], { complexity: listOf(100) })
  async kpis(@Parent() item: AgendaItemModel, @Context() ctx: RequestContext): Promise<KpiModel[]> {
    const ids = await this.reader.kpiIds(ctx.loaders).load(item.id);
    const kpis = await this.kpiReader.kpi(ctx.loaders).loadMany(ids);
    return kpis
      .filter((k): k is KpiModel => k !== null && !(k instanceof Error))
      .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  }

  @ResolveField(() => [DecisionModel], { complexity: listOf(1000) })
  decisions(@Parent() item: AgendaItemModel, @Context() ctx: RequestContext): Promise<DecisionModel[]> {
    return this.reader.decisionsOfAgendaItem(ctx.loaders).load(item.id);
  }

  @ResolveField(() => [WorkItemModel], { description: 'Work items recorded as actions at this item.', complexity: listOf(1000) })
  async actions(@Parent() item: AgendaItemModel, @Context() ctx: RequestContext): Promise<WorkItemModel[]> {
    const ids = await this.reader.actionIds(ctx.loaders).load(item.id);
    const items = await this.plans.item(ctx.loaders).loadMany(ids);
    return items.filter((i): i is WorkItemModel => i !== null && !(i instanceof Error));
  }
}

/** WorkItem.agendaItem, resolved here so that work-plans does not depend on meetings. */
@Resolver(() => WorkItemModel)
export class WorkItemAgendaResolver {
  constructor(private readonly reader: MeetingsReader) {}

  @ResolveField(() => AgendaItemModel, {
    nullable: true,
    description: 'The agenda item at which it was recorded as an action, if any.',
  })
  agendaItem(@Parent() item: WorkItemModel, @Context() ctx: RequestContext): Promise<AgendaItemModel | null> {
    return this.reader.agendaItemOfWorkItem(ctx.loaders).load(item.id);
  }
}
