import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QUEUES } from '@app/platform';
import { MailProcessor } from './jobs/mail.processor';
import { OutboxProcessor } from './jobs/outbox.processor';
import { ReminderPlanner } from './jobs/reminder-planner.service';
import { ReminderProcessor } from './jobs/reminder.processor';
import { ReminderSchedulers } from './jobs/reminder-schedulers.service';
import { ReminderTimers } from './jobs/reminder-timers.service';

/** The worker side of reminders: outbox drain, planning, firing, e-mail, digests, reconciliation. */
@Module({
  imports: [BullModule.registerQueue({ name: QUEUES.outbox }, { name: QUEUES.reminders }, { name: QUEUES.mail })],
  providers: [ReminderPlanner, ReminderTimers, OutboxProcessor, ReminderProcessor, MailProcessor, ReminderSchedulers],
  exports: [ReminderPlanner, ReminderTimers],
})
export class ReminderJobsModule {}
