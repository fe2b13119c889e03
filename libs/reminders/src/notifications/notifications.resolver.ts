import { Args, Context, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { type ConnectionShape, pagePrice, pageRequest, type RequestContext } from '@app/platform';
import { EmailMode } from '../graphql-enums';
import { NotificationConnection, type NotificationModel, NotificationPreferencesModel } from './notification.model';
import { NotificationsService } from './notifications.service';

@Resolver()
export class NotificationsResolver {
  constructor(private readonly service: NotificationsService) {}

  @Query(() => NotificationConnection, { complexity: pagePrice })
  myNotifications(
    @Context() ctx: RequestContext,
    @Args('unreadOnly', { type: () => Boolean, nullable: true, defaultValue: false }) unreadOnly: boolean | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<ConnectionShape<NotificationModel>> {
    return this.service.mine(ctx.caller, unreadOnly ?? false, pageRequest(first, after));
  }

  @Query(() => NotificationPreferencesModel)
  myNotificationPreferences(@Context() ctx: RequestContext): Promise<NotificationPreferencesModel> {
    return this.service.preferences(ctx.caller);
  }

  @Mutation(() => Int, { description: "Marks the caller's own notifications read; returns how many changed." })
  markNotificationsRead(@Args('ids', { type: () => [ID] }) ids: string[], @Context() ctx: RequestContext): Promise<number> {
    return this.service.markRead(ctx.caller, ids);
  }

  @Mutation(() => NotificationPreferencesModel)
  setMyNotificationPreferences(
    @Args('emailMode', { type: () => EmailMode }) emailMode: EmailMode,
    @Context() ctx: RequestContext,
  ): Promise<NotificationPreferencesModel> {
    return this.service.setPreferences(ctx.caller, emailMode);
  }
}
