import { Args, Context, Float, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AccessPolicy, type Action, allows } from '@app/identity';
import { type ConnectionShape, isUuid, NotFoundError, pagePrice, pageRequest, type RequestContext } from '@app/platform';
import { callerRoles } from '../caller-roles';
import { TermsOfReferenceModel, TermsOfReferenceVersionModel } from '../documents/terms-of-reference.model';
import { TorReader } from '../documents/tor-reader.service';
import { BallotOutcomeEnum, BallotStatus } from '../graphql-enums';
import { VoteConnection, VoteModel } from '../votes/vote.model';
import { VoteReader } from '../votes/vote-reader.service';
import { BallotAccess } from './ballot-access.service';
import { BallotAuditModel } from './ballot-audit.model';
import { BallotAuditReader } from './ballot-audit.service';
import { BallotModel, TallyModel } from './ballot.model';
import { BallotReader } from './ballot-reader.service';
import { BallotsService } from './ballots.service';
import { CloseBallotScheduler } from './close-job';
import { OpenBallotInput } from './dto/open-ballot.input';

const openAction = (tor: { workingGroupId: string | null }): Action =>
  tor.workingGroupId ? 'groupTor.openBallot' : 'initiativeTor.openBallot';

@Resolver(() => BallotModel)
export class BallotsResolver {
  constructor(
    private readonly policy: AccessPolicy,
    private readonly service: BallotsService,
    private readonly reader: BallotReader,
    private readonly tors: TorReader,
    private readonly votes: VoteReader,
    private readonly scheduler: CloseBallotScheduler,
    private readonly access: BallotAccess,
    private readonly audits: BallotAuditReader,
  ) {}

  /** Whether the caller sees the tally, votes and audit of a ballot that is not CLOSED (SECRETARIAT). */
  private async seesLive(ctx: RequestContext, ballot: BallotModel): Promise<boolean> {
    return allows('ballot.manage', await callerRoles(ctx, this.policy, ballot.initiativeId));
  }

  @Query(() => BallotModel, { nullable: true })
  ballot(@Args('id', { type: () => ID }) id: string, @Context() ctx: RequestContext): Promise<BallotModel> {
    return this.access.readable(ctx, id);
  }

  @Mutation(() => BallotModel, {
    description:
      "On the current version. SECRETARIAT for any; CHAIR for their group's. CONFLICT while another ballot is OPEN or closesAt is not in the future.",
  })
  async openBallot(
    @Args('input', { type: () => OpenBallotInput }) input: OpenBallotInput,
    @Context() ctx: RequestContext,
  ): Promise<BallotModel> {
    const caller = this.policy.requireCaller(ctx.caller);
    const tor = isUuid(input.termsOfReferenceId) ? await this.tors.fetch(input.termsOfReferenceId) : null;
    if (!tor) throw new NotFoundError('Terms of reference', input.termsOfReferenceId);
    await this.policy.authorize(
      caller,
      openAction(tor),
      { initiativeId: tor.initiativeId, groupId: tor.workingGroupId },
      {
        kind: 'Terms of reference',
        id: tor.id,
      },
    );
    const opened = await this.service.open(caller.personId, tor.id, input);
    await this.scheduler.schedule(opened.id, opened.closesAt);
    return (await this.reader.fetch(opened.id)) as BallotModel;
  }

  @Mutation(() => BallotModel, { description: 'SECRETARIAT: closes now, before closesAt.' })
  async closeBallot(
    @Args('ballotId', { type: () => ID }) ballotId: string,
    @Context() ctx: RequestContext,
  ): Promise<BallotModel> {
    const ballot = await this.access.readable(ctx, ballotId);
    await this.policy.authorize(
      ctx.caller,
      'ballot.manage',
      { initiativeId: ballot.initiativeId, groupId: ballot.workingGroupId },
      {
        kind: 'Ballot',
        id: ballotId,
      },
    );
    await this.service.closeNow(ballotId);
    return (await this.reader.fetch(ballotId)) as BallotModel;
  }

  @Mutation(() => BallotModel, { description: 'SECRETARIAT; no outcome is recorded.' })
  async cancelBallot(
    @Args('ballotId', { type: () => ID }) ballotId: string,
    @Args('reason') reason: string,
    @Context() ctx: RequestContext,
  ): Promise<BallotModel> {
    const ballot = await this.access.readable(ctx, ballotId);
    await this.policy.authorize(
      ctx.caller,
      'ballot.manage',
      { initiativeId: ballot.initiativeId, groupId: ballot.workingGroupId },
      {
        kind: 'Ballot',
        id: ballotId,
      },
    );
    await this.service.cancel(ballotId, reason);
    return (await this.reader.fetch(ballotId)) as BallotModel;
  }

