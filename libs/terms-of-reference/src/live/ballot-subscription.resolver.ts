import { Args, Context, ID, Resolver, Subscription } from '@nestjs/graphql';
import type { LiveStream, RequestContext } from '@app/platform';
import { BallotAccess } from '../ballots/ballot-access.service';
import { BallotModel } from '../ballots/ballot.model';
import { BallotFeed } from './ballot-feed';

@Resolver()
export class BallotSubscriptionResolver {
  constructor(
    private readonly access: BallotAccess,
    private readonly feed: BallotFeed,
  ) {}

  /**
   * Authorised as Query.ballot (NOT_FOUND outside the initiative), when subscribing and again
   * for each event, in the event's own context (fresh loaders): the ballot is then resolved by
   * BallotsResolver's field resolvers as the subscriber, so tally stays null for non-secretariat
   * while OPEN and myVote is theirs. Losing access ends the subscription with NOT_FOUND.
   */
  @Subscription(() => BallotModel, {
    description: 'The ballot each time a vote is cast or it opens, closes or is cancelled (visibility as for Query.ballot).',
    resolve(this: BallotSubscriptionResolver, ballotId: string, _args: unknown, ctx: RequestContext) {
      return this.access.readable(ctx, ballotId);
    },
  })
  async ballotUpdated(
    @Args('ballotId', { type: () => ID }) ballotId: string,
    @Context() ctx: RequestContext,
  ): Promise<LiveStream<string>> {
    await this.access.readable(ctx, ballotId);
    return this.feed.watch(ballotId);
  }
}
