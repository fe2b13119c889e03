import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { personLoader, PersonModel } from '@app/identity';
import type { RequestContext } from '@app/platform';
import { CastVoteInput } from './dto/cast-vote.input';
import { ReceiptVerificationModel, VoteModel, VoteReceiptModel } from './vote.model';
import { VotesService } from './votes.service';

@Resolver(() => VoteModel)
export class VotesResolver {
  constructor(
    private readonly service: VotesService,
    private readonly dataSource: DataSource,
  ) {}

  @Mutation(() => VoteReceiptModel, {
    description:
      'Eligible voters while OPEN; casting again replaces the earlier vote (revision + 1). FORBIDDEN if not in the electorate, CONFLICT if not OPEN.',
  })
  castVote(
    @Args('input', { type: () => CastVoteInput }) input: CastVoteInput,
    @Context() ctx: RequestContext,
  ): Promise<VoteReceiptModel> {
    return this.service.cast(ctx.caller, input);
  }

  @Query(() => ReceiptVerificationModel)
  verifyBallotReceipt(
    @Args('ballotId', { type: () => ID }) ballotId: string,
    @Args('receipt') receipt: string,
    @Context() ctx: RequestContext,
  ): Promise<ReceiptVerificationModel> {
    return this.service.verifyReceipt(ctx, ballotId, receipt);
  }

  @ResolveField('voter', () => PersonModel)
  async voter(@Parent() vote: VoteModel, @Context() ctx: RequestContext): Promise<PersonModel> {
    return (await personLoader(ctx.loaders, this.dataSource).load(vote.voterId)) as PersonModel;
  }
}
