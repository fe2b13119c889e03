import { Args, Context, Float, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type ConnectionShape, pagePrice, pageRequest, type RequestContext } from '@app/platform';
import { TermsOfReferenceModel, TermsOfReferenceVersionModel } from '../documents/terms-of-reference.model';
import { TorReader } from '../documents/tor-reader.service';
import { BallotOutcomeEnum, BallotStatus } from '../graphql-enums';
import { VoteConnection, VoteModel } from '../votes/vote.model';
import { VoteReader } from '../votes/vote-reader.service';
import { BallotAuditModel } from './ballot-audit.model';
import { BallotModel, TallyModel } from './ballot.model';
import { BallotReader } from './ballot-reader.service';
import { BallotsService } from './ballots.service';
import { OpenBallotInput } from './dto/open-ballot.input';

@Resolver(() => BallotModel)
export class BallotsResolver {
  constructor(
    private readonly service: BallotsService,
    private readonly reader: BallotReader,
    private readonly tors: TorReader,
    private readonly votes: VoteReader,
  ) {}

  @Query(() => BallotModel, { nullable: true })
  ballot(@Args('id', { type: () => ID }) id: string, @Context() ctx: RequestContext): Promise<BallotModel> {
    return this.service.byId(ctx, id);
  }

  @Mutation(() => BallotModel, {
    description:
      "On the current version. SECRETARIAT for any; CHAIR for their group's. CONFLICT while another ballot is OPEN or closesAt is not in the future.",
  })
  openBallot(
    @Args('input', { type: () => OpenBallotInput }) input: OpenBallotInput,
    @Context() ctx: RequestContext,
  ): Promise<BallotModel> {
    return this.service.open(ctx.caller, input);
  }

  @Mutation(() => BallotModel, { description: 'SECRETARIAT: closes now, before closesAt.' })
  closeBallot(@Args('ballotId', { type: () => ID }) ballotId: string, @Context() ctx: RequestContext): Promise<BallotModel> {
    return this.service.closeNow(ctx, ballotId);
  }

  @Mutation(() => BallotModel, { description: 'SECRETARIAT; no outcome is recorded.' })
  cancelBallot(
    @Args('ballotId', { type: () => ID }) ballotId: string,
    @Args('reason') reason: string,
    @Context() ctx: RequestContext,
  ): Promise<BallotModel> {
    return this.service.cancel(ctx, ballotId, reason);
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
  tally(@Parent() ballot: BallotModel, @Context() ctx: RequestContext): Promise<TallyModel | null> {
    return this.service.tally(ctx, ballot);
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
  audit(@Parent() ballot: BallotModel, @Context() ctx: RequestContext): Promise<BallotAuditModel | null> {
    return this.service.audit(ctx, ballot);
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
  votesOf(
    @Parent() ballot: BallotModel,
    @Context() ctx: RequestContext,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<ConnectionShape<VoteModel>> {
    return this.service.votesOf(ctx, ballot, pageRequest(first, after));
  }
}