  @ResolveField('termsOfReference', () => TermsOfReferenceModel)
  async termsOfReference(@Parent() ballot: BallotModel, @Context() ctx: RequestContext): Promise<TermsOfReferenceModel> {
    return (await this.tors.torLoader(ctx.loaders).load(ballot.torId)) as TermsOfReferenceModel;
  }

  @ResolveField('version', () => TermsOfReferenceVersionModel)
  async version(@Parent() ballot: BallotModel, @Context() ctx: RequestContext): Promise<TermsOfReferenceVersionModel> {
    return (await this.tors.versionLoader(ctx.loaders).load(ballot.versionId)) as TermsOfReferenceVersionModel;
  }

  @ResolveField('status', () => BallotStatus)
  async status(@Parent() ballot: BallotModel, @Context() ctx: RequestContext): Promise<BallotStatus> {
    return (await this.reader.view(ctx.loaders, ballot)).status;
  }

  @ResolveField('votesCast', () => Int)
  async votesCast(@Parent() ballot: BallotModel, @Context() ctx: RequestContext): Promise<number> {
    return (await this.reader.view(ctx.loaders, ballot)).votesCast;
  }

  @ResolveField('participation', () => Float, { description: 'votesCast / electorateSize' })
  async participation(@Parent() ballot: BallotModel, @Context() ctx: RequestContext): Promise<number> {
    const { votesCast } = await this.reader.view(ctx.loaders, ballot);
    return ballot.electorateSize === 0 ? 0 : votesCast / ballot.electorateSize;
  }

  @ResolveField('tally', () => TallyModel, {
    nullable: true,
    description: 'Visible to everyone once CLOSED; while OPEN only to SECRETARIAT (null for others).',
  })
  async tally(@Parent() ballot: BallotModel, @Context() ctx: RequestContext): Promise<TallyModel | null> {
    const view = await this.reader.view(ctx.loaders, ballot);
    if (view.status !== BallotStatus.CLOSED && !(await this.seesLive(ctx, ballot))) return null;
    const { approve, object, abstain } = view.counts;
    return { approve, object, abstain, notVoted: Math.max(0, ballot.electorateSize - view.votesCast) };
  }

  @ResolveField('outcome', () => BallotOutcomeEnum, { nullable: true, description: 'null while OPEN or CANCELLED.' })
  async outcome(@Parent() ballot: BallotModel, @Context() ctx: RequestContext): Promise<string | null> {
    return (await this.reader.view(ctx.loaders, ballot)).outcome;
  }

  @ResolveField('chainHead', () => String, {
    nullable: true,
    description: "Head of the ballot's vote hash chain; published once CLOSED (null before).",
  })
  async chainHead(@Parent() ballot: BallotModel, @Context() ctx: RequestContext): Promise<string | null> {
    return (await this.reader.view(ctx.loaders, ballot)).chainHead;
  }

  @ResolveField('audit', () => BallotAuditModel, {
    nullable: true,
    description:
      'The whole chain, for verification without trusting the server: every member of the initiative once CLOSED, SECRETARIAT at any time; null otherwise.',
  })
  async audit(@Parent() ballot: BallotModel, @Context() ctx: RequestContext): Promise<BallotAuditModel | null> {
    const view = await this.reader.view(ctx.loaders, ballot);
    if (view.status !== BallotStatus.CLOSED && !(await this.seesLive(ctx, ballot))) return null;
    return this.audits.audit(ctx.loaders, ballot, view);
  }

  @ResolveField('myVote', () => VoteModel, { nullable: true, description: "The caller's current vote, if any." })
  myVote(@Parent() ballot: BallotModel, @Context() ctx: RequestContext): Promise<VoteModel | null> {
    const personId = ctx.caller?.personId;
    return personId ? this.votes.myVoteLoader(ctx.loaders, personId).load(ballot.id) : Promise.resolve(null);
  }

  @ResolveField('eligibleToVote', () => Boolean, { description: 'Whether the caller is in the electorate.' })
  eligibleToVote(@Parent() ballot: BallotModel, @Context() ctx: RequestContext): Promise<boolean> {
    const personId = ctx.caller?.personId;
    return personId ? this.votes.eligibleLoader(ctx.loaders, personId).load(ballot.id) : Promise.resolve(false);
  }

  @ResolveField('votes', () => VoteConnection, {
    description: 'Current votes, once CLOSED (empty while OPEN, except for SECRETARIAT).',
    complexity: pagePrice,
  })
  async votesOf(
    @Parent() ballot: BallotModel,
    @Context() ctx: RequestContext,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<ConnectionShape<VoteModel>> {
    const page = pageRequest(first, after);
    const view = await this.reader.view(ctx.loaders, ballot);
    if (view.status !== BallotStatus.CLOSED && !(await this.seesLive(ctx, ballot))) {
      return { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 };
    }
    return this.votes.currentVotesLoader(ctx.loaders, page).load(ballot.id);
  }
}
