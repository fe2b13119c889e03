import { Args, Context, ID, Int, Mutation, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@app/platform';
import { MinutesModel } from '../meetings/meeting.model';
import { MinutesService } from './minutes.service';

@Resolver(() => MinutesModel)
export class MinutesResolver {
  constructor(private readonly service: MinutesService) {}

  @Mutation(() => MinutesModel, { description: 'CONFLICT once FINAL or when expectedVersion is stale (0 for the first save).' })
  saveMinutes(
    @Args('meetingId', { type: () => ID }) meetingId: string,
    @Args('body') body: string,
    @Args('expectedVersion', { type: () => Int }) expectedVersion: number,
    @Context() ctx: RequestContext,
  ): Promise<MinutesModel> {
    return this.service.save(ctx.caller, meetingId, body, expectedVersion);
  }

  @Mutation(() => MinutesModel, { description: 'CLOSED meetings only: DRAFT -> FINAL; the minutes can no longer change.' })
  approveMinutes(
    @Args('meetingId', { type: () => ID }) meetingId: string,
    @Context() ctx: RequestContext,
  ): Promise<MinutesModel> {
    return this.service.approve(ctx.caller, meetingId);
  }
}
