import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { AccessPolicy, personLoader, PersonModel } from '@app/identity';
import type { RequestContext } from '@app/platform';
import { BallotReader } from '../ballots/ballot-reader.service';
import { BallotAccess } from '../ballots/ballot-access.service';
import { CastVoteInput } from './dto/cast-vote.input';
import { ReceiptVerificationModel, VoteModel, VoteReceiptModel } from './vote.model';
import { VotesService } from './votes.service';

@Resolver(() => VoteModel)
export class VotesResolver {
  constructor(
    private readonly policy: AccessPolicy,
    private readonly service: VotesService,
    private readonly ballots: BallotReader,
    private readonly access: BallotAccess,
    private readonly dataSource: DataSource,
  ) {}

  @Mutation(() => VoteReceiptModel, {
    description:
      'Eligible voters while OPEN; casting again replaces the earlier vote (revision + 1). FORBIDDEN if not in the electorate, CONFLICT if not OPEN.',
  })
  async castVote(
    @Args('input', { type: () => CastVoteInput }) input: CastVoteInput,
    @Context() ctx: RequestContext,
  ): Promise<VoteReceiptModel> {
    await this.access.authorizeRead(ctx, input.ballotId);
    return this.service.cast(this.policy.requireCaller(ctx.caller).personId, input);
  }

  @Query(() => ReceiptVerificationModel)
  async verifyBallotReceipt(
    @Args('ballotId', { type: () => ID }) ballotId: string,
    @Args('receipt') receipt: string,
    @Context() ctx: RequestContext,
  ): Promise<ReceiptVerificationModel> {
    const ballot = await this.access.readable(ctx, ballotId);
    const view = await this.ballots.view(ctx.loaders, ballot);
    // A persisted close published its head; otherwise the chain is checked up to its current head.
    return this.service.verify(ballot.id, receipt, ballot.state === 'CLOSED' ? view.chainHead : null);
  }

  @ResolveField('voter', () => PersonModel)
  async voter(@Parent() vote: VoteModel, @Context() ctx: RequestContext): Promise<PersonModel> {
    return (await personLoader(ctx.loaders, this.dataSource).load(vote.voterId)) as PersonModel;
  }
}
