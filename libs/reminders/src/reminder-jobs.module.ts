import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { IdentityDataModule } from '@app/identity';
import { QUEUES } from '@app/platform';
import { DeadlineSources } from './deadlines/deadline-sources';
import { MailDelivery } from './delivery/mail-delivery.service';
import { ReminderFiring } from './firing/reminder-firing.service';
import { ReminderReconciliation } from './firing/reminder-reconciliation.service';
import { MailProcessor } from './jobs/mail.processor';
import { OutboxProcessor } from './jobs/outbox.processor';
import { ReminderProcessor } from './jobs/reminder.processor';
import { ReminderSchedulers } from './jobs/reminder-schedulers.service';
import { ReminderTimers } from './jobs/reminder-timers.service';
import { DiscussionNotifications } from './notifications/discussion-notifications';
import { InvitationNotifications } from './notifications/invitation-notifications';
import { NotificationsRepository } from './notifications/notifications.repository';
import { OutboxDrain } from './outbox/outbox-drain.service';
import { PlannedRemindersRepository } from './planning/planned-reminders.repository';
import { ReminderPlanner } from './planning/reminder-planner.service';
import { ReminderPoliciesRepository } from './policy/reminder-policies.repository';
import { RecipientsRepository } from './recipients/recipients.repository';

/**
 * The worker side of reminders: outbox drain, planning, firing, e-mail, digests, reconciliation.
 * The deadline subjects come from the DeadlineSources the domains' modules provide in the same
 * process.
 */
@Module({
  imports: [
    DiscoveryModule,
    IdentityDataModule,
    BullModule.registerQueue({ name: QUEUES.outbox }, { name: QUEUES.reminders }, { name: QUEUES.mail }),
  ],
  providers: [
    DeadlineSources,
    PlannedRemindersRepository,
    ReminderPoliciesRepository,
    NotificationsRepository,
    RecipientsRepository,
    ReminderPlanner,
    ReminderTimers,
    ReminderFiring,
    ReminderReconciliation,
    InvitationNotifications,
    DiscussionNotifications,
    OutboxDrain,
    MailDelivery,
    OutboxProcessor,
    ReminderProcessor,
    MailProcessor,
    ReminderSchedulers,
  ],
  exports: [ReminderPlanner, ReminderTimers],
})
export class ReminderJobsModule {}
