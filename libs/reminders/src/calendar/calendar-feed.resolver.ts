import { Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@app/platform';
import { CalendarFeedService } from './calendar-feed.service';

@Resolver()
export class CalendarFeedResolver {
  constructor(private readonly service: CalendarFeedService) {}

  @Query(() => String, {
    description:
      "A secret URL of an iCalendar (RFC 5545) feed of the caller's deadlines: the due dates of items\n" +
      'they own or whose group they chair, and the closing times of ballots they may vote in.\n' +
      'Served by the gateway over plain HTTP GET without a bearer token; the secret in the URL is the key.',
  })
  myCalendarFeedUrl(@Context() ctx: RequestContext): Promise<string> {
    return this.service.url(ctx.caller);
  }

  @Mutation(() => String, { description: "Replaces the caller's calendar feed secret; the old URL stops working." })
  rotateMyCalendarFeedUrl(@Context() ctx: RequestContext): Promise<string> {
    return this.service.rotate(ctx.caller);
  }
}
