import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { IdentityDataModule, IdentityModule } from '@app/identity';
import { StructureDataModule } from '@app/structure';
import { QUEUES } from '@app/platform';
import { DashboardAccess } from './admin/dashboard-access';
import { QueueDashboard } from './admin/queue-dashboard';
import { CalendarFeedController } from './calendar/calendar-feed.controller';
import { CalendarFeedResolver } from './calendar/calendar-feed.resolver';
import { CalendarFeedService } from './calendar/calendar-feed.service';
import { DeadlineSources } from './deadlines/deadline-sources';
import { NotificationsRepository } from './notifications/notifications.repository';
import { NotificationsResolver } from './notifications/notifications.resolver';
import { NotificationsService } from './notifications/notifications.service';
import { NotificationFeed } from './live/notification-feed';
import { NotificationSubscriptionResolver } from './live/notification-subscription.resolver';
import { ReminderPoliciesRepository } from './policy/reminder-policies.repository';
import { ReminderPolicyResolver } from './policy/reminder-policy.resolver';
import { ReminderPolicyService } from './policy/reminder-policy.service';
import { RecipientsRepository } from './recipients/recipients.repository';

/**
 * The gateway side of reminders: the policy (Initiative.reminderPolicy, setReminderPolicy),
 * the caller's notifications and preferences, the calendar feed, and the queue dashboard.
 */
@Module({
  imports: [
    IdentityModule,
    IdentityDataModule,
    StructureDataModule,
    DiscoveryModule,
    BullModule.registerQueue(
      { name: QUEUES.system },
      { name: QUEUES.outbox },
      { name: QUEUES.ballots },
      { name: QUEUES.reminders },
      { name: QUEUES.mail },
    ),
  ],
  controllers: [CalendarFeedController],
  providers: [
    DeadlineSources,
    ReminderPoliciesRepository,
    NotificationsRepository,
    RecipientsRepository,
    ReminderPolicyService,
    ReminderPolicyResolver,
    NotificationsService,
    NotificationsResolver,
    NotificationFeed,
    NotificationSubscriptionResolver,
    CalendarFeedService,
    CalendarFeedResolver,
    DashboardAccess,
    QueueDashboard,
  ],
})
export class RemindersModule {}
