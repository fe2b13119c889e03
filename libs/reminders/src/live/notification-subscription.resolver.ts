import { Context, Resolver, Subscription } from '@nestjs/graphql';
import { AccessPolicy } from '@app/identity';
import type { LiveStream, RequestContext } from '@app/platform';
import { NotificationModel } from '../notifications/notification.model';
import { NotificationFeed } from './notification-feed';

@Resolver()
export class NotificationSubscriptionResolver {
  constructor(
    private readonly policy: AccessPolicy,
    private readonly feed: NotificationFeed,
  ) {}

  /** Only the caller's own: the feed is keyed by the connection's signed-in person. */
  @Subscription(() => NotificationModel, {
    description: "The caller's new notifications, as they are created.",
    resolve: (notification: NotificationModel) => notification,
  })
  notificationAdded(@Context() ctx: RequestContext): Promise<LiveStream<NotificationModel>> {
    const caller = this.policy.requireCaller(ctx.caller);
    return this.feed.watch(caller.personId);
  }
}
