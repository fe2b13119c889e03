import { Args, Context, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { listOf, type RequestContext } from '@app/platform';
import { initiativeLoader, InitiativeModel } from '@app/structure';
import { BALLOT_COLUMNS, BALLOT_FROM, BallotModel } from '@app/terms-of-reference';
import { InitiativeProgressModel } from './progress.model';
import { ProgressService } from './progress.service';

@Resolver(() => InitiativeProgressModel)
export class ProgressResolver {
  constructor(
    private readonly service: ProgressService,
    private readonly dataSource: DataSource,
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
  async openBallots(@Parent() progress: InitiativeProgressModel): Promise<BallotModel[]> {
    const rows = (await this.dataSource.query(
      `SELECT ${BALLOT_COLUMNS} FROM ${BALLOT_FROM}
        WHERE t.initiative_id = $1 AND b.state = 'OPEN' AND b.closes_at > $2::timestamptz
        ORDER BY b.closes_at, b.id`,
      [progress.initiativeId, progress.asOf],
    )) as BallotModel[];
    return rows.map((row) => ({ ...row, quorum: Number(row.quorum) }));
  }
}
