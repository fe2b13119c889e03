import { Args, Context, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { listOf, type RequestContext } from '@app/platform';
import { initiativeLoader, InitiativeModel } from '@app/structure';
import { BallotModel, BallotReader } from '@app/terms-of-reference';
import { InitiativeProgressModel } from './progress.model';
import { ProgressService } from './progress.service';

@Resolver(() => InitiativeProgressModel)
export class ProgressResolver {
  constructor(
    private readonly service: ProgressService,
    private readonly dataSource: DataSource,
    private readonly ballots: BallotReader,
  ) {}

  @Query(() => InitiativeProgressModel, {
    description: 'Progress of every working group of the initiative. Any member of the initiative may ask.',
  })
  initiativeProgress(
    @Args('initiativeId', { type: () => ID }) initiativeId: string,
    @Context() ctx: RequestContext,
  ): Promise<InitiativeProgressModel> {
    return this.service.initiativeProgress(ctx.caller, initiativeId, ctx.loaders);
  }

  @ResolveField(() => InitiativeModel)
  async initiative(@Parent() progress: InitiativeProgressModel, @Context() ctx: RequestContext): Promise<InitiativeModel> {
    return (await initiativeLoader(ctx.loaders, this.dataSource).load(progress.initiativeId)) as InitiativeModel;
  }

  /** Ballots of the initiative's (and its groups') terms of reference that are OPEN now, closing soonest first: one statement. */
  @ResolveField(() => [BallotModel], { complexity: listOf(100) })
  openBallots(@Parent() progress: InitiativeProgressModel): Promise<BallotModel[]> {
    return this.ballots.openOfInitiative(progress.initiativeId, progress.asOf);
  }
}
